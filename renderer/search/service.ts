/**
 * Search as the UI uses it: the index loaded once per window, kept current in the background, queried
 * with the agent's text; results come back as inbox rows, exact phrases checked against the text. One
 * window at a time works the queue (a Web Lock); the others hear what changed and re-read it.
 */
import { atRiskLeadMs } from '../sync/sla-policy';
import type { Ticket } from '../../shared/domain';
import type { SearchContext } from '../../shared/search/evaluate';
import { parseQuery, type SearchError } from '../../shared/search/query';
import { fold, stem, terms } from '../../shared/search/text';
import { slaState } from '../../shared/sla/state';
import type { InboxRow } from '../db/views';
import type { SwitchboardDb } from '../db/schema';
import { vipRules, withVip } from '../db/vip';
import { Indexer, type IndexProgress, loadIndex } from './indexer';
import { onSearchQueued } from './queue';
import { threadOf } from '../db/thread';

export type SearchOutcome = { ok: true; rows: InboxRow[]; total: number; terms: string[] } | { ok: false; error: SearchError };

const LIMIT = 200;
/** While a long sync runs, how often to look whether it has finished. */
const BUSY_RETRY_MS = 1_000;
const CHANNEL = 'switchboard-search';

function hasSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export class SearchService {
  private indexer: Promise<Indexer>;
  private listeners = new Set<() => void>();
  private draining: Promise<void> | null = null;
  private again = false;
  private waiting: ReturnType<typeof setTimeout> | null = null;
  private channel: BroadcastChannel | null;
  private lockName: string;
  private unsubscribe: () => void;
  /** Bumped whenever results may have changed. */
  version = 0;
  progress: IndexProgress | null = null;

  /**
   * `busy` says a long first sync is running: indexing waits for it rather than compete with it for
   * this thread (the first pages show sooner; search catches up right after).
   */
  constructor(
    private readonly db: SwitchboardDb,
    private readonly busy: () => boolean = () => false,
  ) {
    this.indexer = loadIndex(db).then((index) => new Indexer(db, index));
    this.indexer.catch(() => undefined); // reported where awaited
    this.lockName = `${CHANNEL}:${db.name}`;
    this.unsubscribe = onSearchQueued(db.name, () => void this.schedule());
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.lockName) : null;
    this.channel?.addEventListener('message', () => void this.refresh().catch((error: unknown) => console.warn('search index', error)));
    void this.schedule();
  }

  close(): void {
    if (this.waiting) clearTimeout(this.waiting);
    this.unsubscribe();
    this.channel?.close();
    this.channel = null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }

  /** Works the queue soon; calls during a run make it run once more after. */
  schedule(): Promise<void> {
    if (this.busy()) {
      this.waiting ??= setTimeout(() => {
        this.waiting = null;
        void this.schedule();
      }, BUSY_RETRY_MS);
      return Promise.resolve();
    }
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        await this.withLock(async () => {
          const indexer = await this.indexer;
          const count = await indexer.drain((p) => {
            this.progress = p.done < p.total ? p : null;
            this.changed();
          });
          this.progress = null;
          if (count > 0) {
            this.changed();
            this.channel?.postMessage('changed');
          }
        });
      } while (this.again);
    })()
      .catch((error: unknown) => console.warn('search index', error))
      .finally(() => (this.draining = null));
    return this.draining;
  }

  private async withLock(work: () => Promise<void>): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.locks) return work();
    await navigator.locks.request(this.lockName, { ifAvailable: true }, async (lock) => {
      if (lock) await work();
    });
  }

  /** Another window indexed something: take its persisted state. */
  private async refresh(): Promise<void> {
    const index = await loadIndex(this.db);
    (await this.indexer).index = index;
    this.changed();
  }

  private async context(me: ReadonlySet<string>, now: number): Promise<SearchContext> {
    const [agents, accounts] = await Promise.all([this.db.agents.toArray(), this.db.accounts.toArray()]);
    const matching = <T extends { id: string }>(rows: T[], text: (row: T) => string) => (value: string) => new Set(rows.filter((r) => text(r).toLowerCase().includes(value)).map((r) => r.id));
    return { now, me, assignees: matching(agents, (a) => `${a.name} ${a.email}`), accounts: matching(accounts, (a) => `${a.name} ${a.id} ${a.type}`) };
  }

  /** How many tickets a query finds (a view's count), or null when it is malformed. */
  async count(text: string, me: ReadonlySet<string>, now = Date.now()): Promise<number | null> {
    const parsed = parseQuery(`${text} `, now);
    if (!parsed.ok) return null;
    const { index } = await this.indexer;
    return index.search(parsed.query, await this.context(me, now), 0).total;
  }

  async search(text: string, me: ReadonlySet<string>, now = Date.now()): Promise<SearchOutcome> {
    const parsed = parseQuery(text, now);
    if (!parsed.ok) return parsed;
    const { index } = await this.indexer;
    const result = index.search(parsed.query, await this.context(me, now), LIMIT);
    let ids = result.hits.map((h) => h.ticketId);
    if (result.phrases.length > 0) ids = await this.withPhrases(ids, result.phrases);
    const [tickets, rules, lead] = await Promise.all([this.db.tickets.bulkGet(ids), vipRules(this.db), atRiskLeadMs(this.db)]);
    const present = tickets.filter((t): t is Ticket => !!t);
    const customers = await this.db.customers.bulkGet([...new Set(present.map((t) => t.customerId))]);
    const customerOf = new Map(customers.flatMap((c) => (c ? [[c.id, withVip(c, rules)] as const] : [])));
    const rows = present.map((ticket) => ({ ticket, customer: customerOf.get(ticket.customerId), sla: slaState(ticket, now, lead) }));
    return { ok: true, rows, total: result.phrases.length > 0 ? rows.length : result.total, terms: result.terms };
  }

  /** Tells the words of a text that a search matched: their stem, or the word itself, is a matched term. */
  matcher(matched: readonly string[]): ((word: string) => boolean) | null {
    if (matched.length === 0) return null;
    const set = new Set(matched);
    return (word) => {
      const folded = fold(word);
      return set.has(folded) || set.has(stem(folded));
    };
  }

  /** Keeps the tickets whose subject or messages contain every phrase, word for word. */
  private async withPhrases(ids: string[], phrases: string[][]): Promise<string[]> {
    const texts = await Promise.all(
      ids.map(async (id) => {
        const [ticket, messages] = await Promise.all([this.db.tickets.get(id), threadOf(this.db, id).toArray()]);
        return [ticket?.subject ?? '', ...messages.map((m) => m.text)].map(terms);
      }),
    );
    return ids.filter((_, i) => phrases.every((p) => texts[i]!.some((t) => hasSequence(t, p))));
  }
}
