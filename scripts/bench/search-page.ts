/**
 * The search benchmark's page (bundled by search.ts, run in Chromium): fills the app's cache with the
 * corpus, builds Switchboard's index through the app's own path (the queue the cache writes leave,
 * then the indexer), and builds FlexSearch and MiniSearch over the same tickets. The Node side drives
 * it with page.evaluate and measures heap over CDP.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Customer, Message, Ticket } from '../../shared/domain';
import type { SearchIndex } from '../../shared/search/engine';
import type { SearchContext } from '../../shared/search/evaluate';
import { parseQuery } from '../../shared/search/query';
import { terms } from '../../shared/search/text';
import { SwitchboardDb } from '../../renderer/db/schema';
import { Indexer, loadIndex } from '../../renderer/search/indexer';
import { benchTicket, cachedMessages, CORPUS_NOW, plainText, type BenchTicket } from './support-corpus';

const LIMIT = 100;
const REPEAT = 10;
const db = new SwitchboardDb('switchboard-bench');
let ours: SearchIndex | null = null;
let flex: InstanceType<typeof FlexSearch.Index> | null = null;
let mini: MiniSearch | null = null;
const context: SearchContext = { now: CORPUS_NOW, me: new Set(), assignees: () => new Set(), accounts: () => new Set() };

function rows(t: BenchTicket): { ticket: Ticket; messages: Message[]; customer: Customer } {
  const id = `bench:${t.n}`;
  const customer: Customer = { ...t.customer, id: `bench:${t.customer.id}`, accountId: 'bench' };
  const messages = cachedMessages(t, id, 'bench');
  const ticket: Ticket = {
    id, accountId: 'bench', remoteId: String(t.n), subject: t.subject, status: t.status, sourceStatus: t.status, priority: t.priority,
    channel: 'email', customerId: customer.id, assigneeId: null, tags: t.tags, createdAt: t.createdAt, updatedAt: t.updatedAt,
    firstResponseAt: null, slaDueAt: null, preview: t.messages[0]!.text.slice(0, 140), messageCount: messages.length, version: '1',
  };
  return { ticket, messages, customer };
}

const api = {
  /** Writes the corpus into the cache as a sync would (the middleware queues every ticket). */
  async populate(tickets: number): Promise<{ ms: number; messages: number }> {
    const started = performance.now();
    let messages = 0;
    for (let from = 0; from < tickets; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, tickets - from) }, (_, i) => rows(benchTicket(from + i)));
      messages += batch.reduce((sum, b) => sum + b.messages.length, 0);
      await db.transaction('rw', [db.tickets, db.messages, db.customers], async () => {
        await db.customers.bulkPut(batch.map((b) => b.customer));
        await db.tickets.bulkPut(batch.map((b) => b.ticket));
        await db.messages.bulkPut(batch.flatMap((b) => b.messages));
      });
    }
    return { ms: performance.now() - started, messages };
  },

  async buildOurs(): Promise<{ ms: number; tickets: number; bytes: number }> {
    const started = performance.now();
    const indexer = new Indexer(db, await loadIndex(db));
    const tickets = await indexer.drain();
    ours = indexer.index;
    return { ms: performance.now() - started, tickets, bytes: ours.bytes };
  },

  buildFlex(tickets: number): { ms: number } {
    const started = performance.now();
    // Configured to do what Switchboard does: its own folding and Snowball stems (English, Russian) as the
    // encoder, and prefixes ("forward"), so a word being typed finds its completions.
    flex = new FlexSearch.Index({ tokenize: 'forward', encode: terms });
    for (let n = 0; n < tickets; n++) flex.add(n, plainText(benchTicket(n)));
    return { ms: performance.now() - started };
  },

  buildMini(tickets: number): { ms: number } {
    const started = performance.now();
    mini = new MiniSearch({ fields: ['text'], idField: 'id' });
    for (let n = 0; n < tickets; n++) mini.add({ id: n, text: plainText(benchTicket(n)) });
    return { ms: performance.now() - started };
  },

  /** Latency of each query, `rounds` times over the mix, in ms; and how many hits each query had. Each
   * time is the mean of REPEAT runs back to back: the page's clock ticks in 0.1 ms steps. */
  run(engine: 'ours' | 'flex' | 'mini', queries: string[], rounds: number): { times: number[]; hits: number[] } {
    const times: number[] = [];
    const hits: number[] = [];
    const one: Record<typeof engine, (q: string) => number> = {
      ours: (q) => {
        const parsed = parseQuery(q, CORPUS_NOW);
        return parsed.ok ? ours!.search(parsed.query, context, LIMIT).hits.length : 0;
      },
      flex: (q) => (flex!.search(q, LIMIT) as unknown[]).length,
      mini: (q) => mini!.search(q, { prefix: (term, i, terms) => i === terms.length - 1, combineWith: 'AND' }).slice(0, LIMIT).length,
    };
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const t = performance.now();
        let n = 0;
        for (let k = 0; k < REPEAT; k++) n = one[engine](q);
        times.push((performance.now() - t) / REPEAT);
        if (r === 0) hits.push(n);
      }
    }
    return { times, hits };
  },

  /** A fresh page's way to its first result: load the persisted index, then search. */
  async coldStart(query: string): Promise<{ atMs: number; hits: number; scriptMs: number; loadMs: number }> {
    const scriptMs = performance.now();
    const index = await loadIndex(db);
    const loadMs = performance.now() - scriptMs;
    const parsed = parseQuery(query, CORPUS_NOW);
    const hits = parsed.ok ? index.search(parsed.query, context, LIMIT).hits.length : 0;
    return { atMs: performance.now(), hits, scriptMs, loadMs };
  },

  async storage(): Promise<number> {
    return (await navigator.storage.estimate()).usage ?? 0;
  },

  drop(): void {
    ours = null;
    flex = null;
    mini = null;
  },
};

declare global {
  interface Window {
    bench: typeof api;
    cold?: Promise<{ atMs: number; hits: number; scriptMs: number; loadMs: number }>;
  }
}
window.bench = api;
// Opened as #cold=<query>: measure from navigation to the first result, before anything else runs.
const cold = new URLSearchParams(location.hash.slice(1)).get('cold');
if (cold) window.cold = api.coldStart(cold);
