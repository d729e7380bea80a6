/**
 * Keeps the search index's to-do list in step with the cache: every write to tickets, messages or
 * customers (and to the VIP rules) also records, in the same IndexedDB transaction, which tickets the
 * index must re-read. Done as Dexie middleware, so no writer can forget it.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

const WATCHED = new Set(['tickets', 'messages', 'customers', 'prefs']);
export const QUEUE = 'searchQueue';

/** By database name: who hears that work was queued. */
const listeners = new Map<string, Set<() => void>>();

/** Calls `listener` after each transaction on database `dbName` that queued work for the index. */
export function onSearchQueued(dbName: string, listener: () => void): () => void {
  if (!listeners.has(dbName)) listeners.set(dbName, new Set());
  listeners.get(dbName)!.add(listener);
  return () => listeners.get(dbName)?.delete(listener);
}

function notifyOnCommit(dbName: string, trans: DBCoreTransaction): void {
  const idb = trans as unknown as Partial<IDBTransaction>;
  const notify = () => listeners.get(dbName)?.forEach((l) => l());
  if (typeof idb.addEventListener === 'function') idb.addEventListener('complete', notify, { once: true });
  else setTimeout(notify, 0);
}

/** The queue keys a write to `table` calls for; for deleted messages, `old` holds their rows. */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest, old: Array<{ ticketId: string } | undefined> = []): string[] {
  if (req.type === 'deleteRange') return ['*'];
  if (table.name === 'prefs') {
    const keys = req.type === 'delete' ? req.keys : req.values.map((v: { key: string }) => v.key);
    return keys.includes('vipRules') ? ['*'] : [];
  }
  if (table.name === 'tickets') return req.type === 'delete' ? req.keys.map(String) : req.values.map((t: { id: string }) => t.id);
  if (table.name === 'customers') return (req.type === 'delete' ? req.keys : req.values.map((c: { id: string }) => c.id)).map((id) => `customer:${id}`);
  const rows: Array<{ ticketId: string } | undefined> = req.type === 'delete' ? old : [...req.values];
  return [...new Set(rows.flatMap((m) => (m ? [m.ticketId] : [])))];
}

/** The keys each transaction has queued already (the queue row is one per key). */
const queuedIn = new WeakMap<DBCoreTransaction, Set<string>>();

export const enqueueForSearch: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'search-queue',
  // Right over IndexedDB, under Dexie's own layers (hooks, cache, observability at 0–2): those expect
  // Dexie's zone to survive until they are called, and the awaits here would lose it.
  level: -1,
  create(down) {
    return {
      ...down,
      // A write to a watched table brings the queue into its transaction.
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.some((s) => WATCHED.has(s)) && !stores.includes(QUEUE) ? [...stores, QUEUE] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return {
          ...table,
          // Plain promise chains, no async/await: Dexie follows its transaction across them.
          mutate(req) {
            const queue = (all: string[]) => (result: DBCoreMutateResponse) => {
              // A page of mail writes a ticket's messages, the ticket and its customer: queue the ticket once.
              const seen = queuedIn.get(req.trans) ?? new Set<string>();
              queuedIn.set(req.trans, seen);
              const keys = all.filter((key) => !seen.has(key));
              keys.forEach((key) => seen.add(key));
              if (keys.length === 0) return result;
              notifyOnCommit(down.schema.name, req.trans);
              const stamp = Date.now() + Math.random();
              return down.table(QUEUE).mutate({ type: 'put', trans: req.trans, values: keys.map((key) => ({ key, stamp })) }).then(() => result);
            };
            // A deleted message: read which ticket it belonged to before it goes.
            if (name === 'messages' && req.type === 'delete') {
              return table.getMany({ trans: req.trans, keys: req.keys }).then((old) => table.mutate(req).then(queue(keysOf(table, req, old))));
            }
            return table.mutate(req).then(queue(keysOf(table, req)));
          },
        };
      },
    };
  },
};
