/**
 * The inbox benchmark's page (bundled by inbox.ts, run in Chromium): fills the app's cache with tickets
 * and customers from the support corpus — spread over three accounts, six channels, ten agents, with SLA
 * due times breached, at risk and far — then times the app's own view reads (views.ts) over it.
 */
import type { Channel, Customer, Message, Ticket } from '../../shared/domain';
import { SwitchboardDb } from '../../renderer/db/schema';
import { viewCounts } from '../../renderer/db/counts';
import { PAGE, sortKeys, viewIds, viewRows, type ViewQuery } from '../../renderer/db/views';
import { benchTicket, cachedMessages, CORPUS_NOW } from './support-corpus';

let db = new SwitchboardDb('switchboard-bench-inbox');
const accounts = ['zendesk', 'rt', 'mail'];
const channels: Channel[] = ['email', 'web', 'chat', 'phone', 'social', 'api'];
const agents = Array.from({ length: 10 }, (_, i) => `agent-${i}`);
const ME = new Set([`zendesk:${agents[0]}`]);
const HOUR = 3_600_000;

function rowsOf(n: number): { ticket: Ticket; customer: Customer; messages: Message[] } {
  const t = benchTicket(n);
  const account = accounts[n % 3]!;
  const customer: Customer = { id: `customer:${t.customer.email}`, accountId: account, name: t.customer.name, email: t.customer.email, organization: t.customer.organization, vip: t.customer.vip };
  const r = (n * 2654435761) % 1000 / 1000;
  // Open tickets run clocks: some breached, some at risk, most due later; a quarter have none.
  const slaDueAt = t.status === 'solved' || t.status === 'closed' || r < 0.25 ? null : CORPUS_NOW + Math.round((r - 0.35) * 48 * HOUR);
  const ticket: Ticket = {
    id: `${account}:${n}`, accountId: account, remoteId: String(n), subject: t.subject, status: t.status, sourceStatus: t.status, priority: t.priority,
    channel: channels[n % channels.length]!, customerId: customer.id, assigneeId: r < 0.3 ? null : `${account}:${agents[n % agents.length]}`, tags: t.tags,
    createdAt: t.createdAt, updatedAt: t.updatedAt, firstResponseAt: null, slaDueAt, preview: t.messages[0]!.text.slice(0, 140), messageCount: t.messages.length, version: '1',
  };
  return { ticket, customer, messages: cachedMessages(t, ticket.id, account) };
}

// Read at a moment inside an hour and a due lane (as the clock mostly is), not on the hour the corpus starts at.
const ctx = { me: ME, now: CORPUS_NOW + 37 * 60_000 + 1234 };
const query = (q: Partial<ViewQuery>): ViewQuery => ({ view: 'open', sort: 'sla', accountId: null, channel: null, ...q });

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    // Dexie's errors do not survive page.evaluate: say what failed.
    throw new Error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return performance.now() - started;
}

const api = {
  /** Works on the cache named `name` from now on (in the app's window: the app's own cache). */
  use(name: string): void {
    db.close();
    db = new SwitchboardDb(name);
  },
  /** Writes tickets and customers (and with `messages`, their conversations) as a sync would. */
  async populate(tickets: number, messages = false): Promise<{ ms: number }> {
    const started = performance.now();
    for (let from = 0; from < tickets; from += 2000) {
      const batch = Array.from({ length: Math.min(2000, tickets - from) }, (_, i) => rowsOf(from + i));
      await db.transaction('rw', [db.tickets, db.customers, db.messages], async () => {
        await db.customers.bulkPut(batch.map((b) => b.customer));
        await db.tickets.bulkPut(batch.map((b) => b.ticket));
        if (messages) await db.messages.bulkPut(batch.flatMap((b) => b.messages));
      });
    }
    return { ms: performance.now() - started };
  },
  /** Tickets the search index has still to read. */
  searchQueued: () => db.searchQueue.count(),
  count: () => db.tickets.count(),
  /** The default view's first page (what the list reads when the app opens), `rounds` times. */
  async firstPage(rounds: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push(await timed(() => viewRows(db, query({}), ctx, PAGE)));
    return times;
  },
  /** Every view in every sort, and narrowed to an account and a channel: the first page of each. */
  async switches(rounds: number): Promise<{ times: number[]; slowest: string; rows: Record<string, number>; each: Record<string, number[]> }> {
    const times: number[] = [];
    const rows: Record<string, number> = {};
    const each: Record<string, number[]> = {};
    let slowest = { ms: 0, name: '' };
    const cases: ViewQuery[] = [
      ...viewIds.flatMap((view) => sortKeys.map((sort) => query({ view, sort }))),
      query({ accountId: 'rt' }),
      query({ channel: 'chat', sort: 'updated' }),
      query({ view: 'mine', accountId: 'zendesk' }),
    ];
    for (let i = 0; i < rounds; i++) {
      for (const q of cases) {
        let found = 0;
        const ms = await timed(async () => (found = (await viewRows(db, q, ctx, PAGE)).length));
        const name = `${q.view}/${q.sort}${q.accountId ? `/${q.accountId}` : ''}${q.channel ? `/${q.channel}` : ''}`;
        rows[name] = found;
        times.push(ms);
        (each[name] ??= []).push(ms);
        if (ms > slowest.ms) slowest = { ms, name };
      }
    }
    return { times, slowest: `${slowest.name} ${slowest.ms.toFixed(1)} ms`, rows, each };
  },
  async counts(rounds: number): Promise<{ times: number[]; counts: Record<string, number> }> {
    const times: number[] = [];
    let counts: Record<string, number> = {};
    for (let i = 0; i < rounds; i++) times.push(await timed(async () => (counts = await viewCounts(db, ctx))));
    return { times, counts };
  },
};

declare global {
  interface Window {
    inboxBench: typeof api;
  }
}
window.inboxBench = api;
