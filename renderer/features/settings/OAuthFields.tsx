/** How an email account signs in: a password, or OAuth2 with Google, Microsoft or another provider, and that app's details. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountAuth } from '../../../shared/accounts';

export type Method = 'password' | 'google' | 'microsoft' | 'custom';
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  tenant: string;
  authorizationUrl: string;
  tokenUrl: string;
}
export const noApp: OAuthApp = { clientId: '', clientSecret: '', tenant: '', authorizationUrl: '', tokenUrl: '' };

/** The settings' `auth` for what the form holds (undefined: a password). */
export function authOf(method: Method, app: OAuthApp): AccountAuth | undefined {
  if (method === 'password') return undefined;
  const optional = (key: keyof OAuthApp, keep: boolean) => (keep && app[key].trim() ? { [key]: app[key].trim() } : {});
  return {
    type: 'oauth2',
    provider: method,
    clientId: app.clientId.trim(),
    ...optional('clientSecret', method === 'google'),
    ...optional('tenant', method === 'microsoft'),
    ...optional('authorizationUrl', method === 'custom'),
    ...optional('tokenUrl', method === 'custom'),
  };
}

export function OAuthFields({ method, app, onMethod, onApp }: { method: Method; app: OAuthApp; onMethod: (m: Method) => void; onApp: (a: OAuthApp) => void }) {
  const { t } = useTranslation();
  const methodId = useId();
  const field = (key: keyof OAuthApp, label: string, required = false) => (
    <label>
      {label}
      <input value={app[key]} required={required} autoComplete="off" onChange={(e) => onApp({ ...app, [key]: e.target.value })} />
    </label>
  );
  return (
    <>
      {/* Labelled by id, not by wrapping: the label is "Sign-in", not the text of every option. */}
      <div className="field">
        <label htmlFor={methodId}>{t('signIn.method')}</label>
        <select id={methodId} value={method} onChange={(e) => onMethod(e.target.value as Method)}>
          {(['password', 'google', 'microsoft', 'custom'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`signIn.method_${m}`)}
            </option>
          ))}
        </select>
      </div>
      {method !== 'password' && (
        <fieldset className="oauth-app">
          <p className="muted">{t('signIn.clientIdHint')}</p>
          {field('clientId', t('signIn.clientId'), true)}
          {method === 'google' && field('clientSecret', t('signIn.clientSecret'))}
          {method === 'microsoft' && field('tenant', t('signIn.tenant'))}
          {method === 'custom' && field('authorizationUrl', t('signIn.authorizationUrl'), true)}
          {method === 'custom' && field('tokenUrl', t('signIn.tokenUrl'), true)}
        </fieldset>
      )}
    </>
  );
}
