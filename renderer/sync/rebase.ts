/** Pending local changes re-applied on top of a ticket from the source: a pull never undoes the agent's work. */
import type { Ticket } from '../../shared/domain';
import { applyOp } from '../../shared/apply-op';
import type { SwitchboardDb } from '../db/schema';

export async function rebase(db: SwitchboardDb, ticket: Ticket): Promise<Ticket> {
  const pending = await db.outbox.where('[ticketId+seq]').between([ticket.id, 0], [ticket.id, Infinity]).toArray();
  return pending.reduce((t, row) => applyOp(t, row.mutation.op, row.mutation.createdAt), ticket);
}
