/**
 * An account's source, made from its settings: the one place that tells email from a helpdesk. The
 * workspace holds sources and never asks which kind one is.
 *
 * Email: an IMAP + SMTP connector that watches its folders (IDLE), keeps a journal of sent mail, and may
 * sign in with OAuth2. A helpdesk: its registry's connector (main/connectors/helpdesks.ts).
 */
import { join } from 'node:path';
import type { AccountSettings, ImapAccountSettings, OAuth2Auth } from '../../shared/accounts';
import { usesOAuth } from '../../shared/accounts';
import type { Connector, TestResult } from '../../shared/connector';
import type { Emit } from '../../shared/contract';
import { EmailConnector } from '../connectors/email/connector';
import { fileJournal } from '../connectors/email/smtp-journal';
import { helpdeskConnector } from '../connectors/helpdesks';
import type { TokenSet } from './oauth/flow';
import { endpointsOf } from './oauth/providers';
import { OAuthCredentials } from './oauth/tokens';
import { memoryVault, type Vault } from './vault';

export interface Source {
  readonly connector: Connector;
  readonly settings: AccountSettings;
  /** Set up by IT in the accounts file: its secret comes from there, and the agent cannot remove it. */
  readonly provisioned: boolean;
  /** An OAuth2 sign-in (null: a password or token from the vault). */
  readonly oauth: OAuthCredentials | null;
  /** Stops watching and lets go of connections. */
  close(): Promise<void>;
}

export interface SourceContext {
  dataDir: string;
  vault: Vault;
  emit: Emit;
}

/** `tokens`: an OAuth2 account's sign-in that just finished, used from its first pull. */
export function openSource(settings: AccountSettings, id: string, provisioned: boolean, ctx: SourceContext, tokens?: TokenSet): Source {
  const secret = () => ctx.vault.get(id);
  if (settings.type !== 'imap') {
    const helpdesk = helpdeskConnector(settings, id, secret);
    const close = async () => {
      await helpdesk.close?.();
    };
    return { connector: helpdesk, settings, provisioned, oauth: null, close };
  }
  const oauth = usesOAuth(settings) ? new OAuthCredentials(endpointsOf(settings.auth), id, ctx.vault, () => ctx.emit('accountsChanged', {})) : null;
  if (oauth && tokens) oauth.adopt(tokens);
  const connector = new EmailConnector(settings, id, oauth ?? secret, { journal: fileJournal(join(ctx.dataDir, `smtp-${id}.journal`)) });
  const unwatch = connector.watch(() => ctx.emit('syncChanged', { accountId: id }));
  void connector.warmUp();
  return {
    connector,
    settings,
    provisioned,
    oauth,
    close: async () => {
      unwatch();
      await connector.close();
    },
  };
}

/** Whether settings connect with a password or token (nothing is kept). */
export function testSource(settings: AccountSettings, secret: string): Promise<TestResult> {
  return testAndClose(settings.type === 'imap' ? new EmailConnector(settings, 'test', () => secret) : helpdeskConnector(settings, 'test', () => secret));
}

/**
 * Whether an OAuth2 account connects with a finished sign-in's tokens. `keep`: the tokens to store — a
 * provider that rotates refresh tokens may have handed the probe new ones.
 */
export async function testSignIn(settings: ImapAccountSettings & { auth: OAuth2Auth }, tokens: TokenSet): Promise<{ result: TestResult; keep: TokenSet }> {
  const credentials = new OAuthCredentials(endpointsOf(settings.auth), 'probe', memoryVault());
  credentials.adopt(tokens);
  const result = await testAndClose(new EmailConnector(settings, 'test', credentials));
  return { result, keep: credentials.snapshot() ?? tokens };
}

async function testAndClose(probe: Connector): Promise<TestResult> {
  try {
    return await probe.testConnection();
  } finally {
    await probe.close?.();
  }
}

/** The environment variable an accounts file names for the account's secret. */
export function secretVariableOf(settings: AccountSettings): string | undefined {
  return settings.type === 'imap' ? settings.passwordEnv : settings.tokenEnv;
}

/** What the agent knows the account by, for "already added". */
export function addressOf(settings: AccountSettings): string {
  return settings.type === 'imap' ? `${settings.email} on ${settings.imap.host}` : settings.url;
}

/** The account for diagnostics: kind and server, never a user name or a secret. */
export function describeSource({ settings, provisioned }: Pick<Source, 'settings' | 'provisioned'>): string {
  const from = provisioned ? ', from the accounts file' : '';
  if (settings.type !== 'imap') return `${settings.type} ${new URL(settings.url).host}${from}`;
  const { imap, smtp, auth } = settings;
  const oauth = auth?.type === 'oauth2' ? `, OAuth2 (${auth.provider})` : '';
  return `imap ${imap.host}:${imap.port} (${imap.security}), smtp ${smtp.host}:${smtp.port} (${smtp.security})${oauth}${from}`;
}
