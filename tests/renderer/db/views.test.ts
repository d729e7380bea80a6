/** The inbox's views over a real IndexedDB: what each shows, in which order, and counts that agree. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer, Ticket } from '../../../shared/domain';
import { channels, isOpenStatus, priorities, ticketStatuses } from '../../../shared/statuses';
import { slaState } from '../../../shared/sla/state';
import { snooze } from '../../../renderer/db/snooze';
import { liveQuery } from 'dexie';
import { viewCounts } from '../../../renderer/db/counts';
import { sortKeys, viewIds, viewRows, type SortKey, type ViewId, type ViewQuery } from '../../../renderer/db/views';
import { localId } from '../../../shared/ids';
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
  it('generated caches: every view, sort and narrowing shows exactly the tickets a plain reading of the rows gives, in order', async () => {
    // One account id so long that its tickets' ids no longer begin with it (ids.ts cuts and hashes them).
    const accounts = ['acc', 'zendesk:support', `imap:${'x'.repeat(190)}@mail.example`];
    const rank = { breached: 0, atRisk: 1, ok: 2, none: 3 } as const;
    const generated = fc.array(
      fc.record({ account: fc.nat(2), status: fc.constantFrom(...ticketStatuses), channel: fc.constantFrom(...channels), priority: fc.constantFrom(...priorities), due: fc.option(fc.integer({ min: -600, max: 600 }), { nil: null }), mine: fc.boolean(), assigned: fc.boolean(), snoozed: fc.boolean() }),
      { minLength: 1, maxLength: 70 },
    );
    const query = fc.record({ view: fc.constantFrom(...viewIds), sort: fc.constantFrom(...sortKeys), account: fc.option(fc.nat(2), { nil: null }), channel: fc.option(fc.constantFrom(...channels), { nil: null }), limit: fc.constantFrom(3, 50) });
    await fc.assert(
      fc.asyncProperty(generated, fc.array(query, { minLength: 1, maxLength: 8 }), async (rows, queries) => {
        const db = await freshDb();
        const tickets: Ticket[] = rows.map((r, n) => {
          const base = ticket(n, { accountId: accounts[r.account]!, status: r.status, channel: r.channel, priority: r.priority, createdAt: 1000 + n * 7, updatedAt: now - n * 13 * 60_000, slaDueAt: r.due === null ? null : now + r.due * 60_000 + n, assigneeId: r.mine ? 'acc:me' : r.assigned ? 'acc:other' : null });
          return { ...base, id: localId(base.accountId, String(n)) };
        });
        await db.tickets.bulkPut(tickets);
        for (const [n, r] of rows.entries()) if (r.snoozed && n % 3 === 0) await snooze(db, tickets[n]!.id, now + HOUR, now);
        const snoozed = new Set(rows.flatMap((r, n) => (r.snoozed && n % 3 === 0 ? [tickets[n]!.id] : [])));
        const inView = (t: Ticket, view: ViewId) =>
          view === 'snoozed' ? snoozed.has(t.id)
          : snoozed.has(t.id) ? false
          : view === 'all' ? true
          : view === 'pending' ? t.status === 'pending'
          : view === 'open' ? isOpenStatus(t.status)
          : view === 'mine' ? isOpenStatus(t.status) && t.assigneeId === 'acc:me'
          : view === 'unassigned' ? isOpenStatus(t.status) && t.assigneeId === null
          : slaState(t, now) === view;
        const order: Record<SortKey, (a: Ticket, b: Ticket) => number> = {
          sla: (a, b) => rank[slaState(a, now)] - rank[slaState(b, now)] || (a.slaDueAt ?? Infinity) - (b.slaDueAt ?? Infinity) || b.updatedAt - a.updatedAt,
          priority: (a, b) => priorities.indexOf(b.priority) - priorities.indexOf(a.priority) || b.updatedAt - a.updatedAt,
          updated: (a, b) => b.updatedAt - a.updatedAt,
          created: (a, b) => a.createdAt - b.createdAt,
        };
        for (const { view, sort, account, channel, limit } of queries) {
          const accountId = account === null ? null : accounts[account]!;
          const expected = tickets
            .filter((t) => inView(t, view) && (accountId === null || t.accountId === accountId) && (channel === null || t.channel === channel))
            .sort(order[sort])
            .slice(0, limit)
            .map((t) => t.id);
          const got = (await viewRows(db, { view, sort, accountId, channel }, { me, now }, limit)).map((r) => r.ticket.id);
          expect(got, `${view}/${sort} account ${accountId ?? '-'} channel ${channel ?? '-'} limit ${limit}`).toEqual(expected);
        }
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});
