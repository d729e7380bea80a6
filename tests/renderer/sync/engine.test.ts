import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import type { Api } from '../../../shared/contract';
import type { Account } from '../../../shared/domain';
import { retryDelay, startSync } from '../../../renderer/sync/engine';
import { useSyncStatus } from '../../../renderer/stores/sync-status';
import { freshDb } from '../fixtures';

describe('when the sync pulls again after a failure', () => {
  it('waits exactly as long as a rate-limited source asked, however many failures came before', () => {
    expect(retryDelay(new AppError('unavailable', 'Zendesk asks us to wait 40 s.', 40_000), 5)).toBe(40_000);
  });
  it('backs off 2 s, 4 s, 8 s … up to a minute otherwise', () => {
    expect([1, 2, 3, 6, 7, 20].map((n) => retryDelay(new AppError('unavailable', 'down'), n))).toEqual([2_000, 4_000, 8_000, 60_000, 60_000, 60_000]);
  });
  it('does not retry by itself when the agent must sign in again (no retry storm)', () => {
    expect(retryDelay(new AppError('needs_sign_in', 'Zendesk refused the token'), 1)).toBeNull();
  });
});

describe('the sync engine when an account goes', () => {
  it('a pull of the demo that fails because the demo made way for a real account leaves no problem in the status bar', async () => {
    const db = await freshDb();
    const demo: Account = { id: 'demo', type: 'demo', name: 'Demo workspace', demo: true };
    const rt: Account = { id: 'rt', type: 'rt', name: 'Old RT', demo: false };
    let accounts = [demo];
    let failDemo: (error: unknown) => void = () => undefined;
    let demoStarted: () => void = () => undefined;
    const demoPulled = new Promise<void>((started) => {
      demoStarted = started;
    });
    const handlers = new Map<string, (payload: unknown) => void>();
    const api = {
      listAccounts: async () => accounts,
      pull: ({ accountId }: { accountId: string }) =>
        accountId === 'demo'
          ? new Promise((_, reject) => {
              failDemo = reject;
              demoStarted();
            })
          : Promise.resolve({ changes: [], nextCursor: null, done: true }),
      articles: async () => ({ articles: [] }),
      reportActivity: async () => undefined,
      on: (event: string, handler: (payload: unknown) => void) => {
        handlers.set(event, handler);
        return () => handlers.delete(event);
      },
    } as unknown as Api;
    const engine = startSync(api, db);
    try {
      await demoPulled;
      accounts = [rt];
      await engine.refreshAccounts();
      failDemo(new AppError('not_found', 'No account "demo" in this workspace'));
      await expect.poll(() => useSyncStatus.getState().syncing.demo).toBe(false); // its failure was handled
      expect(useSyncStatus.getState().errors.demo ?? null).toBeNull();
      expect((await db.accounts.toArray()).map((a) => a.id)).toEqual(['rt']);
    } finally {
      engine.stop();
    }
  });
});
