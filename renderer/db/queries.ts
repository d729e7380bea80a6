/** Reads of the cache for the UI: views, counts, a ticket with its thread. Used through useLiveQuery. */
import type { Customer, Ticket, TicketStatus } from '../../shared/domain';
import { slaState, type SlaState } from '../../shared/sla';
import type { ViewId } from '../stores/ui';
import type { OutboxRow, SwitchboardDb } from './schema';

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

function inView(view: ViewId, ticket: Ticket, me: ReadonlySet<string>): boolean {
  if (view === 'mine') return ticket.assigneeId !== null && me.has(ticket.assigneeId);
  if (view === 'unassigned') return ticket.assigneeId === null;
  return true;
}

async function openTickets(db: SwitchboardDb): Promise<Ticket[]> {
  return db.tickets.where('status').anyOf(openStatuses).toArray();
}

export async function inboxRows(db: SwitchboardDb, view: ViewId, me: ReadonlySet<string>, now: number): Promise<InboxRow[]> {
  const tickets = (await openTickets(db)).filter((t) => inView(view, t, me));
  const customerIds = [...new Set(tickets.map((t) => t.customerId))];
  const customers = new Map((await db.customers.bulkGet(customerIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  return tickets
    .map((ticket) => ({ ticket, customer: customers.get(ticket.customerId), sla: slaState(ticket, now) }))
    .sort(compareInbox);
}

export async function viewCounts(db: SwitchboardDb, me: ReadonlySet<string>): Promise<Record<ViewId, number>> {
  const tickets = await openTickets(db);
  return {
    open: tickets.length,
    mine: tickets.filter((t) => inView('mine', t, me)).length,
    unassigned: tickets.filter((t) => inView('unassigned', t, me)).length,
  };
}

export async function ticketDetail(db: SwitchboardDb, id: string) {
  const ticket = await db.tickets.get(id);
  if (!ticket) return null;
  const [messages, customer, agents, outbox, account] = await Promise.all([
    db.messages.where('[ticketId+createdAt]').between([id, -Infinity], [id, Infinity]).toArray(),
    db.customers.get(ticket.customerId),
    db.agents.where('accountId').equals(ticket.accountId).toArray(),
    db.outbox.where('[ticketId+seq]').between([id, 0], [id, Infinity]).toArray(),
    db.accounts.get(ticket.accountId),
  ]);
  return { ticket, messages, customer, agents, outbox: outbox satisfies OutboxRow[], account };
}
