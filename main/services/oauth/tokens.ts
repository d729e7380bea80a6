/**
 * An OAuth2 account's credentials: the refresh token lives in the vault like a password; the access token
 * only in memory. It is refreshed a minute before it expires, and once when a server refuses it. Refreshes
 * run one at a time — providers that rotate refresh tokens revoke the whole sign-in when an old one is
 * used twice — and a rotated refresh token is in the vault before the new access token is used.
 */
import { isAppErrorShape } from '../../../shared/contract/errors';
import type { Credentials, Login } from '../../connectors/email/credentials';
import type { Vault } from '../vault';
import { refreshTokens, type TokenSet } from './flow';
import type { OAuthEndpoints } from './providers';

const EARLY_MS = 60_000;

export class OAuthCredentials implements Credentials {
  readonly kind = 'oauth2' as const;
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;
  /** Why the agent must sign in again (the provider refused the refresh token); null while signed in. */
  problem: string | null = null;

  constructor(
    private readonly endpoints: OAuthEndpoints,
    private readonly accountId: string,
    private readonly vault: Vault,
    /** Told when `problem` changes. */
    private readonly onChange: () => void = () => undefined,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private setProblem(problem: string | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.onChange();
  }

  stored(): boolean {
    return this.vault.get(this.accountId) !== null;
  }

  /** A sign-in just completed: its tokens are used from now on. */
  adopt(tokens: TokenSet): void {
    this.vault.set(this.accountId, tokens.refreshToken);
    this.access = { token: tokens.accessToken, expiresAt: tokens.expiresAt };
    this.setProblem(null);
  }

  /** The tokens as they are now (a refresh during a connection test may have rotated the refresh token). */
  snapshot(): TokenSet | null {
    const refreshToken = this.vault.get(this.accountId);
    return refreshToken && this.access ? { refreshToken, accessToken: this.access.token, expiresAt: this.access.expiresAt } : null;
  }

  async current(): Promise<Login | null> {
    if (!this.stored()) return null;
    if (this.access && this.access.expiresAt - EARLY_MS > Date.now()) return { accessToken: this.access.token };
    return { accessToken: await this.refresh() };
  }

  async refused(login: Login): Promise<boolean> {
    if (!('accessToken' in login) || !this.stored()) return false;
    // Refused while another caller already refreshed: the new token is worth the try.
    if (this.access && this.access.token !== login.accessToken) return true;
    this.access = null;
    return true;
  }

  private refresh(): Promise<string> {
    this.refreshing ??= (async () => {
      const refreshToken = this.vault.get(this.accountId);
      if (refreshToken === null) throw new Error('no refresh token'); // stored() was checked; removed meanwhile
      const set = await refreshTokens(this.endpoints, refreshToken, this.fetchImpl).catch((error: unknown) => {
        if (isAppErrorShape(error) && error.code === 'needs_sign_in') this.setProblem(error.message);
        throw error;
      });
      if (set.refreshToken && set.refreshToken !== refreshToken) this.vault.set(this.accountId, set.refreshToken);
      this.access = { token: set.accessToken, expiresAt: set.expiresAt };
      return set.accessToken;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}
