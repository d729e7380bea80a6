/**
 * One change to many tickets (the list's selection): queued in one transaction with the outbox rows,
 * skipping tickets whose source cannot take the change.
 */
import { canTake } from '../../shared/capabilities';
import type { Agent, Ticket } from '../../shared/domain';
import type { MutationOp } from '../../shared/mutation';
import type { SwitchboardDb } from '../db/schema';
import { enqueueMany, type TicketOp } from './outbox';

/** `opFor` may return null for a ticket it has nothing for (assign to me where I have no agent). */
export async function applyToMany(
  db: SwitchboardDb,
  ticketIds: readonly string[],
  opFor: (ticket: Ticket) => MutationOp | null,
  meFor: (accountId: string) => Agent | null,
): Promise<{ done: number; skipped: number }> {
  const accounts = new Map((await db.accounts.toArray()).map((a) => [a.id, a]));
  const tickets = await db.tickets.bulkGet([...ticketIds]);
  const changes: TicketOp[] = [];
  for (const ticket of tickets) {
    const op = ticket ? opFor(ticket) : null;
    if (ticket && op && canTake(accounts.get(ticket.accountId), op)) changes.push({ ticketId: ticket.id, op });
  }
  await enqueueMany(db, changes, meFor);
  return { done: changes.length, skipped: ticketIds.length - changes.length };
}
