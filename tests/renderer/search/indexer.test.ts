import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { applyChanges } from '../../../renderer/sync/pull';
import { parseQuery } from '../../../shared/search/query';
import { Indexer, loadIndex } from '../../../renderer/search/indexer';
import { SearchService } from '../../../renderer/search/service';
import { customer, freshDb, ticket } from '../fixtures';

function message(n: number, ticketId: string, text: string, patch: Partial<Message> = {}): Message {
  return {
    id: `acc:m${n}`, ticketId, accountId: 'acc', author: { name: customer.name, email: customer.email }, direction: 'in', internal: false,
    createdAt: 5000 + n, text, attachments: [], ...patch,
  };
}

const me = new Set<string>();
const idsOf = async (service: SearchService, q: string) => {
  const outcome = await service.search(q, me);
  if (!outcome.ok) throw new Error(outcome.error.code);
  return outcome.rows.map((r) => r.ticket.id).sort();
};

describe('search index in the cache (real IndexedDB)', () => {
  it('follows the sync’s own writes: queued in the same transaction, indexed, persisted, never rebuilt at start', async () => {
    const db = await freshDb();
    await db.transaction('rw', [db.tickets, db.messages, db.customers, db.agents, db.syncState, db.outbox, db.prefs], async () => {
      await applyChanges(db, 'acc', [
        { kind: 'customer', customer },
        { kind: 'ticket', ticket: ticket(1, { subject: 'Оплата не прошла' }) },
        { kind: 'message', message: message(1, 'acc:1', 'Пытался оплатить заказ картой.') },
        { kind: 'ticket', ticket: ticket(2, { subject: 'Доставка', customerId: 'acc:c2' }) },
        { kind: 'message', message: message(2, 'acc:2', 'Оплатой займусь позже, сначала адрес.', { author: { name: 'Bob', email: 'bob@acme.com' } }) },
      ]);
    });
    // The queue was written with the changes.
    expect((await db.searchQueue.toArray()).map((q) => q.key).sort()).toEqual(['acc:1', 'acc:2', 'customer:acc:c1']);
    const service = new SearchService(db);
    await service.schedule();
    expect(await db.searchQueue.count()).toBe(0);
    expect(await idsOf(service, 'оплата ')).toEqual(['acc:1', 'acc:2']);
    expect(await idsOf(service, 'from:bob@acme.com оплата')).toEqual(['acc:2']);
    expect(await idsOf(service, 'from:acme.com is:vip')).toEqual([]);
    expect(await idsOf(service, 'is:vip')).toEqual(['acc:1']);
    // A view's count: what the query finds (the last word whole, not a prefix); null when malformed.
    expect(await service.count('оплата', me)).toBe(2);
    expect(await service.count('status:frozen', me)).toBeNull();
    // An exact phrase is checked word for word.
    expect(await idsOf(service, '"оплатить заказ"')).toEqual(['acc:1']);
    expect(await idsOf(service, '"заказ оплатить"')).toEqual([]);

    // A status change and a removal reach the index through the same path.
    await db.tickets.update('acc:1', { status: 'solved' });
    await db.tickets.delete('acc:2');
    await service.schedule();
    expect(await idsOf(service, 'оплата status:solved')).toEqual(['acc:1']);
    expect(await idsOf(service, 'оплата ')).toEqual(['acc:1']);

    // A new window loads what was persisted: the same answers without reading a ticket.
    const reloaded = new Indexer(db, await loadIndex(db));
    expect(await reloaded.drain()).toBe(0);
    expect(reloaded.index.docs.live).toBe(1);
    service.close();
    db.close();
  });

  it('builds the index once for a cache that predates it, in pages, with progress', async () => {
    const db = await freshDb();
    await db.customers.put(customer);
    await db.tickets.bulkPut(Array.from({ length: 1200 }, (_, i) => ticket(i, { subject: i % 100 === 0 ? `Refund request ${i}` : `Question ${i}` })));
    await db.searchQueue.clear();
    await db.searchQueue.put({ key: '*', stamp: 1 });
    const indexer = new Indexer(db, await loadIndex(db));
    const progress: number[] = [];
    expect(await indexer.drain((p) => progress.push(p.done))).toBe(1200);
    expect(progress).toEqual([500, 1000, 1200]);
    expect(await db.searchIndex.get('index')).toBeDefined();
    expect(await db.searchDocs.count()).toBe(0);
    const restored = await loadIndex(db);
    expect(restored.docs.live).toBe(1200);
    db.close();
  });

  it('indexes each queued ticket with its own messages, whatever lies between them in the cache and whatever count they claim', async () => {
    // Consonants only: no stemmer step applies, so each message's word is a term of its own.
    const word = (n: number, k: number) => `zq${[...String(n * 10 + k)].map((d) => 'bcdfghjkmn'[Number(d)]).join('')}`;
    const spec = fc.record({ messages: fc.integer({ min: 0, max: 8 }), claimsNone: fc.boolean(), queued: fc.boolean(), gone: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 200, size: 'max' }), async (specs) => {
        const db = await freshDb();
        // A ticket's messageCount may be wrong (0): it only sizes a read, never decides what is indexed.
        await db.tickets.bulkPut(specs.map((s, n) => ticket(n, { messageCount: s.claimsNone ? 0 : s.messages })));
        await db.messages.bulkPut(specs.flatMap((s, n) => Array.from({ length: s.messages }, (_, k) => message(n * 10 + k, `acc:${n}`, word(n, k)))));
        await db.tickets.bulkDelete(specs.flatMap((s, n) => (s.gone ? [`acc:${n}`] : [])));
        // Neighbours not queued (indexed before, say) are read past, never indexed.
        await db.searchQueue.bulkDelete(specs.flatMap((s, n) => (s.queued ? [] : [`acc:${n}`])));
        const indexer = new Indexer(db, await loadIndex(db));
        await indexer.drain();
        for (const [n, s] of specs.entries()) {
          for (let k = 0; k < s.messages; k++) {
            const parsed = parseQuery(`${word(n, k)} `, 0); // whole: not a prefix
            if (!parsed.ok) throw new Error(parsed.error.code);
            const hits = indexer.index.search(parsed.query, { now: 0, me, assignees: () => new Set(), accounts: () => new Set() }).hits.map((h) => h.ticketId);
            expect(hits, word(n, k)).toEqual(s.queued && !s.gone ? [`acc:${n}`] : []);
          }
        }
        expect(await db.searchQueue.count()).toBe(0);
        db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('settles a changed customer without tickets: nothing to index, and the queue empties', async () => {
    const db = await freshDb();
    await db.customers.put(customer);
    expect(await db.searchQueue.count()).toBe(1);
    expect(await new Indexer(db, await loadIndex(db)).drain()).toBe(0);
    expect(await db.searchQueue.count()).toBe(0);
    db.close();
  });

  it('re-reads a customer’s tickets when the customer changes (VIP), and all tickets when VIP rules change', async () => {
    const db = await freshDb();
    await db.customers.put({ ...customer, vip: false });
    await db.tickets.bulkPut([ticket(1), ticket(2, { customerId: 'acc:other' })]);
    const service = new SearchService(db);
    await service.schedule();
    expect(await idsOf(service, 'is:vip')).toEqual([]);
    await db.customers.update(customer.id, { vip: true });
    await service.schedule();
    expect(await idsOf(service, 'is:vip')).toEqual(['acc:1']);
    await db.customers.put({ ...customer, id: 'acc:other', email: 'ceo@bigbank.ru', vip: false });
    await db.prefs.put({ key: 'vipRules', value: ['bigbank.ru'] });
    await service.schedule();
    expect(await idsOf(service, 'is:vip')).toEqual(['acc:1', 'acc:2']);
    service.close();
    db.close();
  });

  it('says what is wrong with a malformed query instead of throwing', async () => {
    const db = await freshDb();
    const service = new SearchService(db);
    expect(await service.search('status:frozen', me)).toMatchObject({ ok: false, error: { code: 'bad_value', from: 0, to: 13 } });
    await service.schedule();
    service.close();
    db.close();
  });
});

describe('search indexing during a long sync', () => {
  it('waits while the sync says it is busy, then catches up by itself', async () => {
    const db = await freshDb();
    let busy = true;
    const service = new SearchService(db, () => busy);
    await db.customers.put(customer);
    await db.tickets.put(ticket(1, { subject: 'Parcel lost' }));
    await service.schedule();
    expect(await db.searchQueue.count()).toBeGreaterThan(0);
    busy = false;
    await expect.poll(() => db.searchQueue.count(), { timeout: 5_000 }).toBe(0);
    expect(await idsOf(service, 'parcel ')).toEqual(['acc:1']);
    service.close();
    db.close();
  });
});
