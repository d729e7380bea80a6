/**
 * Merge and split email conversations by hand, when automatic threading got it wrong. These are cache
 * changes (IMAP has no conversations to change): a moved message keeps its new ticket on later pulls,
 * and replies to it follow it by their headers.
 */
import type { Ticket } from '../../shared/domain';
import type { SwitchboardDb } from '../db/schema';
import { boundedRemoteId } from '../../shared/ids';
import { customerOf, deriveTicket, threadTicketId } from './mail-ticket';
import { putCustomers } from './customers';
import { rebase } from './rebase';
import { slaPolicy } from './sla-policy';
import { threadOf } from '../db/thread';

/** A conversation's ticket derived again from its messages (after a merge, a split or a new SLA policy). */
export async function rederive(db: SwitchboardDb, ticket: Ticket): Promise<void> {
  const messages = await threadOf(db, ticket.id).toArray();
  if (messages.length === 0) {
    await db.tickets.delete(ticket.id);
    return;
  }
  const fresh = customerOf(messages, ticket.accountId);
  const customer = (await db.customers.get(fresh.id)) ?? fresh;
  await putCustomers(db, [customer]);
  await db.tickets.put(await rebase(db, deriveTicket(ticket, messages, customer, { policy: await slaPolicy(db), now: Date.now() })));
}

/** Moves every message of `fromId` into `intoId` and removes `fromId`. Both must be email tickets of one account. */
export async function mergeTickets(db: SwitchboardDb, fromId: string, intoId: string): Promise<void> {
  await db.transaction('rw', [db.tickets, db.messages, db.customers, db.outbox, db.prefs], async () => {
    const [from, into] = await Promise.all([db.tickets.get(fromId), db.tickets.get(intoId)]);
    if (!from || !into || from.id === into.id) throw new Error('Both tickets must exist and differ');
    if (from.accountId !== into.accountId) throw new Error('Only conversations of the same account can be merged');
    await threadOf(db, fromId).modify({ ticketId: intoId });
    await db.tickets.delete(fromId);
    await rederive(db, into);
  });
}

/** Moves one message into a conversation of its own; returns the new ticket's id. */
export async function splitMessage(db: SwitchboardDb, messageId: string): Promise<string> {
  return db.transaction('rw', [db.tickets, db.messages, db.customers, db.outbox, db.syncState, db.prefs], async () => {
    const message = await db.messages.get(messageId);
    const source = message ? await db.tickets.get(message.ticketId) : undefined;
    if (!message?.email || !source) throw new Error('Only an email message in a cached conversation can be split off');
    const seqKey = `${source.accountId}#ticket-number`;
    const number = Number((await db.syncState.get(seqKey))?.cursor ?? '0') + 1;
    await db.syncState.put({ key: seqKey, accountId: source.accountId, cursor: String(number), lastSyncAt: null, error: null });
    const ticket: Ticket = {
      ...source,
      id: threadTicketId(source.accountId, `split:${message.email.messageId}`),
      remoteId: boundedRemoteId(source.accountId, `split:${message.email.messageId}`),
      number,
      subject: message.email.subject,
      assigneeId: null,
      tags: [],
    };
    await db.tickets.put(ticket);
    await db.messages.update(message.id, { ticketId: ticket.id });
    await rederive(db, ticket);
    await rederive(db, source);
    return ticket.id;
  });
}

/** Derives every email conversation again, a batch per transaction; for a changed SLA policy. */
export async function rederiveEmailTickets(db: SwitchboardDb): Promise<number> {
  const ids = (await db.tickets.toArray()).filter((t) => t.number !== undefined).map((t) => t.id);
  for (let i = 0; i < ids.length; i += 200) {
    await db.transaction('rw', [db.tickets, db.messages, db.customers, db.outbox, db.prefs], async () => {
      for (const ticket of await db.tickets.bulkGet(ids.slice(i, i + 200))) if (ticket) await rederive(db, ticket);
    });
  }
  return ids.length;
}
