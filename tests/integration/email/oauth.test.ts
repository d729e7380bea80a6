/**
 * OAuth2 sign-in against real servers: a real OpenID Connect server (oidc-provider) issuing tokens through
 * its login and consent pages, Dovecot checking them with its oauth2 passdb (OAUTHBEARER, and XOAUTH2 on
 * a server that offers only that), and an SMTP server taking XOAUTH2 checked the same way. Every test
 * "restarts": a new connector that has only what the vault kept.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuth2Auth } from '../../../shared/accounts';
import type { Mutation } from '../../../shared/mutation';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { startSignIn, type TokenSet } from '../../../main/services/oauth/flow';
import { endpointsOf } from '../../../main/services/oauth/providers';
import { OAuthCredentials } from '../../../main/services/oauth/tokens';
import { memoryVault, type Vault } from '../../../main/services/vault';
import { chromiumArgs, chromiumExecutable } from '../../support/chromium';
import { signInAtProvider } from '../../support/oidc-login';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { mail, rawClient, settingsFor } from '../peers/mail';
import { startOidc, type Oidc } from '../peers/oidc';
import { startSmtpSink, type SmtpSink } from '../peers/smtp-sink';

let oidc: Oidc;
let dc: Dovecot;
let sink: SmtpSink;
let browser: Browser;

beforeAll(async () => {
  oidc = await startOidc({ accessTokenSeconds: 600 });
  dc = await startDovecot({ oauth2: { introspectionUrl: oidc.introspectionUrlWithCredentials } });
  sink = await startSmtpSink(dc.lmtpSocket, undefined, (token) => oidc.introspect(token));
  browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await sink?.stop();
  dc?.stop();
  await oidc?.stop();
});

const auth = (): OAuth2Auth => ({ type: 'oauth2', provider: 'custom', clientId: oidc.clientId, authorizationUrl: oidc.authorizationUrl, tokenUrl: oidc.tokenUrl });

/** The agent signs in in the browser; the tokens come back to the loopback redirect. */
async function signIn(login: string = users.agent.email): Promise<TokenSet> {
  const flow = await startSignIn(endpointsOf(auth()), { loginHint: login, timeoutMs: 30_000 });
  const page = await browser.newPage();
  try {
    await signInAtProvider(page, flow.url, login);
    return await flow.tokens;
  } finally {
    await page.close();
  }
}

function connectorWith(vault: Vault, dovecot: Dovecot = dc): { connector: EmailConnector; credentials: OAuthCredentials } {
  const credentials = new OAuthCredentials(endpointsOf(auth()), 'oauth-account', vault);
  const settings = settingsFor(dovecot, sink.port, users.agent, { auth: auth() });
  return { connector: new EmailConnector(settings, 'oauth-account', credentials), credentials };
}

const reply = (text: string): Mutation => ({
  id: crypto.randomUUID(),
  accountId: 'oauth-account',
  ticketId: 'oauth-account:t1',
  remoteId: 'oauth-1@example.test',
  baseVersion: null,
  createdAt: Date.now(),
  op: { type: 'reply', text, internal: false },
  email: { to: [{ name: 'Alice', email: users.alice.email }], cc: [], subject: 'Re: Signed in by token', inReplyTo: 'oauth-1@example.test', references: ['oauth-1@example.test'], targets: [] },
});

describe('OAuth2 for IMAP and SMTP', () => {
  it('signs in through the provider’s pages, syncs mail and sends a reply once; after a restart the refresh token alone is enough', async () => {
    const box = await rawClient(dc, users.agent);
    await box.append('INBOX', mail(1, { subject: 'Signed in by token', messageId: 'oauth-1@example.test' }));
    await box.logout();
    const vault = memoryVault();
    const first = connectorWith(vault);
    first.credentials.adopt(await signIn());
    expect(vault.get('oauth-account')).toMatch(/\S{20,}/); // the refresh token, in the vault only
    expect(await first.connector.testConnection()).toEqual({ ok: true, notes: [] });
    const pulled = await first.connector.pull(null);
    expect(JSON.stringify(pulled.changes)).toContain('Signed in by token');
    const sent = await first.connector.push(reply('Your refund is on its way.'));
    expect(sent.kind).toBe('applied');
    expect(sink.messages.filter((m) => m.raw.includes('Your refund is on its way.')).map((m) => m.user)).toEqual([users.agent.email]); // once, signed in by token
    await first.connector.close();

    const refreshesBefore = oidc.refreshes;
    const again = connectorWith(vault); // a restart: no access token in memory
    const more = await again.connector.pull(null);
    expect(JSON.stringify(more.changes)).toContain('Signed in by token');
    expect(oidc.refreshes).toBe(refreshesBefore + 1);
    await again.connector.close();
  });

  it('an access token the server refuses is refreshed once and the work goes on', async () => {
    const vault = memoryVault();
    const { connector, credentials } = connectorWith(vault);
    const tokens = await signIn();
    // The app believes its token good for an hour; the server no longer takes it.
    credentials.adopt({ ...tokens, accessToken: 'revoked-at-the-server', expiresAt: Date.now() + 3_600_000 });
    const before = oidc.refreshes;
    await expect(connector.pull(null)).resolves.toMatchObject({ done: expect.any(Boolean) });
    expect(oidc.refreshes).toBe(before + 1);
    await connector.close();
  });

  it('short-lived access tokens are refreshed before they expire, with no failed login', async () => {
    oidc.setAccessTokenSeconds(62); // refreshed a minute ahead: every new connection after two seconds takes a new token
    try {
      const vault = memoryVault();
      const { connector, credentials } = connectorWith(vault);
      credentials.adopt(await signIn());
      const before = oidc.refreshes;
      for (let round = 0; round < 3; round++) {
        await new Promise((r) => setTimeout(r, 2_100));
        expect(await connector.testConnection()).toEqual({ ok: true, notes: [] });
      }
      expect(oidc.refreshes).toBeGreaterThanOrEqual(before + 3);
      await connector.close();
    } finally {
      oidc.setAccessTokenSeconds(600);
    }
  });

  it('a sign-in revoked at the provider: "needs sign-in" naming what to do; signing in again works', async () => {
    const vault = memoryVault();
    const { connector, credentials } = connectorWith(vault);
    credentials.adopt(await signIn());
    await connector.pull(null);
    await connector.close();
    expect(await oidc.revokeAll()).toBeGreaterThan(0);
    const restarted = connectorWith(vault);
    await expect(restarted.connector.pull(null)).rejects.toMatchObject({ code: 'needs_sign_in', message: expect.stringMatching(/expired or was revoked.*Sign in again/) });
    restarted.credentials.adopt(await signIn());
    await expect(restarted.connector.pull(null)).resolves.toBeTruthy();
    await restarted.connector.close();
  });

  it('a server that offers only XOAUTH2 (as Gmail and Outlook do) signs in with it', async () => {
    const onlyXoauth = await startDovecot({ oauth2: { introspectionUrl: oidc.introspectionUrlWithCredentials, mechanisms: ['xoauth2'] } });
    try {
      const vault = memoryVault();
      const { connector, credentials } = connectorWith(vault, onlyXoauth);
      credentials.adopt(await signIn());
      expect(await connector.testConnection()).toEqual({ ok: true, notes: [] });
      await connector.close();
    } finally {
      onlyXoauth.stop();
    }
  });

  it('at most three connections per account while it syncs, watches and sends (Gmail allows 15 per user)', async () => {
    const vault = memoryVault();
    const { connector, credentials } = connectorWith(vault);
    credentials.adopt(await signIn());
    const unwatch = connector.watch(() => undefined);
    await connector.pull(null);
    await connector.push(reply('A second reply, while watching.'));
    await connector.pull(null);
    await new Promise((r) => setTimeout(r, 500));
    const who = execFileSync('doveadm', ['-c', `${dc.dir}/dovecot.conf`, 'who'], { encoding: 'utf8' });
    const open = Number(new RegExp(`^${users.agent.email.replace('.', '\\.')}\\s+(\\d+)\\s+imap`, 'm').exec(who)?.[1]);
    expect(open).toBeGreaterThanOrEqual(2);
    expect(open).toBeLessThanOrEqual(3);
    unwatch();
    await connector.close();
  });

  it('a token for another user is refused by the mail server', async () => {
    const vault = memoryVault();
    const { connector, credentials } = connectorWith(vault);
    credentials.adopt(await signIn(users.alice.email)); // signed in as Alice, logging in as the agent
    expect(await connector.testConnection()).toMatchObject({ ok: false, problem: 'auth' });
    await connector.close();
  });
});
