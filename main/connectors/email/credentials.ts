/**
 * What an email account signs in to IMAP and SMTP with: a password, or an OAuth2 access token
 * (main/services/oauth/tokens.ts) that is refreshed before it expires and once more when a server refuses it.
 */
export type Login = { pass: string } | { accessToken: string };

export interface Credentials {
  readonly kind: 'password' | 'oauth2';
  /** Whether anything is stored to sign in with (no: the account needs the agent). */
  stored(): boolean;
  /** What to sign in with now; null when nothing is stored. Throws `needs_sign_in` when a sign-in is over. */
  current(): Promise<Login | null>;
  /** A server refused `login`: true when a new one is worth one more try (a refreshed token), false for a password. */
  refused(login: Login): Promise<boolean>;
}

export function passwordCredentials(password: () => string | null): Credentials {
  return {
    kind: 'password',
    stored: () => password() !== null,
    current: async () => {
      const pass = password();
      return pass === null ? null : { pass };
    },
    refused: async () => false,
  };
}

/** imapflow's and nodemailer's `auth` for a login. */
export function imapAuth(user: string, login: Login): { user: string; pass: string } | { user: string; accessToken: string } {
  return 'pass' in login ? { user, pass: login.pass } : { user, accessToken: login.accessToken };
}

export function smtpAuth(user: string, login: Login): { user: string; pass: string } | { type: 'OAuth2'; user: string; accessToken: string } {
  return 'pass' in login ? { user, pass: login.pass } : { type: 'OAuth2', user, accessToken: login.accessToken };
}
