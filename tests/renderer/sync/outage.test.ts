import { describe, expect, it } from 'vitest';
import type { Api, EventName } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/errors';
import type { Mutation, PushResult } from '../../../shared/mutation';
import { startSync } from '../../../renderer/sync/engine';
import { enqueue, flush } from '../../../renderer/sync/outbox';
import { freshDb, ticket } from '../fixtures';

/** A source behind main that can be down (every call fails as a 5xx or a refused connection would). */
function outageApi() {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const pushed: Mutation[] = [];
  let down = true;
  const api = {
    listAccounts: async () => [],
    reportActivity: async () => ({}),
    pull: async () => ({ changes: [], nextCursor: 'c', done: true }),
    push: async ({ mutation }: { mutation: Mutation }): Promise<PushResult> => {
      pushed.push(mutation);
      if (down) throw new AppError('unavailable', 'Request Tracker had an internal error (503); Switchboard retries.');
      return { kind: 'applied', version: `after-${pushed.length}`, messages: [] };
    },
    on: (event: EventName, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
  } as unknown as Api;
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { api, pushed, emit, up: () => (down = false) };
}

describe('a source down for a long while (real IndexedDB)', () => {
  it('a burst of 5xx: the change waits longer each time (capped), is never sent twice at once, and is kept', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, null);
    const { api, pushed } = outageApi();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await db.outbox.toCollection().modify({ nextAttemptAt: 0 }); // as if the wait had passed
      const before = Date.now();
      expect(await flush(api, db)).toBe(0);
      waits.push((await db.outbox.toArray())[0]!.nextAttemptAt - before);
    }
    expect(pushed).toHaveLength(12); // one attempt per due time, no storm
    expect(waits[1]!).toBeGreaterThan(waits[0]! / 2);
    expect(Math.max(...waits)).toBeLessThanOrEqual(5 * 60_000 + 1000); // at most five minutes apart
    expect(waits.at(-1)!).toBeGreaterThan(60_000); // after a dozen failures: minutes
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending', attempts: 12, error: expect.stringMatching(/503/) }]);
    expect((await db.tickets.get('acc:1'))?.status).toBe('solved'); // the agent still sees the change
  });

  it('when the source answers again, what waited minutes for it goes at once', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'urgent' }, null);
    const { api, pushed, emit, up } = outageApi();
    const engine = startSync(api, db);
    try {
      await expect.poll(async () => (await db.outbox.toArray())[0]?.attempts ?? 0, { timeout: 5_000 }).toBe(1);
      await db.outbox.toCollection().modify({ attempts: 9, nextAttemptAt: Date.now() + 4 * 60_000 }); // minutes of failures behind it
      up();
      emit('connectivityChanged', { accountId: 'acc', reachable: true }); // main saw the source answer (a pull)
      await expect.poll(() => db.outbox.count(), { timeout: 3_000 }).toBe(0);
      expect(pushed.at(-1)?.op).toEqual({ type: 'setPriority', priority: 'urgent' });
      expect((await db.tickets.get('acc:1'))?.version).toMatch(/^after-/);
    } finally {
      engine.stop();
    }
  });
});
