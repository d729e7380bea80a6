/**
 * The outbox benchmark's page script, injected into the running app (browser mode, same origin, so the
 * same cache): queues changes through the app's own `enqueue` and flushes them with the app's own `flush`
 * over the app's WebSocket transport — the path a reconnect takes.
 */
import { wrap } from '../../renderer/api';
import { connectSocket } from '../../renderer/api/socket';
import { SwitchboardDb } from '../../renderer/db/schema';
import { enqueue, flush } from '../../renderer/sync/outbox';
import { priorities } from '../../shared/statuses';

const db = new SwitchboardDb();
const token = new URLSearchParams(location.hash.slice(1)).get('token')!;
const api = wrap(connectSocket(token, () => undefined));

declare global {
  interface Window {
    outboxBench: typeof bench;
  }
}

const bench = {
  async tickets(accountId: string): Promise<string[]> {
    return (await db.tickets.where('accountId').equals(accountId).toArray()).map((t) => t.id).sort();
  },
  /** `changes` priority changes, round-robin over the tickets, each different from the ticket's last value. */
  async queue(ticketIds: string[], changes: number): Promise<number> {
    const start = performance.now();
    for (let i = 0; i < changes; i++) {
      const id = ticketIds[i % ticketIds.length]!;
      const round = Math.floor(i / ticketIds.length);
      await enqueue(db, id, { type: 'setPriority', priority: priorities[round % priorities.length]! }, null);
    }
    return performance.now() - start;
  },
  /** Flushes until the outbox is empty (bounded); returns the time and how many were acknowledged. */
  async flushAll(): Promise<{ ms: number; done: number; left: number }> {
    const start = performance.now();
    let done = 0;
    for (let round = 0; round < 50 && (await db.outbox.count()) > 0; round++) done += await flush(api, db);
    return { ms: performance.now() - start, done, left: await db.outbox.count() };
  },
};
window.outboxBench = bench;
