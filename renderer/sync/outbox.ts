/**
 * The outbox: every local change is one row written in the same transaction as its optimistic effect.
 * `flush` sends the rows to main, one ticket's rows in order, and clears only what the source acknowledged.
 */
import type { Api } from '../../shared/contract';
import { isAppErrorShape } from '../../shared/contract/errors';
import type { Agent, Message, Ticket } from '../../shared/domain';
import { applyOp } from '../../shared/apply-op';
import type { Mutation, MutationOp } from '../../shared/mutation';
import type { OutboxRow, SwitchboardDb } from '../db/schema';
import { rebase } from './rebase';
import { emailContextFor } from './reply-context';

const MAX_BACKOFF_MS = 5 * 60_000;
/** Rows sent per flush: a bound, so one flush always ends. */
const MAX_ROWS_PER_FLUSH = 500;

export const localMessageId = (mutationId: string) => `local:${mutationId}`;

export async function enqueue(db: SwitchboardDb, ticketId: string, op: MutationOp, me: Agent | null): Promise<Mutation> {
  const now = Date.now();
  return db.transaction('rw', [db.tickets, db.outbox, db.messages], async () => {
    const ticket = await db.tickets.get(ticketId);
    if (!ticket) throw new Error(`Ticket ${ticketId} is not in the cache`);
    const email = await emailContextFor(db, ticket, me);
    const mutation: Mutation = {
      id: crypto.randomUUID(),
      accountId: ticket.accountId,
      ticketId,
      remoteId: ticket.remoteId,
      baseVersion: ticket.version,
      createdAt: now,
      op,
      ...(email ? { email } : {}),
    };
    await db.tickets.put(applyOp(ticket, op, now));
    if (op.type === 'reply') {
      const message: Message = {
        id: localMessageId(mutation.id),
        ticketId,
        accountId: ticket.accountId,
        author: { name: me?.name ?? '', email: me?.email ?? '' },
        direction: 'out',
        internal: op.internal,
        createdAt: now,
        text: op.text,
        attachments: (op.attachments ?? []).map((f, i) => ({ id: `${localMessageId(mutation.id)}:a${i}`, name: f.name, size: Math.floor(f.base64.length * 0.75), type: f.type })),
      };
      await db.messages.put(message);
    }
    await db.outbox.add({ id: mutation.id, accountId: ticket.accountId, ticketId, mutation, state: 'pending', attempts: 0, error: null, nextAttemptAt: now });
    return mutation;
  });
}

function backoff(attempts: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
  return base / 2 + Math.random() * (base / 2);
}

async function settle(db: SwitchboardDb, row: OutboxRow, patch: Partial<OutboxRow>): Promise<void> {
  await db.outbox.update(row.seq!, patch);
}

/** The source took the change: clear the row, keep the source's copies. Email has no ticket version: the optimistic one stays. */
async function acknowledge(db: SwitchboardDb, row: OutboxRow, ticket: Ticket | undefined, messages: Message[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.tickets, db.messages], async () => {
    await db.outbox.delete(row.seq!);
    await db.messages.delete(localMessageId(row.id));
    await db.messages.bulkPut(messages);
    if (!ticket) return;
    // The source's version moved because of this very change: later changes queued on the same base are
    // based on it, not in conflict with it.
    const later = await db.outbox.where('[ticketId+seq]').between([row.ticketId, row.seq!], [row.ticketId, Infinity], false, true).toArray();
    for (const next of later) {
      if (next.mutation.baseVersion === row.mutation.baseVersion) await db.outbox.update(next.seq!, { mutation: { ...next.mutation, baseVersion: ticket.version } });
    }
    await db.tickets.put(await rebase(db, ticket));
  });
}

/** Sends what is due. Returns how many rows were acknowledged. */
export async function flush(api: Api, db: SwitchboardDb): Promise<number> {
  // A row left "sending" by a crash is sent again: its id makes the repeat harmless.
  await db.outbox.where('state').equals('sending').modify({ state: 'pending' });
  const rows = (await db.outbox.orderBy('seq').limit(MAX_ROWS_PER_FLUSH).toArray()).filter((r) => r.state === 'pending');
  const blocked = new Set<string>();
  let done = 0;
  for (const listed of rows) {
    // One ticket's mutations go in order: once one waits, the later ones wait too.
    if (blocked.has(listed.ticketId) || listed.nextAttemptAt > Date.now()) {
      blocked.add(listed.ticketId);
      continue;
    }
    // As it is now: an earlier change of the ticket may have moved its base version.
    const row = await db.outbox.get(listed.seq!);
    if (!row) continue;
    await settle(db, row, { state: 'sending' });
    try {
      const result = await api.push({ mutation: row.mutation });
      if (result.kind === 'applied') {
        await acknowledge(db, row, result.ticket, result.messages);
        done++;
        continue;
      }
      blocked.add(row.ticketId);
      if (result.kind === 'retryAfter') await settle(db, row, { state: 'pending', nextAttemptAt: Date.now() + result.ms });
      else if (result.kind === 'conflict') await settle(db, row, { state: 'conflict', error: 'changed_remotely' });
      else await settle(db, row, { state: 'failed', error: result.reason });
    } catch (error) {
      blocked.add(row.ticketId);
      const message = isAppErrorShape(error) ? error.message : String(error);
      const attempts = row.attempts + 1;
      await settle(db, row, { state: 'pending', attempts, error: message, nextAttemptAt: Date.now() + backoff(attempts) });
    }
  }
  return done;
}
