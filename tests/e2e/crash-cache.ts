/** The crash runs' view of the app's cache, read straight from IndexedDB in the page (null while the app starts). */
import type { Page } from '@playwright/test';

export interface CacheView {
  outbox: number;
  /** The waiting rows' states, for the report of a run that did not converge. */
  waiting: string[];
  rt: Record<string, { messages: number; status: string } | undefined>;
  /** How many cached messages (the source's copies, not local ones) carry each `crash-run-N` marker. */
  texts: Record<string, number>;
}

export function cacheOf(page: Page, rtIds: string[]): Promise<CacheView | null> {
  return page
    .evaluate(async (ids) => {
      const open = indexedDB.open('switchboard');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        const all = <T,>(store: string) =>
          new Promise<T[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as T[]);
            request.onerror = () => reject(request.error);
          });
        const [outbox, messages, tickets] = await Promise.all([
          all<{ state: string; error: string | null; attempts: number; nextAttemptAt: number; mutation: { op: { type: string } } }>('outbox'),
          all<{ id: string; ticketId: string; text: string }>('messages'),
          all<{ id: string; status: string }>('tickets'),
        ]);
        const source = messages.filter((m) => !m.id.startsWith('local:'));
        const rt: Record<string, { messages: number; status: string } | undefined> = {};
        for (const id of ids) {
          const ticket = tickets.find((t) => t.id === `rt:${id}`);
          rt[id] = ticket ? { messages: source.filter((m) => m.ticketId === ticket.id).length, status: ticket.status } : undefined;
        }
        const texts: Record<string, number> = {};
        for (const m of source) for (const marker of m.text.match(/crash-run-\d+/g) ?? []) texts[marker] = (texts[marker] ?? 0) + 1;
        const waiting = outbox.map((r) => `${r.mutation.op.type}:${r.state}:${r.attempts}:${r.error ?? ''}:due in ${Math.round((r.nextAttemptAt - Date.now()) / 1000)} s`);
        return { outbox: outbox.length, waiting, rt, texts };
      } finally {
        db.close();
      }
    }, rtIds)
    .catch(() => null);
}
