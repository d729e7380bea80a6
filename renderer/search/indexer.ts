/**
 * Keeps the search index in step with the cache: loads the persisted index at start (never rebuilding
 * it), then works through the queue the cache's writes leave — re-reading each ticket, indexing it, and
 * persisting what changed in the same transaction that removes the queue rows. Compacts now and then.
 */
import Dexie from 'dexie';
import { analyze, type AnalyzedDoc, type DocInput } from '../../shared/search/analyze';
import { SearchIndex, SNAPSHOT_VERSION } from '../../shared/search/engine';
import { clearStemCache } from '../../shared/search/text';
import type { Message, Ticket } from '../../shared/domain';
import type { SearchDocRow, SearchQueueRow, SwitchboardDb } from '../db/schema';
import { vipRules, withVip } from '../db/vip';

/** Tickets read per transaction while indexing. */
const BATCH = 500;
/** Compact (and persist a new snapshot) once this many tickets changed since the last one… */
const COMPACT_MIN = 5_000;
/** …or this share of all tickets. */
const COMPACT_SHARE = 0.25;
/** In bulk, a snapshot every this many batches. */
const SNAPSHOT_BATCHES = 40;

export interface IndexProgress {
  done: number;
  total: number;
}

/** Loads the index as persisted: the snapshot, then the tickets indexed since. */
export async function loadIndex(db: SwitchboardDb): Promise<SearchIndex> {
  const [row, docs] = await db.transaction('r', [db.searchIndex, db.searchDocs], () => Promise.all([db.searchIndex.get('index'), db.searchDocs.toArray()]));
  const index = row && row.snapshot.version === SNAPSHOT_VERSION ? SearchIndex.restore(row.snapshot) : new SearchIndex();
  for (const { ticketId, doc } of docs) {
    if (doc) index.add(doc);
    else index.remove(ticketId);
  }
  return index;
}

/** Tickets at which reading them and their messages in one range each pays. */
const RANGE_READ_MIN = 50;

/**
 * Rows of many ids (sorted). A first sync or a rebuild reads neighbours in id order, so one range read
 * from the first id to the last replaces a read per id, which costs several times more; it stops at
 * `limit` rows, so scattered ids cannot make it read the whole table, and the ids from where it stopped
 * are then read one by one (`each`). Rows of ids not asked for may come too: callers look up theirs.
 */
async function readMany<R>(ids: string[], limit: number, range: (first: string, last: string, limit: number) => Promise<R[]>, idOf: (row: R) => string, each: (ids: string[]) => Promise<R[]>): Promise<R[]> {
  if (ids.length < RANGE_READ_MIN) return each(ids);
  const rows = await range(ids[0]!, ids.at(-1)!, limit);
  if (rows.length < limit) return rows;
  const reached = idOf(rows.at(-1)!); // its rows may be cut short: read again with the rest
  return [...rows.filter((r) => idOf(r) < reached), ...(await each(ids.filter((id) => id >= reached)))];
}

const messagesBetween = (db: SwitchboardDb, first: string, last: string) => db.messages.where('[ticketId+createdAt]').between([first, Dexie.minKey], [last, Dexie.maxKey]);

/** The tickets of some ids (sorted), undefined where gone. */
async function ticketsOf(db: SwitchboardDb, ids: string[]): Promise<Array<Ticket | undefined>> {
  const rows = await readMany(
    ids,
    2 * ids.length,
    (first, last, limit) => db.tickets.where('id').between(first, last, true, true).limit(limit).toArray(),
    (t) => t.id,
    async (some) => (await db.tickets.bulkGet(some)).filter((t): t is Ticket => t !== undefined),
  );
  const byId = new Map(rows.map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id));
}

/** The messages of some tickets (sorted by id), oldest first. */
async function messagesOf(db: SwitchboardDb, tickets: Ticket[]): Promise<Map<string, Message[]>> {
  const found = new Map<string, Message[]>(tickets.map((t) => [t.id, []]));
  const rows = await readMany(
    tickets.map((t) => t.id),
    tickets.reduce((n, t) => n + 2 * t.messageCount + 1, 0), // twice what they count, and one for a ticket that counts none
    (first, last, limit) => messagesBetween(db, first, last).limit(limit).toArray(),
    (m) => m.ticketId,
    async (some) => (await Promise.all(some.map((id) => messagesBetween(db, id, id).toArray()))).flat(),
  );
  for (const m of rows) found.get(m.ticketId)?.push(m);
  return found;
}

/** The documents of some tickets as the cache has them now (undefined: the ticket is gone). */
async function readDocs(db: SwitchboardDb, unsorted: string[]): Promise<Array<AnalyzedDoc | undefined>> {
  const ids = [...unsorted].sort();
  return db.transaction('r', [db.tickets, db.messages, db.customers, db.prefs], async () => {
    const [tickets, rules] = await Promise.all([ticketsOf(db, ids), vipRules(db)]);
    const present = tickets.filter((t): t is Ticket => !!t);
    const [messages, customers] = await Promise.all([messagesOf(db, present), db.customers.bulkGet([...new Set(present.map((t) => t.customerId))])]);
    const customerOf = new Map(customers.flatMap((c) => (c ? [[c.id, withVip(c, rules)] as const] : [])));
    const docs = new Map(present.map((t) => [t.id, analyze(docInput(t, messages.get(t.id)!, customerOf.get(t.customerId)))]));
    return unsorted.map((id) => docs.get(id));
  });
}

export function docInput(ticket: Ticket, messages: Message[], customer: { name: string; email: string; organization: string | null; vip: boolean } | undefined): DocInput {
  return {
    ...ticket,
    ticketId: ticket.id,
    unread: ticket.unread ?? false,
    flagged: ticket.flagged ?? false,
    vip: customer?.vip ?? false,
    customer: customer ?? null,
    messages: messages.map((m) => ({ text: m.text, html: m.email?.html, internal: m.internal, author: m.author, to: m.email?.to, cc: m.email?.cc, attachments: m.attachments })),
  };
}

export class Indexer {
  constructor(
    private readonly db: SwitchboardDb,
    public index: SearchIndex,
  ) {}

  /** Works through the queue; returns how many tickets were re-read. Bounded by what was queued. */
  async drain(onProgress?: (p: IndexProgress) => void): Promise<number> {
    try {
      return await this.work(onProgress);
    } finally {
      clearStemCache();
    }
  }

  private async work(onProgress?: (p: IndexProgress) => void): Promise<number> {
    const queued = await this.db.searchQueue.toArray();
    if (queued.length === 0) return 0;
    if (queued.some((q) => q.key === '*')) return this.rebuild(queued, onProgress);
    const customers = queued.filter((q) => q.key.startsWith('customer:')).map((q) => q.key.slice('customer:'.length));
    const ids = new Set(queued.filter((q) => !q.key.startsWith('customer:')).map((q) => q.key));
    // A changed customer's tickets, all customers in one read.
    if (customers.length > 0) for (const id of await this.db.tickets.where('customerId').anyOf(customers).primaryKeys()) ids.add(id);
    const all = [...ids];
    // Only customers without tickets: nothing to index, but the rows are handled.
    if (all.length === 0) await this.db.transaction('rw', this.db.searchQueue, () => this.settle(queued));
    // A few tickets: persisted one by one. Many (a first sync): as snapshots now and then, cheaper by far;
    // a crash meanwhile leaves the queue as it was, and the work is redone.
    const bulk = all.length > COMPACT_MIN;
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const docs = await readDocs(this.db, batch);
      const rows: SearchDocRow[] = batch.map((ticketId, k) => ({ ticketId, doc: docs[k] ?? null }));
      for (const row of rows) {
        if (row.doc) this.index.add(row.doc);
        else this.index.remove(row.ticketId);
      }
      const last = i + BATCH >= all.length;
      if (!bulk) {
        await this.db.transaction('rw', [this.db.searchDocs, this.db.searchQueue], async () => {
          await this.db.searchDocs.bulkPut(rows);
          if (last) await this.settle(queued);
        });
      } else if (last || (i / BATCH) % SNAPSHOT_BATCHES === SNAPSHOT_BATCHES - 1) await this.persistSnapshot(last ? queued : []);
      onProgress?.({ done: Math.min(all.length, i + BATCH), total: all.length });
    }
    if (this.index.pending >= Math.max(COMPACT_MIN, this.index.docs.live * COMPACT_SHARE)) await this.persistSnapshot([]);
    return all.length;
  }

  /** Removes the queue rows that were handled, unless they were queued again meanwhile. */
  private async settle(handled: SearchQueueRow[]): Promise<void> {
    // Many (a first sync): the queue read in one go, and cleared in one go when all of it was handled.
    const whole = handled.length > BATCH;
    const rows = whole ? await this.db.searchQueue.toArray() : await this.db.searchQueue.bulkGet(handled.map((q) => q.key));
    const stamps = new Map(rows.flatMap((q) => (q ? [[q.key, q.stamp] as const] : [])));
    const done = handled.filter((q) => stamps.get(q.key) === q.stamp).map((q) => q.key);
    if (whole && done.length === stamps.size) await this.db.searchQueue.clear();
    else await this.db.searchQueue.bulkDelete(done);
  }

  /** Indexes every cached ticket afresh (first start with an older cache, or VIP rules changed). */
  private async rebuild(queued: SearchQueueRow[], onProgress?: (p: IndexProgress) => void): Promise<number> {
    const index = new SearchIndex();
    const total = await this.db.tickets.count();
    let done = 0;
    let after: string | null = null;
    for (let page = 0; page <= total / BATCH + 1; page++) {
      const ids: string[] = await (after === null ? this.db.tickets.orderBy('id') : this.db.tickets.where('id').above(after)).limit(BATCH).primaryKeys();
      if (ids.length === 0) break;
      for (const doc of await readDocs(this.db, ids)) if (doc) index.add(doc);
      after = ids[ids.length - 1]!;
      done += ids.length;
      onProgress?.({ done, total });
    }
    this.index = index;
    await this.persistSnapshot(queued);
    return done;
  }

  /** Compacts, and stores the snapshot in place of the recent documents, settling `queued`. */
  private async persistSnapshot(queued: SearchQueueRow[]): Promise<void> {
    const snapshot = this.index.snapshot();
    await this.db.transaction('rw', [this.db.searchIndex, this.db.searchDocs, this.db.searchQueue], async () => {
      await this.db.searchIndex.put({ key: 'index', snapshot });
      await this.db.searchDocs.clear();
      await this.settle(queued);
    });
  }
}
