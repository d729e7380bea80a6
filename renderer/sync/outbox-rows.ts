/** The outbox rows' own cache writes: the reply shown at once, and clearing a row the source acknowledged. */
import type { Agent, Message, Ticket } from '../../shared/domain';
import type { Mutation } from '../../shared/mutation';
import type { OutboxRow, SwitchboardDb } from '../db/schema';
import { rebase, ticketRows, withoutLocal } from './rebase';

/** Rows on their way to the source right now (this window): too late to undo. */
export const inFlight = new Set<number>();

/** The error of a change set aside because sending it stopped main twice (the outbox says so in the agent's language). */
export const STOPPED_TWICE = 'stopped_twice';

export const localMessageId = (mutationId: string) => `local:${mutationId}`;

/** The reply shown at once in the thread, until the source's own copy replaces it. */
export function localMessage(mutation: Mutation, me: Agent | null): Message | null {
  const { op } = mutation;
  if (op.type !== 'reply') return null;
  const id = localMessageId(mutation.id);
  return {
    id,
    ticketId: mutation.ticketId,
    accountId: mutation.accountId,
    author: { name: me?.name ?? '', email: me?.email ?? '' },
    direction: 'out',
    internal: op.internal,
    createdAt: mutation.createdAt,
    text: op.text,
    attachments: (op.attachments ?? []).map((f, i) => ({ id: `${id}:a${i}`, name: f.name, size: f.size, type: f.type })),
  };
}

/** The source took the change: clear the row, keep the source's copies. Email has no ticket version: the optimistic one stays. */
/**
 * `ticket`: the source's copy after the change; or `version` alone, when the source only told its new
 * version (the cached ticket, without the other local changes, is then the source's copy).
 */
export async function acknowledge(db: SwitchboardDb, row: OutboxRow, answer: { ticket?: Ticket; version?: string }, messages: Message[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.tickets, db.messages, db.sending], async () => {
    await db.outbox.delete(row.seq!);
    await db.sending.delete(row.seq!);
    await db.messages.delete(localMessageId(row.id));
    if (messages.length) await db.messages.bulkPut(messages);
    let ticket = answer.ticket;
    if (!ticket && answer.version !== undefined) {
      const cached = await db.tickets.get(row.ticketId);
      if (cached) ticket = { ...withoutLocal(cached, await ticketRows(db, row.ticketId)), version: answer.version };
    }
    if (!ticket) return;
    // The source's version moved because of this very change: later changes queued on the same base are
    // based on it, not in conflict with it.
    const version = ticket.version;
    await db.outbox
      .where('[ticketId+seq]')
      .between([row.ticketId, row.seq!], [row.ticketId, Infinity], false, true)
      .filter((next) => next.mutation.baseVersion === row.mutation.baseVersion)
      .modify((next) => void (next.mutation = { ...next.mutation, baseVersion: version }));
    await db.tickets.put(await rebase(db, ticket));
  });
}

