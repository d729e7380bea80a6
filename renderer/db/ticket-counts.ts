/**
 * How many tickets each sidebar count holds, kept as counters beside the tickets: an IndexedDB count
 * walks every entry of its range (about 17 µs each on disk, so "All" at 100,000 tickets takes seconds),
 * a counter is one row. Lanes: `status:<status>`, and for open tickets `owner:<assignee id or ''>`,
 * `account:<id>`, `channel:<channel>` and `due:<n>` (the five minutes its SLA clock runs out in: counts.ts
 * adds whole lanes up to the clock and counts only the current lane's tickets in the index).
 *
 * Dexie middleware keeps them in the same transaction as every ticket write, so no writer can forget
 * them and a crash cannot leave them behind the tickets. Above Dexie's change tracking (level 0), so the
 * sidebar's live query hears the counters change; plain promise chains (no async/await), as Dexie's own
 * hooks layer does, so Dexie's transaction zone survives. A write it cannot follow (clearing the table)
 * drops the counters; the next read counts once from the tickets (counts.ts) and writes them back.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Ticket } from '../../shared/domain';
import { isOpenStatus } from '../../shared/statuses';

export const COUNTS = 'ticketCounts';
/** The row that says the counters are complete (and of which due-lane width: ticket-counts of an older one are counted again). */
export const COMPLETE = '#complete:5min';

export interface CountRow {
  lane: string;
  n: number;
}

/**
 * The width of a due lane: the current one is counted in the index (an IndexedDB count walks its entries),
 * so a narrow one keeps that walk short. Counters of another width are counted again once (COMPLETE).
 */
export const DUE_BUCKET_MS = 5 * 60_000;
export const dueLane = (bucket: number) => `due:${bucket}`;

/** Open tickets whose clock runs out in a due lane before `bucket`'s, from the lanes' counts. */
export function dueBefore(lanes: Record<string, number>, bucket: number): number {
  let n = 0;
  for (const [name, count] of Object.entries(lanes)) if (name.startsWith('due:') && Number(name.slice(4)) < bucket) n += count;
  return n;
}

export function countedLanes(ticket: Pick<Ticket, 'status' | 'assigneeId' | 'accountId' | 'channel' | 'slaDueAt'> | undefined): string[] {
  if (!ticket) return [];
  const lanes = [`status:${ticket.status}`];
  if (!isOpenStatus(ticket.status)) return lanes;
  lanes.push(`owner:${ticket.assigneeId ?? ''}`, `account:${ticket.accountId}`, `channel:${ticket.channel}`);
  if (ticket.slaDueAt !== null) lanes.push(dueLane(Math.floor(ticket.slaDueAt / DUE_BUCKET_MS)));
  return lanes;
}

/** Dexie's "any key" range (DBCoreRangeType.Any). */
const EVERYTHING = { type: 3 } as unknown as DBCoreKeyRange;

/** Each transaction's counter updates, one after the other (each reads what the one before wrote). */
const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function hasCounts(trans: DBCoreTransaction): boolean {
  // An upgrade from before the counters' version runs before their table exists.
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  return names ? names.contains(COUNTS) : true;
}

/**
 * A write's effect on the counters: for each key written (in order), the row before (`old`, as read
 * before the write) and after (`values`; none for a delete). A key written twice counts its last row.
 */
function deltasOf(keys: readonly unknown[], old: Array<Ticket | undefined>, values: readonly Ticket[] | null, result: DBCoreMutateResponse): Map<string, number> {
  const deltas = new Map<string, number>();
  const add = (lanes: string[], by: number) => lanes.forEach((lane) => deltas.set(lane, (deltas.get(lane) ?? 0) + by));
  const current = new Map<string, Ticket | undefined>();
  keys.forEach((key, i) => {
    if (!current.has(String(key))) current.set(String(key), old[i]);
  });
  keys.forEach((key, i) => {
    if (result.failures[i]) return; // not written
    const after = values ? values[i] : undefined;
    add(countedLanes(current.get(String(key))), -1);
    add(countedLanes(after), 1);
    current.set(String(key), after);
  });
  return deltas;
}

function applyDeltas(counts: DBCoreTable, trans: DBCoreTransaction, deltas: Map<string, number>): Promise<unknown> {
  const lanes = [...deltas.keys()].filter((lane) => deltas.get(lane) !== 0);
  if (lanes.length === 0) return Promise.resolve();
  return counts.getMany({ trans, keys: [COMPLETE, ...lanes] }).then((rows: Array<CountRow | undefined>) => {
    if (!rows[0]) return; // incomplete: counted afresh at the next read
    const values = lanes.map((lane, i) => ({ lane, n: (rows[i + 1]?.n ?? 0) + deltas.get(lane)! }));
    // An empty lane goes (due times pass, colleagues leave): the table stays as small as the lanes in use.
    const empty = values.filter((v) => v.n === 0).map((v) => v.lane);
    const kept = values.filter((v) => v.n !== 0);
    return Promise.all([
      kept.length > 0 ? counts.mutate({ type: 'put', trans, values: kept }) : null,
      empty.length > 0 ? counts.mutate({ type: 'delete', trans, keys: empty }) : null,
    ]);
  });
}

export const ticketCounts: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ticket-counts',
  level: 1,
  create(down) {
    return {
      ...down,
      // A write to the tickets brings the counters into its transaction.
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('tickets') && !stores.includes(COUNTS) ? [...stores, COUNTS] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'tickets') return table;
        return {
          ...table,
          mutate(req) {
            if (!hasCounts(req.trans)) return table.mutate(req);
            const counts = down.table(COUNTS);
            const run = (): Promise<DBCoreMutateResponse> => {
              if (req.type === 'deleteRange') {
                return table.mutate(req).then((result) => counts.mutate({ type: 'deleteRange', trans: req.trans, range: EVERYTHING }).then(() => result));
              }
              const values: readonly Ticket[] | null = req.type === 'delete' ? null : req.values;
              const keys = req.type === 'delete' ? req.keys : (req.keys ?? values!.map((t) => t.id));
              return table.getMany({ trans: req.trans, keys }).then((old: Array<Ticket | undefined>) =>
                table.mutate(req).then((result) => applyDeltas(counts, req.trans, deltasOf(keys, old, values, result)).then(() => result)),
              );
            };
            const previous = chains.get(req.trans);
            const next = previous ? previous.then(run, run) : run();
            chains.set(req.trans, next);
            return next;
          },
        };
      },
    };
  },
};
