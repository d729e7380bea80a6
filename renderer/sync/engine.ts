/**
 * The sync engine: keeps the cache's accounts in step with main, pulls each account at start, when main
 * says a source changed, on an interval and when the network returns, and flushes the outbox.
 * One pull per account at a time; one flush at a time.
 */
import type { Api } from '../../shared/contract';
import { isAppErrorShape } from '../../shared/contract/errors';
import { purgeAccount, type SwitchboardDb } from '../db/schema';
import { flush, nextDue } from './outbox';
import { refreshArticles } from './articles';
import { pullAccount } from './pull';
import { useShell } from '../stores/shell';
import { useSyncStatus } from '../stores/sync-status';

const PULL_INTERVAL_MS = 60_000;
const FLUSH_INTERVAL_MS = 5_000;
/** The mark where the sync begins (bench:ingest reads it by this name). */
const SYNC_STARTED = 'switchboard:sync-started';

export interface SyncEngine {
  /** Send queued changes now (after a local change). */
  kick(): void;
  refreshAccounts(): Promise<void>;
  /** The account answers again (or has a new secret): what waited for it goes now, not after its backoff. */
  retryNow(accountId: string): Promise<void>;
  stop(): void;
}

/**
 * When to pull again after the `failures`-th failure in a row: exactly when the source said (429
 * Retry-After), else 2 s, 4 s, 8 s … up to a minute; never by itself when the agent must sign in again.
 */
export function retryDelay(error: unknown, failures: number): number | null {
  if (isAppErrorShape(error) && (error.code === 'needs_sign_in' || error.code === 'not_found')) return null;
  if (isAppErrorShape(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return Math.min(60_000, 1000 * 2 ** failures);
}

/** `afterPull`: called after every successful pull of an account (notifications are decided there). */
export function startSync(api: Api, db: SwitchboardDb, afterPull: () => void = () => undefined): SyncEngine {
  // Where the sync begins on the page's timeline, for profiles (bench:ingest measures the UI's tasks from here).
  performance.mark(SYNC_STARTED);
  const running = new Map<string, Promise<void>>();
  let flushing: Promise<void> | null = null;
  let dueTimer: ReturnType<typeof setTimeout> | undefined;
  let flushAgain = false;
  const status = useSyncStatus.getState();

  const failures = new Map<string, number>();
  const retries = new Map<string, ReturnType<typeof setTimeout>>();

  /** After a failed pull, try again later (see retryDelay); a refused password waits for the agent. */
  function retryLater(accountId: string, error: unknown): void {
    const count = (failures.get(accountId) ?? 0) + 1;
    const delay = retryDelay(error, count);
    if (delay === null) return;
    failures.set(accountId, count);
    clearTimeout(retries.get(accountId));
    retries.set(accountId, setTimeout(() => void pull(accountId), delay));
  }

  /** Paused from the tray or the status bar: nothing is pulled or sent until resumed. */
  const paused = () => useShell.getState().state?.syncPaused === true;
  /** Main holds back an update's restart while changes are being sent. */
  let reportedBusy = false;
  const reportBusy = (busy: boolean) => {
    if (busy === reportedBusy) return;
    reportedBusy = busy;
    api.reportActivity({ outboxBusy: busy }).catch(() => undefined);
  };

  function pull(accountId: string): Promise<void> {
    if (paused()) return Promise.resolve();
    const previous = running.get(accountId) ?? Promise.resolve();
    const next = previous.then(async () => {
      status.setSyncing(accountId, true);
      try {
        await pullAccount(api, db, accountId, (p) => status.setProgress(accountId, p.items && p.items.done < p.items.total ? p.items : undefined));
        status.setError(accountId, null);
        failures.delete(accountId);
        afterPull();
        refreshArticles(api, db, accountId).catch(() => undefined); // the articles wait for the next hour
      } catch (error) {
        // An account removed meanwhile (the demo making way for the first real one) has nothing to report.
        if (!(await db.accounts.get(accountId))) return;
        status.setError(accountId, error instanceof Error ? error.message : String(error));
        retryLater(accountId, error);
      } finally {
        status.setSyncing(accountId, false);
        status.setProgress(accountId, undefined);
      }
    });
    running.set(accountId, next);
    return next;
  }

  function kick(): void {
    if (paused()) return;
    if (flushing) {
      flushAgain = true;
      return;
    }
    flushing = (async () => {
      if ((await db.outbox.count()) === 0) return;
      reportBusy(true);
      await flush(api, db);
      // Wake exactly when the next waiting change is due (an undo window, a Retry-After, a backoff).
      const due = await nextDue(db);
      clearTimeout(dueTimer);
      if (due !== null) dueTimer = setTimeout(kick, Math.max(100, due - Date.now() + 20));
    })()
      .then(() => undefined, () => undefined)
      .finally(() => {
        flushing = null;
        if (!flushAgain) reportBusy(false);
        if (flushAgain) {
          flushAgain = false;
          kick();
        }
      });
  }

  async function refreshAccounts(): Promise<void> {
    const accounts = await api.listAccounts({});
    const known = new Set(accounts.map((a) => a.id));
    for (const cached of await db.accounts.toArray()) {
      if (known.has(cached.id)) continue;
      await purgeAccount(db, cached.id);
      // Its problems and its next try go with it.
      clearTimeout(retries.get(cached.id));
      retries.delete(cached.id);
      failures.delete(cached.id);
      status.setError(cached.id, null);
    }
    await db.accounts.bulkPut(accounts);
    await Promise.all(accounts.map((a) => pull(a.id)));
  }

  const offChanged = api.on('syncChanged', ({ accountId }) => void pull(accountId));
  async function retryNow(accountId: string): Promise<void> {
    // Rows still in their undo window (no attempt yet) keep it.
    await db.outbox
      .where('accountId')
      .equals(accountId)
      .modify((row) => {
        if (row.state === 'pending' && row.attempts > 0) row.nextAttemptAt = Date.now();
      });
    kick();
  }

  const offReach = api.on('connectivityChanged', ({ accountId, reachable }) => {
    if (reachable) void retryNow(accountId);
  });
  const offAccounts = api.on('accountsChanged', () => void refreshAccounts());
  const pullAll = () => void db.accounts.toArray().then((all) => all.forEach((a) => void pull(a.id)));
  const online = () => {
    pullAll();
    kick();
  };
  window.addEventListener('online', online);
  // Resumed (from the tray or the status bar): catch up at once.
  const offShell = useShell.subscribe((now, before) => {
    if (before.state?.syncPaused && !now.state?.syncPaused) online();
  });
  const pullTimer = setInterval(pullAll, PULL_INTERVAL_MS);
  const flushTimer = setInterval(kick, FLUSH_INTERVAL_MS);

  void refreshAccounts()
    .catch((error: unknown) => status.setError('*', error instanceof Error ? error.message : String(error)))
    .finally(kick);

  return {
    kick,
    refreshAccounts,
    retryNow,
    stop() {
      offChanged();
      offAccounts();
      offReach();
      offShell();
      window.removeEventListener('online', online);
      clearInterval(pullTimer);
      clearInterval(flushTimer);
      clearTimeout(dueTimer);
      for (const timer of retries.values()) clearTimeout(timer);
    },
  };
}
