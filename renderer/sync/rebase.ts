/**
 * Pending local changes re-applied on top of a ticket from the source: a pull never undoes the agent's
 * work. Each change remembers the source's values of its fields (`before`), so it can be rolled back
 * exactly; failed and conflicting changes are not applied (the source's values show until the agent decides).
 */
import type { Ticket } from '../../shared/domain';
import { applyOp, opFields, pick, sameFields } from '../../shared/apply-op';
import type { OutboxRow, SwitchboardDb } from '../db/schema';

export const isApplied = (row: OutboxRow) => row.state === 'pending' || row.state === 'sending';

export async function ticketRows(db: SwitchboardDb, ticketId: string): Promise<OutboxRow[]> {
  return db.outbox.where('[ticketId+seq]').between([ticketId, 0], [ticketId, Infinity]).toArray();
}

/** `source`: the ticket as the source has it. Updates each row's `before`; returns the ticket the agent sees. */
export async function rebase(db: SwitchboardDb, source: Ticket): Promise<Ticket> {
  let ticket = source;
  for (const row of await ticketRows(db, source.id)) {
    if (!isApplied(row)) continue;
    const fields = opFields(row.mutation.op);
    const before = pick(ticket, fields);
    if (fields.length && !sameFields(before, row.before ?? {}, fields)) await db.outbox.update(row.seq!, { before });
    ticket = applyOp(ticket, row.mutation.op, row.mutation.createdAt);
  }
  return ticket;
}

/** The ticket without the applied local changes: their `before` values restored, latest first. */
export function withoutLocal(ticket: Ticket, rows: readonly OutboxRow[]): Ticket {
  return rows.filter(isApplied).reverse().reduce((t, row) => ({ ...t, ...row.before }), ticket);
}
