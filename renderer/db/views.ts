/**
 * The inbox's views at 100,000 tickets: each view reads only about a page of rows through an index that
 * already orders them, and its count comes from index counts alone. Snoozed tickets wait in their own view.
 */
import Dexie from 'dexie';
import type { Channel, Customer, Priority, Ticket, TicketStatus } from '../../shared/domain';
import { ticketStatuses } from '../../shared/statuses';
import { slaState, type SlaState } from '../../shared/sla/state';
import { atRiskLeadMs } from '../sync/sla-policy';
import type { SwitchboardDb } from './schema';
import { activeSnoozes } from './snooze';
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

export const openStatuses: TicketStatus[] = ['new', 'open', 'pending', 'on-hold'];
const byPriority: Priority[] = ['urgent', 'high', 'normal', 'low'];
const slaRank: Record<SlaState, number> = { breached: 0, atRisk: 1, ok: 2, none: 3 };
const isOpen = (t: Pick<Ticket, 'status'>) => openStatuses.includes(t.status);
const { minKey, maxKey } = Dexie;
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
/** A count over the open statuses, one native count each. */
const openSum = (count: (s: TicketStatus) => Promise<number>) => Promise.all(openStatuses.map(count)).then(sum);

const compare: Record<SortKey, (a: InboxRow, b: InboxRow) => number> = {
  sla: (a, b) => slaRank[a.sla] - slaRank[b.sla] || (a.ticket.slaDueAt ?? Infinity) - (b.ticket.slaDueAt ?? Infinity) || b.ticket.updatedAt - a.ticket.updatedAt,
  priority: (a, b) => byPriority.indexOf(a.ticket.priority) - byPriority.indexOf(b.ticket.priority) || b.ticket.updatedAt - a.ticket.updatedAt,
  updated: (a, b) => b.ticket.updatedAt - a.ticket.updatedAt,
  created: (a, b) => a.ticket.createdAt - b.ticket.createdAt,
};

/**
 * Where a view's tickets are in index order: the open ones under `openKey` (one lane for all of them),
 * otherwise one lane per status.
 */
function lanesOf(view: ViewId): { field: 'openKey' | 'status'; keys: Array<1 | TicketStatus> } {
  if (view === 'pending') return { field: 'status', keys: ['pending'] };
  if (view === 'all') return { field: 'status', keys: [...ticketStatuses] };
  return { field: 'openKey', keys: [1] };
}

/**
 * Tickets in index order for a sort, `limit` per lane. `keep` null: every row counts, and IndexedDB
 * returns them in one request (a filter walks a cursor, several times slower).
 */
async function ordered(db: SwitchboardDb, view: ViewId, sort: SortKey, keep: ((t: Ticket) => boolean) | null, limit: number): Promise<Ticket[]> {
  const { field, keys } = lanesOf(view);
  const read = (by: string, k: 1 | TicketStatus, reverse: boolean, ...mid: unknown[]) => {
    let c = db.tickets.where(`[${field}+${by}]`).between([k, ...mid, minKey], [k, ...mid, maxKey]);
    if (reverse) c = c.reverse();
    return (keep ? c.filter(keep) : c).limit(limit).toArray();
  };
  const each = async (part: (k: 1 | TicketStatus) => Promise<Ticket[]>) => (await Promise.all(keys.map(part))).flat();
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

export interface ViewContext {
  me: ReadonlySet<string>;
  now: number;
}

/** The first `limit` rows of a view in its sort order. */
export async function viewRows(db: SwitchboardDb, q: ViewQuery, { me, now }: ViewContext, limit: number): Promise<InboxRow[]> {
  const [snoozed, rules, lead] = await Promise.all([activeSnoozes(db, now), vipRules(db), atRiskLeadMs(db)]);
  const narrowed = (t: Ticket) => (q.accountId === null || t.accountId === q.accountId) && (q.channel === null || t.channel === q.channel);
  const keep = (t: Ticket) => !snoozed.has(t.id) && narrowed(t);
  let tickets: Ticket[];
  switch (q.view) {
    case 'snoozed':
      tickets = (await db.tickets.bulkGet([...snoozed.keys()])).filter((t): t is Ticket => t !== undefined && narrowed(t));
      break;
    case 'mine': {
      // The agent's own tickets are few: all of them, sorted here.
      const parts = await Promise.all([...me].flatMap((id) => openStatuses.map((s) => db.tickets.where('[assigneeId+status]').equals([id, s]).toArray())));
      tickets = parts.flat().filter(keep);
      break;
    }
    case 'breached':
    case 'atRisk': {
      const state = (t: Ticket) => slaState(t, now, lead) === q.view;
      const [from, to] = q.view === 'breached' ? [minKey, now] : [now, now + lead];
      const range = db.tickets.where('[openKey+slaDueAt]').between([1, from], [1, to], false, true).filter((t) => keep(t) && state(t));
      // By due time: exactly the page. At risk in another order: all of them (a due window holds few).
      // Breached in another order: the view's own order, skipping the others.
      if (q.sort === 'sla') tickets = await range.limit(limit).toArray();
      else if (q.view === 'atRisk') tickets = await range.toArray();
      else tickets = await ordered(db, q.view, q.sort, (t) => keep(t) && state(t), limit);
      break;
    }
    default: {
      // Unfiltered reads where possible: snoozed tickets (few) are read past and dropped here.
      const plain = q.view !== 'unassigned' && q.accountId === null && q.channel === null;
      const filter = q.view === 'unassigned' ? (t: Ticket) => t.assigneeId === null && keep(t) : keep;
      tickets = (await ordered(db, q.view, q.sort, plain ? null : filter, plain ? limit + snoozed.size : limit)).filter(keep);
    }
  }
  const customers = new Map((await db.customers.bulkGet([...new Set(tickets.map((t) => t.customerId))])).flatMap((c) => (c ? [[c.id, withVip(c, rules)] as const] : [])));
  return tickets
    .map((ticket) => ({ ticket, customer: customers.get(ticket.customerId), sla: slaState(ticket, now, lead) }))
    .sort(compare[q.sort])
    .slice(0, limit);
}

/** Every view's count from the indexes alone; snoozed tickets count only in Snoozed. */
export async function viewCounts(db: SwitchboardDb, { me, now }: ViewContext): Promise<Record<ViewId, number>> {
  const [snoozedMap, lead] = await Promise.all([activeSnoozes(db, now), atRiskLeadMs(db)]);
  const snoozed = (await db.tickets.bulkGet([...snoozedMap.keys()])).filter((t): t is Ticket => t !== undefined);
  const due = (from: unknown, to: number) => db.tickets.where('[openKey+slaDueAt]').between([1, from], [1, to], false, true).count();
  const [open, assigned, mine, breached, atRisk, pending, all] = await Promise.all([
    openSum((s) => db.tickets.where('status').equals(s).count()),
    openSum((s) => db.tickets.where('[status+assigneeId]').between([s, minKey], [s, maxKey]).count()),
    Promise.all([...me].map((id) => openSum((s) => db.tickets.where('[assigneeId+status]').equals([id, s]).count()))).then(sum),
    due(minKey, now),
    due(now, now + lead),
    db.tickets.where('status').equals('pending').count(),
    db.tickets.count(),
  ]);
  // Snoozed tickets are counted by the indexes: take them out of the views they would be in.
  const away = (test: (t: Ticket) => boolean) => snoozed.filter(test).length;
  const sla = (t: Ticket) => slaState(t, now, lead);
  return {
    open: open - away(isOpen),
    mine: mine - away((t) => isOpen(t) && t.assigneeId !== null && me.has(t.assigneeId)),
    unassigned: open - assigned - away((t) => isOpen(t) && t.assigneeId === null),
    breached: breached - away((t) => isOpen(t) && sla(t) === 'breached'),
    atRisk: atRisk - away((t) => isOpen(t) && sla(t) === 'atRisk'),
    pending: pending - away((t) => t.status === 'pending'),
    snoozed: snoozed.length,
    all: all - snoozed.length,
  };
}

/** Open tickets per account and per channel (the sidebar's sources and channels). */
export async function openCountsBy(db: SwitchboardDb, accountIds: string[], channels: readonly Channel[]): Promise<{ accounts: Record<string, number>; channels: Record<string, number> }> {
  const count = (index: string, key: string) => openSum((s) => db.tickets.where(index).equals([key, s]).count());
  const [a, c] = await Promise.all([Promise.all(accountIds.map((id) => count('[accountId+status]', id))), Promise.all(channels.map((ch) => count('[channel+status]', ch)))]);
  return { accounts: Object.fromEntries(accountIds.map((id, i) => [id, a[i]!])), channels: Object.fromEntries(channels.map((ch, i) => [ch, c[i]!])) };
}
