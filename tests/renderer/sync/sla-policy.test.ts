import { describe, expect, it } from 'vitest';
import { viewRows } from '../../../renderer/db/views';
import { checkNotifications } from '../../../renderer/notifications/engine';
import { policyFrom } from '../../../renderer/sync/sla-policy';
import { customer, freshDb, ticket } from '../fixtures';

const prefs = { enabled: { vipNew: true, atRisk: true, breached: true, assigned: true, replied: true, snoozeEnded: true }, working: () => true };

describe('the SLA settings the agent chose (real IndexedDB)', () => {
  it('a longer at-risk lead makes a ticket due in 90 minutes at risk in the list, the badge and the notifications', async () => {
    const db = await freshDb();
    const now = Date.now();
    await db.customers.put({ ...customer, vip: false });
    await db.tickets.put(ticket(1, { slaDueAt: now + 90 * 60_000 }));
    await checkNotifications(db, new Set(), prefs, now); // baseline
    expect((await viewRows(db, { view: 'open', sort: 'sla', accountId: null, channel: null }, { me: new Set(), now }, 100))[0]!.sla).toBe('ok'); // the default lead is 30 minutes
    const base = policyFrom(null);
    await db.prefs.put({ key: 'slaPolicy', value: { targets: base.targets, from: 540, to: 1080, holidays: [], atRiskLeadMinutes: 120, pausedStatuses: ['on-hold'] } });
    expect((await viewRows(db, { view: 'open', sort: 'sla', accountId: null, channel: null }, { me: new Set(), now }, 100))[0]!.sla).toBe('atRisk');
    const { fresh, atRisk } = await checkNotifications(db, new Set(), prefs, now + 1000);
    expect(atRisk).toBe(1);
    expect(fresh.map((n) => n.kind)).toEqual(['atRisk']);
  });

  it('the paused statuses and the lead go into the policy', () => {
    const base = policyFrom(null, 'UTC');
    expect(base).toMatchObject({ pausedStatuses: ['pending', 'on-hold'], atRiskLeadMinutes: 30 });
    const chosen = policyFrom({ targets: base.targets, from: 540, to: 1080, holidays: [], pausedStatuses: ['on-hold'], atRiskLeadMinutes: 60 }, 'UTC');
    expect(chosen).toMatchObject({ pausedStatuses: ['on-hold'], atRiskLeadMinutes: 60 });
  });
});
