/**
 * What the agent can do with a change that has not reached the source: undo it (any time before it is
 * sent; a reply goes back to the draft), retry a failed one, choose mine or theirs in a conflict, send a
 * reply anyway to a ticket closed meanwhile. Nothing is dropped silently: every way out is the agent's.
 */
import type { OutboxRow, SwitchboardDb } from '../db/schema';
import { inFlight, localMessageId } from './outbox-rows';
import { rebase, ticketRows, withoutLocal } from './rebase';

/** Changes a row and shows the ticket again: the source's values with the applied local changes on top. */
async function updateRow(db: SwitchboardDb, seq: number, apply: (row: OutboxRow) => Promise<void>): Promise<OutboxRow | null> {
  return db.transaction('rw', [db.outbox, db.tickets, db.messages, db.drafts], async () => {
    const row = await db.outbox.get(seq);
    if (!row || row.state === 'sending' || inFlight.has(seq)) return null; // on its way: too late to change
    const ticket = await db.tickets.get(row.ticketId);
    const source = ticket ? withoutLocal(ticket, await ticketRows(db, row.ticketId)) : null;
    await apply(row);
    if (source) await db.tickets.put(await rebase(db, source));
    return row;
  });
}

/** Undo: the change is forgotten and its effect rolled back; a reply's text goes back into the draft. */
export async function discard(db: SwitchboardDb, seq: number): Promise<boolean> {
  const row = await updateRow(db, seq, async (r) => {
    await db.outbox.delete(seq);
    await db.messages.delete(localMessageId(r.id));
    const { op } = r.mutation;
    if (op.type === 'reply') await db.drafts.put({ ticketId: r.ticketId, text: op.text, internal: op.internal, updatedAt: Date.now(), ...(op.attachments?.length ? { files: op.attachments } : {}) });
  });
  return row !== null;
}

/** Send again now: a failed change, or a conflict resolved as "keep mine" (over the source's new values). */
export async function retry(db: SwitchboardDb, seq: number): Promise<void> {
  await updateRow(db, seq, async (r) => {
    // "Keep mine" over their values: the agent has now seen them, so the next answer is no conflict again.
    const seen = r.state === 'conflict' && r.theirs ? r.theirs : r.seen;
    await db.outbox.update(seq, { state: 'pending', attempts: 0, interrupted: 0, error: null, nextAttemptAt: Date.now(), seen, theirs: undefined });
  });
}

/** A reply to a ticket closed meanwhile, sent anyway. */
export async function sendAnyway(db: SwitchboardDb, seq: number): Promise<void> {
  await updateRow(db, seq, async () => {
    await db.outbox.update(seq, { state: 'pending', error: null, force: true, nextAttemptAt: Date.now() });
  });
}

/** Take theirs: the source's values stay, this change is dropped. */
export const takeTheirs = discard;
