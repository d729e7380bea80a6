/** The inbox's views over a real IndexedDB: what each shows, in which order, and counts that agree. */
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/domain';
import { liveQuery } from 'dexie';
import { viewCounts } from '../../../renderer/db/counts';
import { viewRows, type SortKey, type ViewId, type ViewQuery } from '../../../renderer/db/views';
import { freshDb, ticket } from '../fixtures';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 23, 12);
const me = new Set(['acc:me']);
const person = (id: string, email: string, vip = false): Customer => ({ id, accountId: 'acc', name: id, email, organization: null, vip });

async function seeded() {
  const db = await freshDb();
  await db.customers.bulkPut([person('c-plain', 'joe@shop.example'), person('c-vip', 'ceo@bank.example', true), person('c-rule', 'ann@eu.partner.example')]);
  await db.tickets.bulkPut([
    ticket(1, { customerId: 'c-plain', slaDueAt: now - HOUR, priority: 'low', createdAt: 10, updatedAt: now - 5 * HOUR }), // breached
    ticket(2, { customerId: 'c-plain', slaDueAt: now + 10 * 60_000, priority: 'urgent', createdAt: 20, updatedAt: now - 4 * HOUR, assigneeId: 'acc:me' }), // at risk
    ticket(3, { customerId: 'c-vip', slaDueAt: now + 5 * HOUR, priority: 'high', createdAt: 30, updatedAt: now - HOUR, channel: 'chat' }),
    ticket(4, { customerId: 'c-rule', status: 'pending', slaDueAt: null, createdAt: 40, updatedAt: now - 2 * HOUR, accountId: 'other', id: 'other:4' }),
    ticket(5, { customerId: 'c-plain', status: 'solved', createdAt: 50, updatedAt: now }),
  ]);
  return db;
}

const q = (view: ViewId, sort: SortKey = 'sla', narrow: Partial<ViewQuery> = {}): ViewQuery => ({ view, sort, accountId: null, channel: null, ...narrow });

describe('inbox views (real IndexedDB)', () => {
  it('shows each view’s tickets in the chosen order', async () => {
    const db = await seeded();
    const ids = async (query: ViewQuery) => (await viewRows(db, query, { me, now }, 50)).map((r) => r.ticket.id);
    expect(await ids(q('open'))).toEqual(['acc:1', 'acc:2', 'acc:3', 'other:4']); // breached, at risk, due later, no clock
    expect(await ids(q('open', 'priority'))).toEqual(['acc:2', 'acc:3', 'other:4', 'acc:1']);
    expect(await ids(q('open', 'updated'))).toEqual(['acc:3', 'other:4', 'acc:2', 'acc:1']);
    expect(await ids(q('open', 'created'))).toEqual(['acc:1', 'acc:2', 'acc:3', 'other:4']); // arrival: oldest first
    expect(await ids(q('all', 'updated'))).toEqual(['acc:5', 'acc:3', 'other:4', 'acc:2', 'acc:1']);
    expect(await ids(q('mine'))).toEqual(['acc:2']);
    expect(await ids(q('unassigned'))).toEqual(['acc:1', 'acc:3', 'other:4']);
    expect(await ids(q('breached'))).toEqual(['acc:1']);
    expect(await ids(q('atRisk', 'updated'))).toEqual(['acc:2']);
    expect(await ids(q('pending'))).toEqual(['other:4']);
    expect(await ids(q('open', 'sla', { accountId: 'other' }))).toEqual(['other:4']);
    expect(await ids(q('open', 'updated', { channel: 'chat' }))).toEqual(['acc:3']);
    // Pages: the first of each, then more.
    expect((await viewRows(db, q('open'), { me, now }, 2)).map((r) => r.ticket.id)).toEqual(['acc:1', 'acc:2']);
  });

  it('counts agree with the views', async () => {
    const db = await seeded();
    expect(await viewCounts(db, { me, now })).toEqual({ open: 4, mine: 1, unassigned: 3, atRisk: 1, breached: 1, pending: 1, snoozed: 0, all: 5 });
    await db.tickets.put(ticket(3, { customerId: 'c-vip', status: 'solved', updatedAt: now }));
    expect(await viewCounts(db, { me, now })).toMatchObject({ open: 3, all: 5 });
  });

  it('a live view follows the cache: a ticket that reopens or is solved moves at once', async () => {
    const db = await seeded();
    const seen: string[][] = [];
    const subscription = liveQuery(() => viewRows(db, q('open', 'updated'), { me, now }, 50)).subscribe((rows) => seen.push(rows.map((r) => r.ticket.id)));
    const last = async (expected: string[]) => {
      for (let i = 0; i < 100 && JSON.stringify(seen.at(-1)) !== JSON.stringify(expected); i++) await new Promise((r) => setTimeout(r, 20));
      expect(seen.at(-1)).toEqual(expected);
    };
    await last(['acc:3', 'other:4', 'acc:2', 'acc:1']);
    await db.tickets.update('acc:5', { status: 'open' }); // reopened: it enters the open view
    await last(['acc:5', 'acc:3', 'other:4', 'acc:2', 'acc:1']);
    await db.tickets.put(ticket(3, { customerId: 'c-vip', status: 'closed', updatedAt: now - HOUR })); // closed: it leaves
    await last(['acc:5', 'other:4', 'acc:2', 'acc:1']);
    subscription.unsubscribe();
  });
});
