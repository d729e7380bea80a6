/**
 * The outbox benchmark's page script, injected into the running app (browser mode, same origin, so the
 * same cache): queues changes through the app's own `enqueue` and flushes them with the app's own `flush`
 * over the app's WebSocket transport — the path a reconnect takes.
 */
import { wrap } from '../../renderer/api';
import { connectSocket } from '../../renderer/api/socket';
import { SwitchboardDb } from '../../renderer/db/schema';
import { createCommands } from '../../renderer/core/commands';
import { enqueue, flush } from '../../renderer/sync/outbox';
import { priorities } from '../../shared/statuses';

const db = new SwitchboardDb();
const token = new URLSearchParams(location.hash.slice(1)).get('token')!;
const api = wrap(connectSocket(token, () => undefined));
// The app's command API, as a bulk change or a macro queues (the app's own engine is paused: no kick).
const commands = createCommands(db, { kick: () => undefined, refreshAccounts: async () => undefined, retryNow: async () => undefined }, () => null);

declare global {
  interface Window {
    outboxBench: typeof bench;
  }
}

const bench = {
  async tickets(accountId: string): Promise<string[]> {
    return (await db.tickets.where('accountId').equals(accountId).toArray()).map((t) => t.id).sort();
  },
  /**
   * `changes` priority changes, round-robin over the tickets, each different from the ticket's last value:
   * `batch` 1 — one click at a time; otherwise as a bulk change queues, one change per ticket per batch.
   */
  async queue(ticketIds: string[], changes: number, batch: number, from = 0): Promise<number> {
    const change = (i: number) => ({ ticketId: ticketIds[i % ticketIds.length]!, op: { type: 'setPriority' as const, priority: priorities[Math.floor(i / ticketIds.length) % priorities.length]! } });
    const start = performance.now();
    for (let i = from; i < from + changes; i += batch) {
      const size = Math.min(batch, from + changes - i);
      if (size === 1) await enqueue(db, change(i).ticketId, change(i).op, null);
      else await commands.queue(Array.from({ length: size }, (_, k) => change(i + k)));
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
