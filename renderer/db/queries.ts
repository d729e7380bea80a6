/** Reads of the cache for the UI: a ticket with its thread (views are in views.ts). Used through useLiveQuery. */
import type { OutboxRow, SwitchboardDb } from './schema';
import { vipRules, withVip } from './vip';
import { threadOf } from './thread';

export async function ticketDetail(db: SwitchboardDb, id: string) {
  const ticket = await db.tickets.get(id);
  if (!ticket) return null;
  const [messages, customer, agents, outbox, account, related, rules] = await Promise.all([
    threadOf(db, id).toArray(),
    db.customers.get(ticket.customerId),
    db.agents.where('accountId').equals(ticket.accountId).toArray(),
    db.outbox.where('[ticketId+seq]').between([id, 0], [id, Infinity]).toArray(),
    db.accounts.get(ticket.accountId),
    // Every ticket of this customer, in every source (one Customer per email address).
    db.tickets.where('customerId').equals(ticket.customerId).filter((t) => t.id !== ticket.id).limit(100).toArray(),
    vipRules(db),
  ]);
  return { ticket, messages, customer: withVip(customer, rules), agents, outbox: outbox satisfies OutboxRow[], account, related };
}
