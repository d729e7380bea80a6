/**
 * The sidebar's counters over a real IndexedDB: after any sequence of the ways the app writes tickets
 * (put, bulk put with repeats, update, modify, delete, delete by account, clear, a refused add, a
 * transaction that fails half-way, a reopen), they equal a count of the tickets themselves.
 */
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/domain';
import { isOpenStatus, ticketStatuses } from '../../../shared/statuses';
import { laneCounts, openCountsBy, viewCounts } from '../../../renderer/db/counts';
import { atRiskLeadMs } from '../../../renderer/sync/sla-policy';
import { SwitchboardDb } from '../../../renderer/db/schema';
import { countedLanes } from '../../../renderer/db/ticket-counts';
import { freshDb, ticket } from '../fixtures';

const status = fc.constantFrom(...ticketStatuses);
const assignee = fc.constantFrom(null, 'acc:me', 'acc:other');
const account = fc.constantFrom('acc', 'other');
const channel = fc.constantFrom('email' as const, 'chat' as const);
const HOUR = 3_600_000;
// Clocks around the epoch (1969 included), some within the same hour, some days apart (a day's due lanes
// share a stored row), some none.
const due = fc.option(fc.oneof(fc.integer({ min: -30 * HOUR, max: 30 * HOUR }), fc.integer({ min: -100 * HOUR, max: 100 * HOUR })), { nil: null });
const fields = fc.record({ status, assigneeId: assignee, accountId: account, channel, slaDueAt: due });
const n = fc.integer({ min: 1, max: 12 });
const make = (k: number, f: Partial<Ticket>) => ticket(k, { ...f, id: `t:${k}` });

const step = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), n, f: fields }),
  fc.record({ kind: fc.constant('bulkPut' as const), rows: fc.array(fc.tuple(n, fields), { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('update' as const), n, f: fields }),
  fc.record({ kind: fc.constant('modify' as const), from: status, to: status }),
  fc.record({ kind: fc.constant('delete' as const), ns: fc.array(n, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('deleteAccount' as const), account }),
  fc.record({ kind: fc.constant('clear' as const) }),
  fc.record({ kind: fc.constant('addExisting' as const), n, f: fields }),
  fc.record({ kind: fc.constant('failedTransaction' as const), n, f: fields }),
  fc.record({ kind: fc.constant('reopen' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function run(db: SwitchboardDb, s: Step): Promise<SwitchboardDb> {
  switch (s.kind) {
    case 'put':
      await db.tickets.put(make(s.n, s.f));
      break;
    case 'bulkPut':
      await db.tickets.bulkPut(s.rows.map(([k, f]) => make(k, f)));
      break;
    case 'update':
      await db.tickets.update(`t:${s.n}`, s.f);
      break;
    case 'modify':
      await db.tickets.where('status').equals(s.from).modify({ status: s.to });
      break;
    case 'delete':
      await db.tickets.bulkDelete(s.ns.map((k) => `t:${k}`));
      break;
    case 'deleteAccount':
      await db.tickets.where('accountId').equals(s.account).delete();
      break;
    case 'clear':
      await db.tickets.clear();
      break;
    case 'addExisting':
      // A refused add (the key exists) changes nothing; one that is new counts.
      await db.tickets.bulkAdd([make(s.n, s.f)]).catch(() => undefined);
      break;
    case 'failedTransaction':
      await db
        .transaction('rw', db.tickets, async () => {
          await db.tickets.put(make(s.n, s.f));
          throw new Error('half-way');
        })
        .catch(() => undefined);
      break;
    case 'reopen': {
      db.close();
      const again = new SwitchboardDb(db.name);
      await again.open();
      return again;
    }
  }
  return db;
}

function expected(tickets: Ticket[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tickets) for (const lane of countedLanes(t)) counts[lane] = (counts[lane] ?? 0) + 1;
  return counts;
}
const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([lane, v]) => v !== 0 && !lane.startsWith('#')));

describe('sidebar counters (real IndexedDB)', () => {
  it('equal a count of the tickets after any sequence of writes, restarts included; so do breached and at risk at any time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: -110 * HOUR, max: 110 * HOUR }), async (steps, now) => {
        let db = await freshDb();
        for (const s of steps) {
          db = await run(db, s);
          expect(nonZero(await laneCounts(db))).toEqual(expected(await db.tickets.toArray()));
        }
        const lead = await atRiskLeadMs(db);
        const clocked = (await db.tickets.toArray()).filter((t) => isOpenStatus(t.status) && t.slaDueAt !== null).map((t) => t.slaDueAt!);
        expect(await viewCounts(db, { me: new Set(), now })).toMatchObject({
          breached: clocked.filter((d) => d <= now).length,
          atRisk: clocked.filter((d) => d > now && d <= now + lead).length,
        });
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a cache without counters (from before them) is counted once at the first read, and the views agree', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([
      ticket(1, { assigneeId: 'acc:me' }),
      ticket(2, { channel: 'chat' }),
      ticket(3, { status: 'pending', accountId: 'other', id: 'other:3' }),
      ticket(4, { status: 'solved' }),
    ]);
    await db.ticketCounts.clear(); // as an upgraded cache has them: none
    expect(await viewCounts(db, { me: new Set(['acc:me']), now: 0 })).toMatchObject({ open: 3, mine: 1, unassigned: 2, pending: 1, all: 4 });
    expect(await openCountsBy(db, ['acc', 'other'], ['email', 'chat'])).toEqual({ accounts: { acc: 2, other: 1 }, channels: { email: 2, chat: 1 } });
    expect(await db.ticketCounts.count()).toBeGreaterThan(0); // kept for the next read
  });

  it('counters of an older layout (one row per due lane) are counted again once', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1, { slaDueAt: -HOUR }), ticket(2, { slaDueAt: 2 * HOUR }), ticket(3, { slaDueAt: 50 * HOUR })]);
    await db.ticketCounts.clear();
    await db.ticketCounts.bulkPut([{ lane: '#complete:5min', n: 0 }, { lane: 'status:open', n: 7 }, { lane: 'due:-12', n: 1 }]);
    expect(nonZero(await laneCounts(db))).toEqual(expected(await db.tickets.toArray()));
    expect(await viewCounts(db, { me: new Set(), now: 3 * HOUR })).toMatchObject({ open: 3, breached: 2 });
    expect((await db.ticketCounts.toArray()).map((r) => r.lane).filter((lane) => lane.startsWith('due'))).toEqual(['dueDay:-1', 'dueDay:0', 'dueDay:2']);
  });

  it('the sidebar hears a count change at once: a ticket taken, solved, or cleared away with its account', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2), ticket(3, { status: 'pending' })]);
    const me = new Set(['acc:me']);
    const seen: Array<Record<string, number>> = [];
    const subscription = liveQuery(() => viewCounts(db, { me, now: 0 })).subscribe((counts) => seen.push(counts));
    const last = async (expected: Record<string, number>) => {
      const matches = () => Object.entries(expected).every(([k, v]) => seen.at(-1)?.[k] === v);
      for (let i = 0; i < 100 && !matches(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(seen.at(-1)).toMatchObject(expected);
    };
    await last({ open: 3, mine: 0, unassigned: 3, pending: 1, all: 3 });
    await db.tickets.update('acc:1', { assigneeId: 'acc:me' });
    await last({ open: 3, mine: 1, unassigned: 2 });
    await db.tickets.update('acc:3', { status: 'solved' });
    await last({ open: 2, pending: 0, all: 3 });
    await db.tickets.clear();
    await last({ open: 0, mine: 0, unassigned: 0, all: 0 });
    subscription.unsubscribe();
  });
});
