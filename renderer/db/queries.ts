/** Reads of the cache for the UI: views, counts, a ticket with its thread. Used through useLiveQuery. */
import Dexie from 'dexie';
import type { Customer, Ticket, TicketStatus } from '../../shared/domain';
import { slaState, type SlaState } from '../../shared/sla/state';
import type { ViewId } from '../stores/ui';
import type { OutboxRow, SwitchboardDb } from './schema';
import { atRiskLeadMs } from '../sync/sla-policy';
import { activeSnoozes } from './snooze';
import { vipRules, withVip } from './vip';

export const openStatuses: TicketStatus[] = ['new', 'open', 'pending', 'on-hold'];

export interface InboxRow {
  ticket: Ticket;
  customer: Customer | undefined;
  sla: SlaState;
}

const slaRank: Record<SlaState, number> = { breached: 0, atRisk: 1, ok: 2, none: 3 };

/** Most urgent first: SLA state, then VIP, then the nearest due time, then the latest update. */
export function compareInbox(a: InboxRow, b: InboxRow): number {
  return (
    slaRank[a.sla] - slaRank[b.sla] ||
    Number(b.customer?.vip ?? false) - Number(a.customer?.vip ?? false) ||
    (a.ticket.slaDueAt ?? Infinity) - (b.ticket.slaDueAt ?? Infinity) ||
    b.ticket.updatedAt - a.ticket.updatedAt
  );
}

/** How many rows a view shows (the list is not virtualized yet); counts are always complete. */
export const LIST_LIMIT = 500;

function inView(view: ViewId, ticket: Ticket, me: ReadonlySet<string>): boolean {
  if (view === 'snoozed') return true;
  if (view === 'mine') return ticket.assigneeId !== null && me.has(ticket.assigneeId);
  if (view === 'unassigned') return ticket.assigneeId === null;
  return true;
}

const isOpen = (t: Ticket) => (openStatuses as string[]).includes(t.status);

/**
 * The most urgent open tickets of a view, reading about `limit` rows per status from the indexes
 * instead of every ticket: by SLA due time ([status+slaDueAt]), and those without a clock by latest
 * update ([status+updatedAt]).
 */
async function urgentOpen(db: SwitchboardDb, view: ViewId, me: ReadonlySet<string>, limit: number): Promise<Ticket[]> {
  if (view === 'mine') return (await db.tickets.where('assigneeId').anyOf([...me]).toArray()).filter(isOpen);
  const keep = (t: Ticket) => inView(view, t, me);
  const parts = await Promise.all(
    openStatuses.flatMap((s) => [
      db.tickets.where('[status+slaDueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).filter(keep).limit(limit).toArray(),
      db.tickets.where('[status+updatedAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).reverse().filter((t) => t.slaDueAt === null && keep(t)).limit(limit).toArray(),
    ]),
  );
  return parts.flat();
}

export async function inboxRows(db: SwitchboardDb, view: ViewId, me: ReadonlySet<string>, now: number, limit = LIST_LIMIT): Promise<InboxRow[]> {
  const snoozed = await activeSnoozes(db, now);
  // Snoozed tickets wait in their own view (few: read by id); every other view leaves them out.
  const tickets =
    view === 'snoozed'
      ? (await db.tickets.bulkGet([...snoozed.keys()])).filter((t): t is Ticket => t !== undefined)
      : (await urgentOpen(db, view, me, limit + snoozed.size)).filter((t) => !snoozed.has(t.id));
  const customerIds = [...new Set(tickets.map((t) => t.customerId))];
  const [rules, lead] = await Promise.all([vipRules(db), atRiskLeadMs(db)]);
  const customers = new Map((await db.customers.bulkGet(customerIds)).flatMap((c) => (c ? [[c.id, withVip(c, rules)] as const] : [])));
  return tickets
    .map((ticket) => ({ ticket, customer: customers.get(ticket.customerId), sla: slaState(ticket, now, lead) }))
    .sort(compareInbox)
    .slice(0, limit);
}

/** Counts from the indexes alone: no ticket is read except the agent's own. */
export async function viewCounts(db: SwitchboardDb, me: ReadonlySet<string>, now = Date.now()): Promise<Record<ViewId, number>> {
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  const snoozedIds = [...(await activeSnoozes(db, now)).keys()];
  const snoozed = (await db.tickets.bulkGet(snoozedIds)).filter((t): t is Ticket => t !== undefined && isOpen(t));
  const [open, assigned, mine] = await Promise.all([
    Promise.all(openStatuses.map((s) => db.tickets.where('status').equals(s).count())).then(sum),
    Promise.all(openStatuses.map((s) => db.tickets.where('[status+assigneeId]').between([s, Dexie.minKey], [s, Dexie.maxKey]).count())).then(sum),
    db.tickets.where('assigneeId').anyOf([...me]).filter(isOpen).count(),
  ]);
  const away = (view: ViewId) => snoozed.filter((t) => inView(view, t, me)).length;
  return { open: open - away('open'), mine: mine - away('mine'), unassigned: open - assigned - away('unassigned'), snoozed: snoozedIds.length };
}

export async function ticketDetail(db: SwitchboardDb, id: string) {
  const ticket = await db.tickets.get(id);
  if (!ticket) return null;
  const [messages, customer, agents, outbox, account, related, rules] = await Promise.all([
    db.messages.where('[ticketId+createdAt]').between([id, -Infinity], [id, Infinity]).toArray(),
    db.customers.get(ticket.customerId),
    db.agents.where('accountId').equals(ticket.accountId).toArray(),
    db.outbox.where('[ticketId+seq]').between([id, 0], [id, Infinity]).toArray(),
    db.accounts.get(ticket.accountId),
    db.tickets.where('customerId').equals(ticket.customerId).filter((t) => t.accountId === ticket.accountId && t.id !== ticket.id).limit(50).toArray(),
    vipRules(db),
  ]);
  return { ticket, messages, customer: withVip(customer, rules), agents, outbox: outbox satisfies OutboxRow[], account, related };
}
