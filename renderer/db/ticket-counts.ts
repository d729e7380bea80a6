/**
 * How many tickets each sidebar count holds, kept as counters beside the tickets: an IndexedDB count
 * walks every entry of its range (about 17 µs each on disk, so "All" at 100,000 tickets takes seconds),
 * a counter is one row. Lanes: `status:<status>`, and for open tickets `owner:<assignee id or ''>`,
 * `account:<id>`, `channel:<channel>` and `due:<n>` (the five minutes its SLA clock runs out in: counts.ts
 * adds whole lanes up to the clock and counts only the current lane's tickets in the index). A day's due
 * lanes are stored in one row (`dueDay:<day>`), so reading every counter reads a row per day of due times,
 * not one per five minutes (479 rows cost 7 ms on disk at 100,000 tickets).
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
/** The row that says the counters are complete (and of which layout: counters of an older one are counted again). */
export const COMPLETE = '#complete:5min-by-day';

export interface CountRow {
  /** The lane, or for due lanes `dueDay:<day>`. */
  lane: string;
  n: number;
  /** A day's due lanes: their counts by lane number (n is their sum). */
  due?: Record<string, number>;
}

/**
 * The width of a due lane: the current one is counted in the index (an IndexedDB count walks its entries),
 * so a narrow one keeps that walk short. Counters of another width are counted again once (COMPLETE).
 */
export const DUE_BUCKET_MS = 5 * 60_000;
export const dueLane = (bucket: number) => `due:${bucket}`;
const LANES_PER_DAY = 86_400_000 / DUE_BUCKET_MS;

/** The row a lane is counted in: a due lane in its day's. */
const rowOf = (lane: string) => (lane.startsWith('due:') ? `dueDay:${Math.floor(Number(lane.slice(4)) / LANES_PER_DAY)}` : lane);

/** Adds `by` to a lane in the rows (a row is made when missing; a due lane at 0 is dropped from its day). */
function addTo(rows: Map<string, CountRow>, lane: string, by: number): void {
  const key = rowOf(lane);
  const row = rows.get(key) ?? { lane: key, n: 0 };
  rows.set(key, row);
  row.n += by;
  if (key === lane) return;
  const number = lane.slice(4);
  const due = (row.due ??= {});
  due[number] = (due[number] ?? 0) + by;
  if (due[number] === 0) delete due[number];
}

/** Counts by lane (see the top) as rows to store. */
export function rowsOf(lanes: Record<string, number>): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const [lane, n] of Object.entries(lanes)) addTo(rows, lane, n);
  return [...rows.values()];
}

/** The stored rows as counts by lane. */
export function byLane(rows: readonly CountRow[]): Record<string, number> {
  const lanes: Record<string, number> = {};
  for (const row of rows) {
    if (row.due) for (const [number, n] of Object.entries(row.due)) lanes[`due:${number}`] = n;
    else lanes[row.lane] = row.n;
  }
  return lanes;
}

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
  const changed = [...deltas].filter(([, by]) => by !== 0);
  if (changed.length === 0) return Promise.resolve();
  const keys = [...new Set(changed.map(([lane]) => rowOf(lane)))];
  return counts.getMany({ trans, keys: [COMPLETE, ...keys] }).then((stored: Array<CountRow | undefined>) => {
    if (!stored[0]) return; // incomplete: counted afresh at the next read
    const rows = new Map<string, CountRow>();
    stored.slice(1).forEach((row) => row && rows.set(row.lane, { ...row, ...(row.due && { due: { ...row.due } }) }));
    for (const [lane, by] of changed) addTo(rows, lane, by);
    // An empty row goes (due times pass, colleagues leave): the table stays as small as the lanes in use.
    const values = [...rows.values()];
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
