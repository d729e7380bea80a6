import { describe, expect, it } from 'vitest';
import { viewCounts } from '../../../renderer/db/counts';
import { viewRows, type ViewId } from '../../../renderer/db/views';
import { snooze, snoozeUntil, unsnooze } from '../../../renderer/db/snooze';
import { checkNotifications } from '../../../renderer/notifications/engine';
import { customer, freshDb, ticket } from '../fixtures';

const prefs = { enabled: { vipNew: true, atRisk: true, breached: true, assigned: true, replied: true, snoozeEnded: true }, working: () => true };
const HOUR = 3_600_000;

describe('snooze (real IndexedDB)', () => {
  it('puts a ticket away under "Snoozed" until its time, then brings it back with one notification', async () => {
    const db = await freshDb();
    const now = Date.now();
    await db.customers.put(customer);
    await db.tickets.bulkPut([ticket(1), ticket(2), ticket(3, { assigneeId: 'acc:me' })]);
    await checkNotifications(db, new Set(), prefs, now); // baseline
    await snooze(db, 'acc:1', now + HOUR, now);
    await snooze(db, 'acc:3', now + 2 * HOUR, now);
    const me = new Set(['acc:me']);

    const ids = async (view: ViewId, at: number) => (await viewRows(db, { view, sort: 'sla', accountId: null, channel: null }, { me, now: at }, 100)).map((r) => r.ticket.id).sort();
    expect(await ids('open', now)).toEqual(['acc:2']);
    expect(await ids('snoozed', now)).toEqual(['acc:1', 'acc:3']);
    expect(await ids('mine', now)).toEqual([]);
    expect(await viewCounts(db, { me, now })).toMatchObject({ open: 1, mine: 0, unassigned: 1, snoozed: 2, all: 1 });

    // An hour later the first is back, and says so once.
    const later = now + HOUR + 1000;
    expect(await ids('open', later)).toEqual(['acc:1', 'acc:2']);
    const { fresh } = await checkNotifications(db, new Set(), prefs, later);
    expect(fresh.map((n) => [n.kind, n.ticketId])).toEqual([['snoozeEnded', 'acc:1']]);
    expect((await checkNotifications(db, new Set(), prefs, later + 1000)).fresh).toEqual([]);
    expect(await db.snoozes.count()).toBe(1); // the ended one is gone; the other still waits

    await unsnooze(db, 'acc:3');
    expect(await viewCounts(db, { me, now: later })).toMatchObject({ open: 3, mine: 1, unassigned: 2, snoozed: 0, all: 3 });
  });

  it('refuses a snooze in the past, and picks tomorrow morning and next Monday in the agent’s zone', async () => {
    const db = await freshDb();
    await expect(snooze(db, 'acc:1', Date.now() - 1)).rejects.toThrow(/future/);
    const friday = Date.parse('2026-11-27T15:30:00Z'); // Friday 18:30 in Moscow
    expect(new Date(snoozeUntil('tomorrow', friday, 'Europe/Moscow')).toISOString()).toBe('2026-11-28T06:00:00.000Z');
    expect(new Date(snoozeUntil('nextWeek', friday, 'Europe/Moscow')).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(snoozeUntil('hour', friday, 'Europe/Moscow')).toBe(friday + HOUR);
  });

  it('a reminder on a reply: away until its day, back at once when the customer answers — not for the agent’s own note', async () => {
    const db = await freshDb();
    const now = Date.now();
    await db.customers.put(customer);
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    await checkNotifications(db, new Set(), prefs, now); // baseline
    await snooze(db, 'acc:1', now + 3 * 24 * HOUR, now, { reminder: true });
    await snooze(db, 'acc:2', now + 3 * 24 * HOUR, now, { reminder: true });
    const base = { accountId: 'acc', author: { name: 'Bob', email: 'bob@example.test' }, text: 'x', attachments: [] };
    // The agent's own internal note is no answer; the customer's message on ticket 1 is.
    await db.messages.bulkPut([
      { ...base, id: 'acc:m1', ticketId: 'acc:2', direction: 'out', internal: true, createdAt: now + 1000 },
      { ...base, id: 'acc:m2', ticketId: 'acc:1', direction: 'in', internal: false, createdAt: now + 2000 },
    ]);
    await checkNotifications(db, new Set(), prefs, now + 3000);
    expect((await db.snoozes.toArray()).map((r) => r.ticketId)).toEqual(['acc:2']);
    const open = (await viewRows(db, { view: 'open', sort: 'sla', accountId: null, channel: null }, { me: new Set(), now: now + 3000 }, 100)).map((r) => r.ticket.id);
    expect(open).toEqual(['acc:1']);
  });
});
