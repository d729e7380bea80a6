/**
 * The Demo connector: a small in-process "helpdesk server" that serves the demo workspace through the
 * same pull/push protocol as real sources. Pushed changes are journalled to disk, so the demo keeps
 * them across restarts like a real server would.
 */
import type { Capabilities, Connector, TestResult } from '../../../shared/connector';
import { AppError } from '../../../shared/contract/errors';
import { ticketStatuses, type Account, type Agent, type Message, type Ticket } from '../../../shared/domain';
import { applyOp } from '../../../shared/apply-op';
import { Mutation, type PushResult } from '../../../shared/mutation';
import type { Change, PullResult } from '../../../shared/sync';
import { readJson, writeJsonAtomic } from '../../services/files';
import { DEMO_ACCOUNT_ID, demoMe, generateDemo, type DemoData } from './generate';
import { z } from 'zod';

/** The demo is rebuilt with fresh times once its data is this old, so SLA states stay varied. */
const REFRESH_AFTER_MS = 12 * 60 * 60_000;
const PAGE_TICKETS = 25;
/** Revisions of one generation sit in their own range, so a refresh re-sends every ticket. */
const GENERATION_SPAN = 1_000_000;

const DemoState = z.object({
  generation: z.number().int().nonnegative(),
  anchor: z.number().int().nonnegative(),
  journal: z.array(z.object({ mutation: Mutation, at: z.number().int() })),
});
type DemoState = z.infer<typeof DemoState>;

export const demoAccount: Account = { id: DEMO_ACCOUNT_ID, type: 'demo', name: 'Demo workspace', demo: true };

export class DemoConnector implements Connector {
  readonly account = demoAccount;
  readonly capabilities: Capabilities = {
    statuses: [...ticketStatuses],
    priority: true,
    assign: true,
    tags: true,
    internalNotes: true,
    merge: false,
    flags: true,
    teams: true,
    timeTracking: true,
    // Named on the demo's reply (the demo keeps no files; it has nobody to send them to).
    attachments: true,
  };
  readonly me: Agent = demoMe;

  private state: DemoState;
  private data!: DemoData;
  /** Revision of each ticket: the order the pull protocol serves them in. */
  private revs = new Map<string, number>();
  private nextRev = 0;

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    const saved = readJson(file, DemoState);
    const fresh = (generation: number): DemoState => ({ generation, anchor: this.now(), journal: [] });
    this.state = saved ?? fresh(1);
    if (this.now() - this.state.anchor > REFRESH_AFTER_MS) {
      // Keep the agent's changes; rebuild the data around the present.
      this.state = { ...fresh(this.state.generation + 1), journal: this.state.journal };
    }
    this.rebuild();
    if (!saved || saved.generation !== this.state.generation) this.save();
  }

  async testConnection(): Promise<TestResult> {
    return { ok: true, notes: [] };
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const after = this.parseCursor(cursor);
    const pending = this.data.tickets
      .filter((t) => this.revs.get(t.id)! > after)
      .sort((a, b) => this.revs.get(a.id)! - this.revs.get(b.id)!);
    const page = pending.slice(0, PAGE_TICKETS);
    const changes: Change[] = [];
    if (after < this.generationBase()) {
      for (const agent of this.data.agents) changes.push({ kind: 'agent', agent });
      for (const team of this.data.teams) changes.push({ kind: 'team', team });
    }
    const customers = new Map(this.data.customers.map((c) => [c.id, c]));
    const sent = new Set<string>();
    for (const ticket of page) {
      if (!sent.has(ticket.customerId)) {
        sent.add(ticket.customerId);
        changes.push({ kind: 'customer', customer: customers.get(ticket.customerId)! });
      }
      changes.push({ kind: 'ticket', ticket });
      for (const message of this.data.messages.get(ticket.id) ?? []) changes.push({ kind: 'message', message });
    }
    const last = page.length > 0 ? this.revs.get(page[page.length - 1]!.id)! : Math.max(after, this.generationBase());
    return { changes, nextCursor: `demo:${last}`, done: pending.length <= PAGE_TICKETS };
  }

  async push(mutation: Mutation): Promise<PushResult> {
    const ticket = this.data.tickets.find((t) => t.id === mutation.ticketId);
    if (!ticket) return { kind: 'rejected', reason: 'This ticket no longer exists in the demo workspace.' };
    if (!this.state.journal.some((j) => j.mutation.id === mutation.id)) {
      // A repeated push (same mutation id) changes nothing: the idempotency rule every source follows.
      this.state.journal.push({ mutation, at: this.now() });
      this.apply(mutation, this.now());
      this.save();
    }
    const current = this.data.tickets.find((t) => t.id === mutation.ticketId)!;
    return { kind: 'applied', ticket: current, messages: this.data.messages.get(current.id) ?? [] };
  }

  private generationBase(): number {
    return this.state.generation * GENERATION_SPAN;
  }

  private parseCursor(cursor: string | null): number {
    if (cursor === null) return 0;
    const match = /^demo:(\d{1,15})$/.exec(cursor);
    if (!match) throw new AppError('invalid_request', 'cursor: not a cursor of the demo workspace');
    return Number(match[1]);
  }

  private rebuild(): void {
    this.data = generateDemo(this.state.anchor);
    this.nextRev = this.generationBase();
    // Newest first, so the first page of the first pull shows the most recent tickets.
    const newestFirst = [...this.data.tickets].sort((a, b) => b.updatedAt - a.updatedAt);
    for (const t of newestFirst) this.revs.set(t.id, ++this.nextRev);
    for (const { mutation, at } of this.state.journal) this.apply(mutation, Math.max(at, this.state.anchor));
  }

  private apply(mutation: Mutation, at: number): void {
    const index = this.data.tickets.findIndex((t) => t.id === mutation.ticketId);
    if (index < 0) return;
    const rev = ++this.nextRev;
    const before = this.data.tickets[index]!;
    const after: Ticket = { ...applyOp(before, mutation.op, at), version: String(rev) };
    if (mutation.op.type === 'reply') {
      const thread = this.data.messages.get(before.id) ?? [];
      const message: Message = {
        id: `${before.id}:r-${mutation.id}`,
        ticketId: before.id,
        accountId: before.accountId,
        author: { name: demoMe.name, email: demoMe.email },
        direction: 'out',
        internal: mutation.op.internal,
        createdAt: at,
        text: mutation.op.text,
        attachments: (mutation.op.attachments ?? []).map((f, i) => ({ id: `${before.id}:r-${mutation.id}:a${i}`, name: f.name, size: f.size, type: f.type })),
      };
      this.data.messages.set(before.id, [...thread, message]);
      after.preview = message.text.slice(0, 140);
    }
    this.data.tickets[index] = after;
    this.revs.set(after.id, rev);
  }

  private save(): void {
    writeJsonAtomic(this.file, this.state);
  }
}
