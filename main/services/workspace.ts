/**
 * The accounts this installation works with and their connectors: accounts the agent added
 * (`accounts.json`, secrets in the vault), accounts IT provisioned (`--accounts FILE`, secrets from the
 * environment), and the demo workspace while there is no other account and the agent has not removed it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AccountSettings, accountIdOf, type ImapAccountSettings, ProvisioningFile, usesOAuth } from '../../shared/accounts';
import type { Connector, TestResult } from '../../shared/connector';
import { AppError, type Emit } from '../../shared/contract';
import type { Account, Agent } from '../../shared/domain';
import type { PullResult } from '../../shared/sync';
import { safeNames } from '../../shared/display-names';
import { DemoConnector } from '../connectors/demo/connector';
import { fileJournal } from '../connectors/email/smtp-journal';
import { EmailConnector } from '../connectors/email/connector';
import { helpdeskConnector, type HelpdeskSettings } from '../connectors/helpdesks';
import { log } from '../log';
import { readJson, writeJsonAtomic } from './files';
import type { TokenSet } from './oauth/flow';
import { endpointsOf } from './oauth/providers';
import { OAuthCredentials } from './oauth/tokens';
import { memoryVault, type Vault } from './vault';

const Settings = z.object({ demoRemoved: z.boolean().default(false) });
type Settings = z.infer<typeof Settings>;
const SavedAccounts = z.array(AccountSettings);

export interface WorkspaceOptions {
  dataDir: string;
  emit: Emit;
  vault: Vault;
  accountsFile?: string | null;
  env?: Record<string, string | undefined>;
}

/** Reads a provisioning file, or says exactly what is wrong with it. */
export function readProvisioning(file: string): AccountSettings[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The accounts file ${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = ProvisioningFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The accounts file ${file} is not valid at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.accounts;
}

export class Workspace {
  private settings: Settings;
  private demo: DemoConnector | null = null;
  private saved: AccountSettings[];
  private readonly email = new Map<string, { connector: EmailConnector; provisioned: boolean; unwatch: () => void; oauth: OAuthCredentials | null }>();
  /** Helpdesk accounts (Request Tracker, Zendesk). */
  private readonly helpdesks = new Map<string, { connector: Connector; settings: HelpdeskSettings; provisioned: boolean }>();

  constructor(private readonly options: WorkspaceOptions) {
    const { dataDir, vault, accountsFile, env = process.env } = options;
    this.settings = readJson(join(dataDir, 'settings.json'), Settings) ?? { demoRemoved: false };
    this.saved = readJson(join(dataDir, 'accounts.json'), SavedAccounts) ?? [];
    for (const settings of this.saved) {
      if (settings.type === 'imap') this.start(settings, false);
      else this.startHelpdesk(settings, accountIdOf(settings), false);
    }
    for (const settings of accountsFile ? readProvisioning(accountsFile) : []) {
      const id = accountIdOf(settings);
      const variable = settings.type === 'imap' ? settings.passwordEnv : settings.tokenEnv;
      const secret = variable ? env[variable] : undefined;
      if (usesOAuth(settings)) {
        if (!vault.get(id)) log.warn(`account "${settings.name}" signs in with OAuth2 (${settings.auth.provider}): the agent signs in once in Settings → Accounts`);
      } else if (secret) vault.set(id, secret);
      else log.warn(`account "${settings.name}": the environment variable ${variable ?? '(none named)'} is not set; it will ask to sign in`);
      if (settings.type === 'imap') this.start(settings, true);
      else this.startHelpdesk(settings, id, true);
    }
  }

  private startHelpdesk(settings: HelpdeskSettings, id: string, provisioned: boolean): void {
    if (this.helpdesks.has(id)) return;
    this.helpdesks.set(id, { connector: helpdeskConnector(settings, id, () => this.options.vault.get(id)), settings, provisioned });
  }

  /** `tokens`: an OAuth2 account's sign-in just finished, used from its first pull. */
  private start(settings: ImapAccountSettings, provisioned: boolean, tokens?: TokenSet): void {
    const id = accountIdOf(settings);
    if (this.email.has(id)) return;
    const oauth = usesOAuth(settings) ? new OAuthCredentials(endpointsOf(settings.auth), id, this.options.vault, () => this.options.emit('accountsChanged', {})) : null;
    if (oauth && tokens) oauth.adopt(tokens);
    const connector = new EmailConnector(settings, id, oauth ?? (() => this.options.vault.get(id)), { journal: fileJournal(join(this.options.dataDir, `smtp-${id}.journal`)) });
    const unwatch = connector.watch(() => this.options.emit('syncChanged', { accountId: id }));
    void connector.warmUp();
    this.email.set(id, { connector, provisioned, unwatch, oauth });
  }

  private demoShown(): boolean {
    return !this.settings.demoRemoved && this.email.size === 0 && this.helpdesks.size === 0;
  }

  private connectors(): Connector[] {
    const real = [...[...this.email.values()].map((e) => e.connector), ...[...this.helpdesks.values()].map((h) => h.connector)];
    if (!this.demoShown()) return real;
    this.demo ??= new DemoConnector(join(this.options.dataDir, 'demo.json'));
    return [this.demo];
  }

  accounts(): Account[] {
    return this.connectors().map((c) => {
      const oauth = this.email.get(c.account.id)?.oauth;
      const signIn = oauth ? { signIn: 'oauth2' as const, ...(oauth.problem ? { needsSignIn: oauth.problem } : {}) } : {};
      return { ...c.account, capabilities: c.capabilities, ...signIn };
    });
  }

  /** An account's settings, provisioned or added. */
  settingsOf(accountId: string): AccountSettings | null {
    const email = this.email.get(accountId);
    if (email) return email.connector.settings;
    return this.helpdesks.get(accountId)?.settings ?? null;
  }

  /**
   * A pull of one account. A source tells who the agent is with its first answers (RT: from the token):
   * when that changes, the page is told (accountsChanged) and reads it again, for {{agent.name}} and "mine".
   */
  async pull(accountId: string, cursor: string | null): Promise<PullResult> {
    const connector = this.connector(accountId);
    const before = connector.me?.id;
    const result = await connector.pull(cursor);
    if (connector.me?.id !== before) this.options.emit('accountsChanged', {});
    return { ...result, changes: result.changes.map(safeNames) };
  }

  /** The signed-in agent of each account that has one. */
  me(): Agent[] {
    return this.connectors().flatMap((c) => (c.me ? [c.me] : []));
  }

  /** Accounts for diagnostics: kind and server, never a user name or a secret. */
  describeAccounts(): string[] {
    return [
      ...(this.demoShown() ? ['demo'] : []),
      ...[...this.email.values()].map(({ connector, provisioned }) => {
        const { imap, smtp } = connector.settings;
        const auth = connector.settings.auth?.type === 'oauth2' ? `, OAuth2 (${connector.settings.auth.provider})` : '';
        return `imap ${imap.host}:${imap.port} (${imap.security}), smtp ${smtp.host}:${smtp.port} (${smtp.security})${auth}${provisioned ? ', from the accounts file' : ''}`;
      }),
      ...[...this.helpdesks.values()].map(({ settings, provisioned }) => `${settings.type} ${new URL(settings.url).host}${provisioned ? ', from the accounts file' : ''}`),
    ];
  }

  connector(accountId: string): Connector {
    const found = this.connectors().find((c) => c.account.id === accountId);
    if (!found) throw new AppError('not_found', `No account "${accountId}" in this workspace`);
    return found;
  }

  async testAccount(settings: AccountSettings, password: string): Promise<TestResult> {
    if (settings.type !== 'imap') return helpdeskConnector(settings, 'test', () => password).testConnection();
    return this.tryConnection(new EmailConnector(settings, 'test', () => password));
  }

  private async tryConnection(probe: EmailConnector): Promise<TestResult> {
    try {
      return await probe.testConnection();
    } finally {
      await probe.close();
    }
  }

  /**
   * A new account with its password or token, or — signing in with OAuth2 — the tokens of its finished
   * sign-in, tried first: an account that cannot connect is not added.
   */
  async addAccount(settings: AccountSettings, secret: string | TokenSet): Promise<Account> {
    const id = accountIdOf(settings);
    if (this.email.has(id) || this.helpdesks.has(id)) throw new AppError('invalid_request', `settings: ${settings.type === 'imap' ? `${settings.email} on ${settings.imap.host}` : settings.url} is already added`);
    if (typeof secret !== 'string') {
      if (!usesOAuth(settings)) throw new AppError('invalid_request', 'settings.auth: a sign-in is only for an OAuth2 account');
      const probe = new OAuthCredentials(endpointsOf(settings.auth), 'probe', memoryVault());
      probe.adopt(secret);
      const tried = await this.tryConnection(new EmailConnector(settings, 'test', probe));
      if (!tried.ok) throw new AppError('unavailable', tried.message);
      // A provider that rotates refresh tokens may have handed the probe a new one: that one is kept.
      secret = probe.snapshot() ?? secret;
    }
    if (typeof secret === 'string') this.options.vault.set(id, secret); // a sign-in's refresh token: stored by adopt()
    this.saved = [...this.saved, settings];
    writeJsonAtomic(join(this.options.dataDir, 'accounts.json'), this.saved);
    if (settings.type === 'imap') this.start(settings, false, typeof secret === 'string' ? undefined : secret);
    else this.startHelpdesk(settings, id, false);
    this.options.emit('accountsChanged', {});
    return this.accounts().find((a) => a.id === id)!;
  }

  /** A new OAuth2 sign-in for an account (its old one expired or was revoked): used from now on, and it syncs. */
  async adoptSignIn(accountId: string, tokens: TokenSet): Promise<void> {
    const oauth = this.email.get(accountId)?.oauth;
    if (!oauth) throw new AppError('not_found', `No OAuth2 account "${accountId}" in this workspace`);
    oauth.adopt(tokens);
    this.options.emit('syncChanged', { accountId });
  }

  /** A new password or token: tried with the account's settings first, kept only if it works; then a pull. */
  async changeSecret(accountId: string, secret: string): Promise<TestResult> {
    const settings = this.saved.find((s) => accountIdOf(s) === accountId);
    if (!settings) {
      const provisioned = this.email.get(accountId)?.provisioned || this.helpdesks.get(accountId)?.provisioned;
      if (provisioned) throw new AppError('invalid_request', 'accountId: this account is set up by your administrator (accounts file); its secret comes from there');
      throw new AppError('not_found', `No account "${accountId}" in this workspace`);
    }
    if (usesOAuth(settings)) throw new AppError('invalid_request', 'accountId: this account signs in with OAuth2; use Sign in again');
    const result = await this.testAccount(settings, secret);
    if (!result.ok) return result;
    this.options.vault.set(accountId, secret);
    this.options.emit('syncChanged', { accountId });
    return result;
  }

  async removeAccount(accountId: string): Promise<boolean> {
    const helpdesk = this.helpdesks.get(accountId);
    if (helpdesk?.provisioned) throw new AppError('invalid_request', 'accountId: this account is set up by your administrator (accounts file) and cannot be removed here');
    if (helpdesk) {
      this.helpdesks.delete(accountId);
      return this.forget(accountId);
    }
    const entry = this.email.get(accountId);
    if (!entry) return false;
    if (entry.provisioned) throw new AppError('invalid_request', 'accountId: this account is set up by your administrator (accounts file) and cannot be removed here');
    entry.unwatch();
    await entry.connector.close();
    this.email.delete(accountId);
    return this.forget(accountId);
  }

  /** The account's secret and saved settings go; the renderer drops its cached rows. */
  private forget(accountId: string): boolean {
    this.options.vault.delete(accountId);
    this.saved = this.saved.filter((s) => accountIdOf(s) !== accountId);
    writeJsonAtomic(join(this.options.dataDir, 'accounts.json'), this.saved);
    this.options.emit('accountsChanged', {});
    return true;
  }

  setDemoRemoved(removed: boolean): boolean {
    if (this.settings.demoRemoved === removed) return false;
    this.settings = { ...this.settings, demoRemoved: removed };
    writeJsonAtomic(join(this.options.dataDir, 'settings.json'), this.settings);
    this.options.emit('accountsChanged', {});
    return true;
  }

  async close(): Promise<void> {
    for (const entry of this.email.values()) {
      entry.unwatch();
      await entry.connector.close();
    }
  }
}
