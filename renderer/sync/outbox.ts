/**
 * The outbox: every local change is one row written in the same transaction as its optimistic effect.
 * `flush` sends the rows to main — one ticket's rows in order, different tickets a few at a time — and
 * clears only what the source acknowledged. What the source answers decides the rest (see `settleResult`).
 */
import type { Api } from '../../shared/contract';
import { isAppErrorShape } from '../../shared/contract/errors';
import type { Agent, Message, Ticket } from '../../shared/domain';
import { applyOp, opFields, pick } from '../../shared/apply-op';
import type { Mutation, MutationOp, PushResult } from '../../shared/mutation';
import type { OutboxRow, SwitchboardDb } from '../db/schema';
import { acknowledge, inFlight, localMessage, localMessageId, STOPPED_TWICE } from './outbox-rows';
import { settleResult } from './outbox-results';
import { ticketRows, withoutLocal } from './rebase';
import { emailContextFor } from './reply-context';
import { hasLegacyFiles, stageLegacyFiles } from './legacy-files';

export { localMessageId };

const MAX_BACKOFF_MS = 5 * 60_000;
/** Rows sent per flush: a bound, so one flush always ends. */
const MAX_ROWS_PER_FLUSH = 500;
/** Tickets sent to at the same time (one ticket's rows always one after another). */
const PARALLEL_TICKETS = 4;
/** Acknowledgements written together: at most this many, or after this long. */
const ACK_BATCH = 50;
const ACK_DELAY_MS = 250;

/**
 * One change to queue: `holdMs`, the row waits that long before it may be sent (a reply's undo window).
 * `op` as a function: its values decided against the ticket as it is when queued, after whatever the agent
 * changed meanwhile (a reply's "as the rule says" status, when the agent set the status while it was sent).
 */
export interface TicketOp {
  ticketId: string;
  op: MutationOp | ((now: Ticket) => MutationOp);
  holdMs?: number;
}

/** Records a change and shows its effect, in one transaction. */
export async function enqueue(db: SwitchboardDb, ticketId: string, op: TicketOp['op'], me: Agent | null, holdMs = 0): Promise<Mutation> {
  return (await enqueueMany(db, [{ ticketId, op, holdMs }], () => me))[0]!;
}

/**
 * Records changes and shows their effects, all in one transaction (a bulk change or a macro on 300
 * tickets is one write and one wake-up of the live views, not 300). One ticket's changes apply in order.
 */
export async function enqueueMany(db: SwitchboardDb, changes: readonly TicketOp[], meFor: (accountId: string) => Agent | null): Promise<Mutation[]> {
  const now = Date.now();
  return db.transaction('rw', [db.tickets, db.outbox, db.messages, db.notifications, db.customers], async () => {
    const read = await db.tickets.bulkGet([...new Set(changes.map((c) => c.ticketId))]);
    const tickets = new Map(read.flatMap((t) => (t ? [[t.id, t] as const] : [])));
    const mutations: Mutation[] = [];
    const rows: OutboxRow[] = [];
    const messages: Message[] = [];
    const seen: string[] = [];
    for (const { ticketId, op: opOrRule, holdMs = 0 } of changes) {
      const ticket = tickets.get(ticketId);
      if (!ticket) throw new Error(`Ticket ${ticketId} is not in the cache`);
      const op = typeof opOrRule === 'function' ? opOrRule(ticket) : opOrRule;
      const me = meFor(ticket.accountId);
      const email = await emailContextFor(db, ticket, me, op);
      const mutation: Mutation = { id: crypto.randomUUID(), accountId: ticket.accountId, ticketId, remoteId: ticket.remoteId, baseVersion: ticket.version, createdAt: now, op, ...(email ? { email } : {}) };
      tickets.set(ticketId, applyOp(ticket, op, now));
      // The agent's own action is no news: what it would notify ("assigned to you") is recorded as seen.
      if (op.type === 'setAssignee' && op.assigneeId && op.assigneeId === me?.id) seen.push(`assigned:${ticketId}:${op.assigneeId}`);
      const message = localMessage(mutation, me);
      if (message) messages.push(message);
      rows.push({
        id: mutation.id, accountId: ticket.accountId, ticketId, mutation, state: 'pending', attempts: 0, error: null, nextAttemptAt: now + holdMs,
        // The values this change replaces (restored if it is discarded); for a reply, whether the ticket was closed.
        before: pick(ticket, opFields(op)),
        seen: pick(ticket, opFields(op)),
        ...(op.type === 'reply' ? { sawStatus: ticket.status } : {}),
      });
      mutations.push(mutation);
    }
    const changed = new Set(changes.map((c) => c.ticketId));
    await db.tickets.bulkPut([...tickets.values()].filter((t) => changed.has(t.id)));
    if (seen.length) await db.notifications.bulkPut(seen.map((key) => ({ key, at: now })));
    if (messages.length) await db.messages.bulkPut(messages);
    await db.outbox.bulkAdd(rows);
    return mutations;
  });
}

function backoff(attempts: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
  return base / 2 + Math.random() * (base / 2);
}

const closed = (status: string | undefined) => status === 'solved' || status === 'closed';

/** A reply (not a note) to a ticket the source closed after the agent started writing: the agent decides. */
async function closedMeanwhile(db: SwitchboardDb, row: OutboxRow): Promise<boolean> {
  if (row.mutation.op.type !== 'reply' || row.mutation.op.internal || row.force || closed(row.sawStatus)) return false;
  const ticket = await db.tickets.get(row.ticketId);
  return !!ticket && closed(withoutLocal(ticket, await ticketRows(db, row.ticketId)).status);
}

type Sent = 'done' | 'again' | 'stop';
type Applied = Extract<PushResult, { kind: 'applied' }>;

/**
 * Acknowledgements are written a few at a time, in one transaction: fewer IndexedDB commits and fewer
 * wake-ups of the live views while hundreds of changes go out. A crash before a batch is written loses
 * nothing: those rows are sent again, and their ids (replies) or the source's "already so" answer
 * (fields: a conflict whose values are already the agent's) make the repeat harmless.
 */
class Acks {
  private batch: { row: OutboxRow; result: Applied }[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: Api,
    private readonly db: SwitchboardDb,
  ) {}

  add(row: OutboxRow, result: Applied): void {
    this.batch.push({ row, result });
    if (this.batch.length >= ACK_BATCH) void this.write();
    else this.timer ??= setTimeout(() => void this.write(), ACK_DELAY_MS);
  }

  write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch.splice(0).sort((a, b) => a.row.seq! - b.row.seq!);
    const { api, db } = this;
    // Files of replies sent: main lets go of its staged copies (best effort; what stays goes with its sweep).
    const fileIds = batch.flatMap(({ row: { mutation } }) => (mutation.op.type === 'reply' ? (mutation.op.attachments ?? []).map((f) => f.fileId) : []));
    this.writing = this.writing.then(() =>
      batch.length ? db.transaction('rw', [db.outbox, db.tickets, db.messages, db.sending], async () => {
        for (const { row, result } of batch) await acknowledge(db, row, result, result.messages);
      }) : undefined,
    ).then(() => {
      if (fileIds.length) void api.discardFiles({ fileIds }).catch(() => undefined);
    });
    return this.writing;
  }
}

/**
 * The row as it is now, marked as being sent (db.sending) — in one transaction: an earlier change of the ticket may
 * have moved its base version, or the agent undid it. Null: it does not go now.
 */
function take(db: SwitchboardDb, seq: number): Promise<OutboxRow | null> {
  return db.transaction('rw', [db.outbox, db.tickets, db.sending], async () => {
    const row = await db.outbox.get(seq);
    if (!row || row.state !== 'pending' || row.nextAttemptAt > Date.now()) return null;
    if (await closedMeanwhile(db, row)) {
      await db.outbox.update(seq, { state: 'conflict', error: 'closed_meanwhile' });
      return null;
    }
    await db.sending.put({ seq, at: Date.now() });
    return row;
  });
}

async function send(api: Api, db: SwitchboardDb, seq: number, acks: Acks, base: Map<string, { past: Set<string | null>; to: string }>): Promise<Sent> {
  let row = await take(db, seq);
  if (!row) return 'stop';
  inFlight.add(seq);
  try {
    if (hasLegacyFiles(row)) row = await stageLegacyFiles(api, db, row);
    // The previous changes of this ticket moved the source's version (their acknowledgements may not be
    // written yet): a row queued on any version this flush has moved past is based on the latest.
    const moved = base.get(row.ticketId);
    const mutation = moved && moved.past.has(row.mutation.baseVersion) ? { ...row.mutation, baseVersion: moved.to } : row.mutation;
    const result = await api.push({ mutation });
    if (result.kind === 'applied') {
      const version = result.ticket?.version ?? result.version;
      if (version !== undefined) base.set(row.ticketId, { past: new Set([...(moved?.past ?? []), row.mutation.baseVersion, mutation.baseVersion]), to: version });
      acks.add({ ...row, mutation }, result);
      return 'done';
    }
    await acks.write(); // the source's answer builds on what was acknowledged before it
    await db.sending.delete(seq);
    return await settleResult(db, { ...row, mutation }, result);
  } catch (error) {
    const attempts = row.attempts + 1;
    const message = isAppErrorShape(error) ? error.message : String(error);
    const interrupted = (row.interrupted ?? 0) + (isAppErrorShape(error) && error.code === 'interrupted' ? 1 : 0);
    if (interrupted >= 2) await setAside(db, seq);
    else {
      await db.transaction('rw', [db.outbox, db.sending], async () => {
        await db.outbox.update(seq, { state: 'pending', attempts, error: message, interrupted, nextAttemptAt: Date.now() + backoff(attempts) });
        await db.sending.delete(seq);
      });
    }
    return 'stop';
  } finally {
    inFlight.delete(seq);
  }
}

/**
 * Sends what is due. Returns how many rows were acknowledged. One window flushes at a time (a Web Lock);
 * another window's flush meanwhile does nothing.
 */
export async function flush(api: Api, db: SwitchboardDb): Promise<number> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return flushNow(api, db);
  return (await locks.request(`switchboard-outbox:${db.name}`, { ifAvailable: true }, (lock) => (lock ? flushNow(api, db) : 0))) ?? 0;
}

/** Failed for good, with the reason: the agent retries or undoes it; the rest of the outbox goes on. */
async function setAside(db: SwitchboardDb, seq: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.tickets, db.messages, db.sending], async () => {
    await db.sending.delete(seq);
    const row = await db.outbox.get(seq);
    if (!row) return;
    await settleResult(db, row, { kind: 'rejected', reason: STOPPED_TWICE });
    await db.outbox.update(seq, { interrupted: 0 });
  });
}

/**
 * Rows whose sending was under way when the app (or the host) stopped: counted, and a change that stopped
 * it twice is set aside instead of stopping it again at every start. The others are sent again: their ids
 * make a repeat harmless.
 */
async function countInterrupted(db: SwitchboardDb): Promise<void> {
  // A row left "sending" by an older version after a crash is sent again.
  await db.outbox.where('state').equals('sending').modify({ state: 'pending' });
  const marks = (await db.sending.toArray()).filter((mark) => !inFlight.has(mark.seq));
  const rows = await db.outbox.bulkGet(marks.map((mark) => mark.seq));
  for (const [i, mark] of marks.entries()) {
    const row = rows[i];
    const interrupted = (row?.interrupted ?? 0) + 1;
    if (row?.state === 'pending' && interrupted >= 2) await setAside(db, mark.seq);
    else {
      await db.transaction('rw', [db.outbox, db.sending], async () => {
        if (row?.state === 'pending') await db.outbox.update(mark.seq, { interrupted });
        await db.sending.delete(mark.seq); // a mark whose row is gone or settled: nothing to count
      });
    }
  }
}

async function flushNow(api: Api, db: SwitchboardDb): Promise<number> {
  await countInterrupted(db);
  const rows = await db.outbox.orderBy('seq').limit(MAX_ROWS_PER_FLUSH).toArray();
  const byTicket = new Map<string, number[]>();
  for (const row of rows) byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row.seq!]);
  const queue = [...byTicket.values()];
  const acks = new Acks(api, db);
  const base = new Map<string, { past: Set<string | null>; to: string }>();
  let done = 0;
  const worker = async () => {
    for (let seqs = queue.shift(); seqs; seqs = queue.shift()) {
      // One ticket's changes go in order: once one waits (or failed, or conflicts), the later ones wait too.
      for (const seq of seqs) {
        let outcome = await send(api, db, seq, acks, base);
        // A stale base whose fields nobody else changed was rebased: send it again, a bounded number of times.
        for (let i = 0; outcome === 'again' && i < 3; i++) outcome = await send(api, db, seq, acks, base);
        if (outcome !== 'done') break;
        done++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_TICKETS, queue.length) }, worker));
  } finally {
    await acks.write();
  }
  return done;
}

/** When the next waiting row becomes due (a backoff, a Retry-After, an undo window); null when none waits. */
export async function nextDue(db: SwitchboardDb): Promise<number | null> {
  const rows = await db.outbox.where('state').equals('pending').toArray();
  return rows.length ? Math.min(...rows.map((r) => r.nextAttemptAt)) : null;
}
