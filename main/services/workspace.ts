/**
 * The accounts this installation works with and their connectors: accounts the agent added
 * (`accounts.json`, secrets in the vault), accounts IT provisioned (`--accounts FILE`, secrets from the
 * environment), and the demo workspace while there is no other account and the agent has not removed it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AccountSettings, accountIdOf, ProvisioningFile, usesOAuth } from '../../shared/accounts';
import type { Connector, TestResult } from '../../shared/connector';
import { AppError, type Emit } from '../../shared/contract';
import type { Account, Agent } from '../../shared/domain';
import type { PullResult } from '../../shared/sync';
import { safeNames } from '../../shared/display-names';
import { DemoConnector } from '../connectors/demo/connector';
import { log } from '../log';
import { readJson, writeJsonAtomic } from './files';
import type { TokenSet } from './oauth/flow';
import { addressOf, describeSource, openSource, secretVariableOf, type Source, testSignIn, testSource } from './sources';
import type { Vault } from './vault';

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
  /** Every account's source by account id, email and helpdesks alike (main/services/sources.ts). */
  private readonly sources = new Map<string, Source>();

  constructor(private readonly options: WorkspaceOptions) {
    const { dataDir, vault, accountsFile, env = process.env } = options;
    this.settings = readJson(join(dataDir, 'settings.json'), Settings) ?? { demoRemoved: false };
    this.saved = readJson(join(dataDir, 'accounts.json'), SavedAccounts) ?? [];
    for (const settings of this.saved) this.start(settings, false);
    for (const settings of accountsFile ? readProvisioning(accountsFile) : []) {
      const id = accountIdOf(settings);
      const variable = secretVariableOf(settings);
      const secret = variable ? env[variable] : undefined;
      if (usesOAuth(settings)) {
        if (!vault.get(id)) log.warn(`account "${settings.name}" signs in with OAuth2 (${settings.auth.provider}): the agent signs in once in Settings → Accounts`);
      } else if (secret) vault.set(id, secret);
      else log.warn(`account "${settings.name}": the environment variable ${variable ?? '(none named)'} is not set; it will ask to sign in`);
      this.start(settings, true);
    }
  }

  /** `tokens`: an OAuth2 account's sign-in just finished, used from its first pull. */
  private start(settings: AccountSettings, provisioned: boolean, tokens?: TokenSet): void {
    const id = accountIdOf(settings);
    if (!this.sources.has(id)) this.sources.set(id, openSource(settings, id, provisioned, this.options, tokens));
  }

  private demoShown(): boolean {
    return !this.settings.demoRemoved && this.sources.size === 0;
  }

  private connectors(): Connector[] {
    const real = [...this.sources.values()].map((s) => s.connector);
    if (!this.demoShown()) return real;
    this.demo ??= new DemoConnector(join(this.options.dataDir, 'demo.json'));
    return [this.demo];
  }

  accounts(): Account[] {
    return this.connectors().map((c) => {
      const oauth = this.sources.get(c.account.id)?.oauth;
      const signIn = oauth ? { signIn: 'oauth2' as const, ...(oauth.problem ? { needsSignIn: oauth.problem } : {}) } : {};
      return { ...c.account, capabilities: c.capabilities, ...signIn };
    });
  }

  /** An account's settings, provisioned or added. */
  settingsOf(accountId: string): AccountSettings | null {
    return this.sources.get(accountId)?.settings ?? null;
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
    return [...(this.demoShown() ? ['demo'] : []), ...[...this.sources.values()].map(describeSource)];
  }

  connector(accountId: string): Connector {
    const found = this.connectors().find((c) => c.account.id === accountId);
    if (!found) throw new AppError('not_found', `No account "${accountId}" in this workspace`);
    return found;
  }

  async testAccount(settings: AccountSettings, password: string): Promise<TestResult> {
    return testSource(settings, password);
  }

  /**
   * A new account with its password or token, or — signing in with OAuth2 — the tokens of its finished
   * sign-in, tried first: an account that cannot connect is not added.
   */
  async addAccount(settings: AccountSettings, secret: string | TokenSet): Promise<Account> {
    const id = accountIdOf(settings);
    if (this.sources.has(id)) throw new AppError('invalid_request', `settings: ${addressOf(settings)} is already added`);
    if (typeof secret !== 'string') {
      if (!usesOAuth(settings)) throw new AppError('invalid_request', 'settings.auth: a sign-in is only for an OAuth2 account');
      const tried = await testSignIn(settings, secret);
      if (!tried.result.ok) throw new AppError('unavailable', tried.result.message);
      secret = tried.keep;
    }
    if (typeof secret === 'string') this.options.vault.set(id, secret); // a sign-in's refresh token: stored by adopt()
    this.saved = [...this.saved, settings];
    writeJsonAtomic(join(this.options.dataDir, 'accounts.json'), this.saved);
    this.start(settings, false, typeof secret === 'string' ? undefined : secret);
    this.options.emit('accountsChanged', {});
    return this.accounts().find((a) => a.id === id)!;
  }

  /** A new OAuth2 sign-in for an account (its old one expired or was revoked): used from now on, and it syncs. */
  async adoptSignIn(accountId: string, tokens: TokenSet): Promise<void> {
    const oauth = this.sources.get(accountId)?.oauth;
    if (!oauth) throw new AppError('not_found', `No OAuth2 account "${accountId}" in this workspace`);
    oauth.adopt(tokens);
    this.options.emit('syncChanged', { accountId });
  }

  /** A new password or token: tried with the account's settings first, kept only if it works; then a pull. */
  async changeSecret(accountId: string, secret: string): Promise<TestResult> {
    const settings = this.saved.find((s) => accountIdOf(s) === accountId);
    if (!settings) {
      if (this.sources.get(accountId)?.provisioned) throw new AppError('invalid_request', 'accountId: this account is set up by your administrator (accounts file); its secret comes from there');
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
    const source = this.sources.get(accountId);
    if (!source) return false;
    if (source.provisioned) throw new AppError('invalid_request', 'accountId: this account is set up by your administrator (accounts file) and cannot be removed here');
    await source.close();
    this.sources.delete(accountId);
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
    for (const source of this.sources.values()) await source.close();
  }
}
