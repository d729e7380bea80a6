import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImapAccountSettings, Security } from '../../../shared/accounts';
import type { FoundServers } from '../../../shared/contract';
import { useApp } from '../../app/context';
import { AgentNameField } from './AgentNameField';
import { AccountFormFooter, explainRefusal, useAccountForm } from './account-form';
import { authOf, noApp, OAuthFields, type Method, type OAuthApp } from './OAuthFields';
import { ServerDiscovery } from './ServerDiscovery';
import { SignInWaiting, useBrowserSignIn } from './SignInWaiting';

interface EndpointFields {
  host: string;
  port: string;
  security: Security;
  fingerprint?: string;
}

function EndpointEditor({ legend, value, onChange }: { legend: string; value: EndpointFields; onChange: (v: EndpointFields) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="endpoint">
      <legend>{legend}</legend>
      <label>
        {t('accounts.host')}
        <input value={value.host} onChange={(e) => onChange({ ...value, host: e.target.value.trim(), fingerprint: undefined })} />
      </label>
      <label>
        {t('accounts.port')}
        <input inputMode="numeric" value={value.port} onChange={(e) => onChange({ ...value, port: e.target.value.trim() })} />
      </label>
      <label>
        {t('accounts.security')}
        <select value={value.security} onChange={(e) => onChange({ ...value, security: e.target.value as Security })}>
          {(['tls', 'starttls', 'none'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`accounts.security_${s}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

const endpoint = (e: EndpointFields) => ({ host: e.host, port: Number(e.port), security: e.security, ...(e.fingerprint ? { fingerprint: e.fingerprint } : {}) });

/**
 * Settings → Add email account: the address (servers found from it, editable), then a password — Test
 * connection (with an explicit certificate trust), Add — or a sign-in in the browser, which adds it.
 */
export function AddEmailAccount({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { commands } = useApp();
  const [method, setMethod] = useState<Method>('password');
  const [app, setApp] = useState<OAuthApp>(noApp);
  const browser = useBrowserSignIn();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [folders, setFolders] = useState('INBOX, Sent');
  const [imap, setImap] = useState<EndpointFields>({ host: '', port: '993', security: 'tls' });
  const [smtp, setSmtp] = useState<EndpointFields>({ host: '', port: '465', security: 'tls' });
  const settings = (): ImapAccountSettings => ({
    type: 'imap',
    name: name || email,
    email,
    imap: endpoint(imap),
    smtp: endpoint(smtp),
    username: username || email,
    folders: folders.split(',').map((f) => f.trim()).filter(Boolean),
    signature: '',
    sentCopy: 'auto',
    ...(method === 'password' ? {} : { auth: authOf(method, app) }),
  });
  const form = useAccountForm(settings, password, onDone);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const found = (f: FoundServers) => {
    setImap({ host: f.imap.host, port: String(f.imap.port), security: f.imap.security });
    setSmtp({ host: f.smtp.host, port: String(f.smtp.port), security: f.smtp.security });
    setUsername(f.username === 'local' ? email.split('@')[0]! : '');
    setMethod(f.signIn.type === 'oauth2' ? f.signIn.provider : 'password');
  };
  /** OAuth2: sign in in the browser; main checks the mailbox with the new sign-in, then adds the account. */
  const signInAndAdd = async () => {
    setSignInError(null);
    try {
      const outcome = await browser.run({ settings: settings() });
      if (!outcome.ok) {
        if (outcome.message) setSignInError(outcome.message);
        return;
      }
      setAdding(true);
      await commands.addAccount({ settings: settings(), signInId: outcome.signInId });
      onDone();
    } catch (e) {
      setSignInError(explainRefusal(e instanceof Error ? e.message : String(e), t));
    } finally {
      setAdding(false);
    }
  };
  const { result, setResult } = form;
  const [trusted, setTrusted] = useState<{ endpoint: string; fingerprint: string } | null>(null);
  const trust = () => {
    if (!result || result.ok || !result.fingerprint) return;
    if (result.endpoint === 'smtp') setSmtp({ ...smtp, fingerprint: result.fingerprint });
    else setImap({ ...imap, fingerprint: result.fingerprint });
    setTrusted({ endpoint: result.endpoint === 'smtp' ? t('accounts.smtp') : t('accounts.imap'), fingerprint: result.fingerprint });
    setResult(null);
  };

  return (
    <form className="add-account" aria-label={t('accounts.add')} onSubmit={(e) => { e.preventDefault(); if (method === 'password') form.save(); else void signInAndAdd(); }}>
      <label>
        {t('accounts.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value.trim())} />
      </label>
      <ServerDiscovery email={email} onFound={found} />
      <label>
        {t('accounts.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <AgentNameField onlyIfMissing />
      <EndpointEditor legend={t('accounts.imap')} value={imap} onChange={setImap} />
      <EndpointEditor legend={t('accounts.smtp')} value={smtp} onChange={setSmtp} />
      <label>
        {t('accounts.username')}
        <input value={username} placeholder={email} onChange={(e) => setUsername(e.target.value.trim())} />
      </label>
      <OAuthFields method={method} app={app} onMethod={setMethod} onApp={setApp} />
      {method === 'password' && (
        <label>
          {t('accounts.password')}
          <input type="password" required autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
      )}
      <label>
        {t('accounts.folders')}
        <input value={folders} onChange={(e) => setFolders(e.target.value)} />
      </label>
      {trusted && !result && (
        <p role="status" className="trusted">
          {t('accounts.trusted', trusted)}
        </p>
      )}
      {browser.running && <SignInWaiting signIn={browser.running} />}
      {adding && <p role="status">{t('signIn.adding')}</p>}
      {signInError && <p role="alert" className="error">{signInError}</p>}
      <AccountFormFooter form={form} onCancel={onDone} saveLabel={method === 'password' ? undefined : t('signIn.start', { provider: t(`signIn.method_${method}`) })} test={method === 'password'} busy={!!browser.running || adding}>
        {result && !result.ok && result.fingerprint && (
          <button type="button" onClick={trust}>
            {t('accounts.trust')}
          </button>
        )}
      </AccountFormFooter>
    </form>
  );
}
