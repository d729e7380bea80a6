/**
 * The endpoints, scopes and extra parameters of each OAuth2 provider an email account can sign in with.
 * Google and Microsoft are built in (their mail scopes give IMAP and SMTP); "custom" takes its endpoints
 * from the account's settings (provisioning file or Settings).
 */
import type { OAuth2Auth } from '../../../shared/accounts';

export interface OAuthEndpoints {
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  clientId: string;
  clientSecret?: string;
  scopes: string[];
  /** Parameters a provider needs to hand out a refresh token (Google's access_type=offline). */
  extra: Record<string, string>;
  /** For messages: "Google", "Microsoft", or the provider's host. */
  label: string;
}

export function endpointsOf(auth: OAuth2Auth): OAuthEndpoints {
  const client = { clientId: auth.clientId, ...(auth.clientSecret ? { clientSecret: auth.clientSecret } : {}) };
  if (auth.provider === 'google') {
    return {
      ...client,
      label: 'Google',
      authorizationUrl: auth.authorizationUrl ?? 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: auth.tokenUrl ?? 'https://oauth2.googleapis.com/token',
      revocationUrl: auth.revocationUrl ?? 'https://oauth2.googleapis.com/revoke',
      // Full mail access is the only scope Gmail's IMAP and SMTP accept.
      scopes: auth.scopes ?? ['https://mail.google.com/'],
      extra: { access_type: 'offline', prompt: 'consent' },
    };
  }
  if (auth.provider === 'microsoft') {
    const tenant = auth.tenant ?? 'common';
    return {
      ...client,
      label: 'Microsoft',
      authorizationUrl: auth.authorizationUrl ?? `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
      tokenUrl: auth.tokenUrl ?? `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
      scopes: auth.scopes ?? ['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send', 'offline_access'],
      extra: { prompt: 'select_account' },
    };
  }
  return {
    ...client,
    label: new URL(auth.authorizationUrl!).host,
    authorizationUrl: auth.authorizationUrl!,
    tokenUrl: auth.tokenUrl!,
    ...(auth.revocationUrl ? { revocationUrl: auth.revocationUrl } : {}),
    // OpenID Connect gives a refresh token for offline_access only with consent asked for.
    scopes: auth.scopes ?? ['openid', 'email', 'offline_access'],
    extra: { prompt: 'consent' },
  };
}
