/**
 * OAuth2 sign-ins under way: started for new account settings or again for an account, finished when the
 * browser comes back to the loopback redirect (oauth/flow.ts). A finished sign-in for new settings waits
 * here (ten minutes at most) for `addAccount`; its tokens never go to the page.
 */
import { randomBytes } from 'node:crypto';
import { usesOAuth, type ImapAccountSettings } from '../../shared/accounts';
import { AppError, isAppErrorShape } from '../../shared/contract';
import { startSignIn, type SignInFlow, type TokenSet } from './oauth/flow';
import { endpointsOf } from './oauth/providers';
import type { Workspace } from './workspace';

const KEEP_MS = 10 * 60_000;

interface Pending {
  flow: SignInFlow;
  target: { settings: ImapAccountSettings } | { accountId: string };
  tokens?: TokenSet;
  timer?: NodeJS.Timeout;
}

export class SignIns {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly workspace: Workspace,
    /** Opens the page in the system browser; false where the page must open it (browser mode). */
    private readonly openBrowser: (url: string) => Promise<boolean>,
  ) {}

  async begin(target: Pending['target']): Promise<{ signInId: string; url: string; opened: boolean }> {
    const settings = 'settings' in target ? target.settings : this.workspace.settingsOf(target.accountId);
    if (!settings || !usesOAuth(settings)) throw new AppError('invalid_request', 'settings.auth: this account does not sign in with OAuth2');
    const flow = await startSignIn(endpointsOf(settings.auth), { loginHint: settings.email, timeoutMs: KEEP_MS });
    const signInId = randomBytes(18).toString('base64url');
    this.pending.set(signInId, { flow, target });
    const opened = await this.openBrowser(flow.url).catch(() => false);
    return { signInId, url: flow.url, opened };
  }

  /** The outcome, or `waiting` after `waitMs` while the agent is still in the browser (the page asks again). */
  async finish(signInId: string, waitMs = 20_000): Promise<{ ok: true } | { ok: false; message: string } | { waiting: true }> {
    const entry = this.pending.get(signInId);
    if (!entry) return { ok: false, message: 'This sign-in is over; start it again.' };
    if (entry.tokens) return { ok: true };
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waiting'>((resolve) => (timer = setTimeout(() => resolve('waiting'), waitMs)));
    try {
      const outcome = await Promise.race([entry.flow.tokens, waited]);
      if (outcome === 'waiting') return { waiting: true };
      const tokens = outcome;
      if ('accountId' in entry.target) {
        this.pending.delete(signInId);
        await this.workspace.adoptSignIn(entry.target.accountId, tokens);
      } else {
        entry.tokens = tokens;
        entry.timer = setTimeout(() => this.pending.delete(signInId), KEEP_MS);
        entry.timer.unref?.();
      }
      return { ok: true };
    } catch (error) {
      this.pending.delete(signInId);
      return { ok: false, message: isAppErrorShape(error) ? error.message : (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The tokens of a finished sign-in, for the settings it was started with (once). */
  take(signInId: string, settings: ImapAccountSettings): TokenSet {
    const entry = this.pending.get(signInId);
    if (!entry?.tokens || !('settings' in entry.target)) throw new AppError('invalid_request', 'signInId: no finished sign-in has this id; sign in again');
    const started = entry.target.settings;
    if (started.email !== settings.email || JSON.stringify(started.auth) !== JSON.stringify(settings.auth)) {
      throw new AppError('invalid_request', 'signInId: the sign-in was for other settings; sign in again');
    }
    this.pending.delete(signInId);
    clearTimeout(entry.timer);
    return entry.tokens;
  }

  cancel(signInId: string): void {
    const entry = this.pending.get(signInId);
    this.pending.delete(signInId);
    entry?.flow.cancel();
    clearTimeout(entry?.timer);
  }

  close(): void {
    for (const id of [...this.pending.keys()]) this.cancel(id);
  }
}
