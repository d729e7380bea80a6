import { describe, expect, it } from 'vitest';
import { checkNotifications } from '../../renderer/notifications/engine';
import { customer, freshDb, ticket } from './fixtures';
import { digest } from '../../shared/notify';

const prefs = { enabled: { vipNew: true, atRisk: true, breached: true, assigned: true, replied: true, snoozeEnded: true }, working: () => true };

describe('notifications decided from the cache (real IndexedDB)', () => {
  it('the first check only records what is there; later ones show each notice once, also after a restart', async () => {
    const db = await freshDb();
    const now = Date.now();
    await db.customers.put(customer); // a VIP
    await db.tickets.put(ticket(1, { slaDueAt: now - 60_000 }));
    expect((await checkNotifications(db, new Set(), prefs, now)).fresh).toEqual([]); // baseline: no flood of history
    await db.tickets.put(ticket(2, { status: 'new', createdAt: now, slaDueAt: null }));
    const { fresh } = await checkNotifications(db, new Set(), prefs, now);
    // What is shown (a new ticket is only counted, for summaries).
    expect(digest(fresh).shown.map((n) => [n.kind, n.ticketId, n.customerName])).toEqual([['vipNew', 'acc:2', 'Анна Смирнова']]);
    expect((await checkNotifications(db, new Set(), prefs, now)).fresh).toEqual([]);
    db.close();
    await db.open(); // as after a restart: the record is in IndexedDB
    expect((await checkNotifications(db, new Set(), prefs, now + 1000)).fresh).toEqual([]);
  });
});

describe('VIP by rule (real IndexedDB)', () => {
  it('a domain in the VIP rules makes its customers VIP in the inbox and in notifications', async () => {
    const { viewRows } = await import('../../renderer/db/views');
    const db = await freshDb();
    const now = Date.now();
    await db.customers.put({ ...customer, vip: false }); // anna@example.ru, not VIP by source or toggle
    await checkNotifications(db, new Set(), prefs, now); // baseline
    await db.prefs.put({ key: 'vipRules', value: ['example.ru'] });
    await db.tickets.put(ticket(5, { status: 'new', createdAt: now, slaDueAt: null }));
    expect((await viewRows(db, { view: 'open', sort: 'sla', accountId: null, channel: null }, { me: new Set(), now }, 100))[0]?.customer?.vip).toBe(true);
    expect(digest((await checkNotifications(db, new Set(), prefs, now)).fresh).shown.map((n) => n.kind)).toEqual(['vipNew']);
  });
});
