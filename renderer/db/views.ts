/**
 * The inbox's views at 100,000 tickets: each view reads only about a page of rows through an index that
 * already orders them (their counts: counts.ts). Snoozed tickets wait in their own view.
 */
import Dexie from 'dexie';
import type { Channel, Customer, Priority, Ticket } from '../../shared/domain';
import { isOpenStatus, openStatuses, ticketStatuses } from '../../shared/statuses';
import { slaState, type SlaState } from '../../shared/sla/state';
import { atRiskLeadMs } from '../sync/sla-policy';
import type { SwitchboardDb } from './schema';
import { activeSnoozes } from './snooze';
import { COMPLETE, dueBefore, DUE_BUCKET_MS, byLane } from './ticket-counts';
import { vipRules, withVip } from './vip';

/** Views read from the cache's indexes (VIP and flagged are searches: SearchViews.tsx). */
export const viewIds = ['open', 'mine', 'unassigned', 'atRisk', 'breached', 'pending', 'snoozed', 'all'] as const;
export type ViewId = (typeof viewIds)[number];
export const sortKeys = ['sla', 'priority', 'updated', 'created'] as const;
/** SLA due (most urgent first), priority, last update (newest first), arrival (oldest first: a queue). */
export type SortKey = (typeof sortKeys)[number];

export interface InboxRow {
  ticket: Ticket;
  customer: Customer | undefined;
  sla: SlaState;
}

export interface ViewQuery {
  view: ViewId;
  sort: SortKey;
  /** Narrowed to one account or one channel (null: all). */
  accountId: string | null;
  channel: Channel | null;
}

/** Rows the list reads at a time: the first page, then as many more whenever the agent scrolls near the end. */
export const PAGE = 50;

const byPriority: Priority[] = ['urgent', 'high', 'normal', 'low'];
const slaRank: Record<SlaState, number> = { breached: 0, atRisk: 1, ok: 2, none: 3 };
export const isOpen = (t: Pick<Ticket, 'status'>) => isOpenStatus(t.status);
const { minKey, maxKey } = Dexie;

const compare: Record<SortKey, (a: InboxRow, b: InboxRow) => number> = {
  sla: (a, b) => slaRank[a.sla] - slaRank[b.sla] || (a.ticket.slaDueAt ?? Infinity) - (b.ticket.slaDueAt ?? Infinity) || b.ticket.updatedAt - a.ticket.updatedAt,
  priority: (a, b) => byPriority.indexOf(a.ticket.priority) - byPriority.indexOf(b.ticket.priority) || b.ticket.updatedAt - a.ticket.updatedAt,
  updated: (a, b) => b.ticket.updatedAt - a.ticket.updatedAt,
  created: (a, b) => a.ticket.createdAt - b.ticket.createdAt,
};

type Lane = 1 | string;

/**
 * Where a view's tickets are in index order: the open ones under `openKey` (one lane for all of them), an
 * owner's open ones under `ownerKey` (mine: one lane per id of mine; unassigned: ''), otherwise one lane
 * per status.
 */
function lanesOf(view: ViewId, me: ReadonlySet<string>): { field: 'openKey' | 'ownerKey' | 'status'; keys: Lane[] } {
  if (view === 'pending') return { field: 'status', keys: ['pending'] };
  if (view === 'all') return { field: 'status', keys: [...ticketStatuses] };
  if (view === 'mine') return { field: 'ownerKey', keys: [...me] };
  if (view === 'unassigned') return { field: 'ownerKey', keys: [''] };
  return { field: 'openKey', keys: [1] };
}

/**
 * The first `limit` rows `read` returns that `keep` keeps. Rows come in one request each time (a
 * filter on a cursor would load them one by one, several times slower); when too few were kept, again
 * as many as the share kept so far says are needed (a quarter more, and at least twice as many), until
 * enough are kept or the range is done. Every row read costs (about 50 µs on disk): a read too small
 * is read twice.
 */
export async function firstKept<T>(read: (n: number) => Promise<T[]>, keep: ((row: T) => boolean) | null, limit: number, share?: number): Promise<T[]> {
  if (!keep) return read(limit);
  /** Rows to read for `limit` kept ones when `part` of them are kept, a quarter more. */
  const rowsFor = (part: number) => Math.ceil((limit / part) * 1.25);
  // `share`: what part of the rows the counters say are kept; the first read is sized by it (at most 2,000).
  for (let n = share ? Math.min(2000, Math.max(100, rowsFor(share))) : Math.max(limit * 4, 100); ; ) {
    const rows = await read(n);
    const kept = rows.filter(keep);
    if (kept.length >= limit || rows.length < n) return kept.slice(0, limit);
    n = Math.max(n * 2, rowsFor(Math.max(kept.length, 1) / rows.length));
  }
}

/** Tickets in index order for a sort, the first `limit` that `keep` keeps (null: every row) per lane. */
async function ordered(db: SwitchboardDb, lanes: ReturnType<typeof lanesOf>, sort: SortKey, keep: ((t: Ticket) => boolean) | null, limit: number, share?: number): Promise<Ticket[]> {
  const { field, keys } = lanes;
  const read = (by: string, k: Lane, reverse: boolean, ...mid: unknown[]) =>
    firstKept((n) => {
      const c = db.tickets.where(`[${field}+${by}]`).between([k, ...mid, minKey], [k, ...mid, maxKey]);
      return (reverse ? c.reverse() : c).limit(n).toArray();
    }, keep, limit, share);
  const each = async (part: (k: Lane) => Promise<Ticket[]>) => (await Promise.all(keys.map(part))).flat();
  if (sort === 'priority') {
    const out: Ticket[] = [];
    for (const p of byPriority) {
      out.push(...(await each((k) => read('priority+updatedAt', k, true, p))));
      if (out.length >= limit) break; // lower priorities come after: not needed for this page
    }
    return out;
  }
  if (sort === 'updated') return each((k) => read('updatedAt', k, true));
  if (sort === 'created') return each((k) => read('createdAt', k, false));
  // SLA due: tickets with a clock (only they are in the slaDueAt index) come before those without, which
  // are read only when the clocked ones do not fill the page.
  const timed = await each((k) => read('slaDueAt', k, false));
  if (timed.length >= limit) return timed;
  const none = await each(async (k) => (await read('updatedAt', k, true)).filter((t) => t.slaDueAt === null));
  return [...timed, ...none];
}

/**
 * What part of the open tickets a filtered view keeps, by the sidebar's counters (breached, one account,
 * one channel: taken as independent); undefined while the counters are not complete.
 */
async function keptShare(db: SwitchboardDb, q: ViewQuery, now: number): Promise<number | undefined> {
  const lanes = byLane(await db.ticketCounts.toArray());
  const open = openStatuses.reduce((n, s) => n + (lanes[`status:${s}`] ?? 0), 0);
  if (lanes[COMPLETE] === undefined || open === 0) return undefined;
  let share = q.view === 'breached' ? dueBefore(lanes, Math.floor(now / DUE_BUCKET_MS)) / open : 1;
  if (q.accountId !== null) share *= (lanes[`account:${q.accountId}`] ?? 0) / open;
  if (q.channel !== null) share *= (lanes[`channel:${q.channel}`] ?? 0) / open;
  return share > 0 ? share : undefined;
}

export interface ViewContext {
  me: ReadonlySet<string>;
  now: number;
}

/** The first `limit` rows of a view in its sort order. */
export async function viewRows(db: SwitchboardDb, q: ViewQuery, { me, now }: ViewContext, limit: number): Promise<InboxRow[]> {
  const [snoozed, rules, lead] = await Promise.all([activeSnoozes(db, now), vipRules(db), atRiskLeadMs(db)]);
  const narrowed = (t: Ticket) => (q.accountId === null || t.accountId === q.accountId) && (q.channel === null || t.channel === q.channel);
  const keep = (t: Ticket) => !snoozed.has(t.id) && narrowed(t);
  const lanes = lanesOf(q.view, me);
  let tickets: Ticket[];
  switch (q.view) {
    case 'snoozed':
      tickets = (await db.tickets.bulkGet([...snoozed.keys()])).filter((t): t is Ticket => t !== undefined && narrowed(t));
      break;
    case 'breached':
    case 'atRisk': {
      const state = (t: Ticket) => keep(t) && slaState(t, now, lead) === q.view;
      const [from, to] = q.view === 'breached' ? [minKey, now] : [now, now + lead];
      const range = (n?: number) => {
        const c = db.tickets.where('[openKey+slaDueAt]').between([1, from], [1, to], false, true);
        return (n === undefined ? c : c.limit(n)).toArray();
      };
      // By due time: exactly the page. At risk in another order: all of them (a due window holds few).
      // Breached in another order: the view's own order, skipping the others.
      if (q.sort === 'sla') tickets = await firstKept(range, state, limit);
      else if (q.view === 'atRisk') tickets = (await range()).filter(state);
      else tickets = await ordered(db, lanes, q.sort, state, limit, await keptShare(db, q, now));
      break;
    }
    default: {
      // Unfiltered reads where possible: snoozed tickets (few) are read past and dropped here.
      const plain = q.accountId === null && q.channel === null;
      const share = plain || (q.view !== 'open' && q.view !== 'mine' && q.view !== 'unassigned') ? undefined : await keptShare(db, q, now);
      tickets = (await ordered(db, lanes, q.sort, plain ? null : keep, plain ? limit + snoozed.size : limit, share)).filter(keep);
    }
  }
  // The page first, then its customers: a view may have read many more tickets than it shows.
  const page = tickets
    .map((ticket): InboxRow => ({ ticket, customer: undefined, sla: slaState(ticket, now, lead) }))
    .sort(compare[q.sort])
    .slice(0, limit);
  const customers = await db.customers.bulkGet([...new Set(page.map((r) => r.ticket.customerId))]);
  const byId = new Map(customers.flatMap((c) => (c ? [[c.id, withVip(c, rules)] as const] : [])));
  return page.map((row) => ({ ...row, customer: byId.get(row.ticket.customerId) }));
}

