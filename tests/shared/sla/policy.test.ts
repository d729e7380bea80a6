import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { officeHours } from '../../../shared/sla/calendar';
import { nearestDue, slaClocks, type SlaPolicy, type SlaSubject } from '../../../shared/sla/policy';

const zone = 'Europe/Moscow';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const policy: SlaPolicy = {
  id: 'standard',
  name: 'Standard',
  calendar: officeHours(zone),
  targets: {
    firstResponse: { urgent: 60, high: 4 * 60, normal: 8 * 60 },
    nextResponse: { urgent: 2 * 60, high: 8 * 60, normal: 16 * 60 },
    resolution: { urgent: 8 * 60, high: 24 * 60, normal: 72 * 60 },
  },
  vipTargets: { firstResponse: { normal: 2 * 60 } },
  pausedStatuses: ['pending', 'on-hold'],
  atRiskLeadMinutes: 30,
};
const subject = (patch: Partial<SlaSubject> = {}): SlaSubject => ({
  priority: 'normal',
  vip: false,
  createdAt: at('2026-11-23T10:00'),
  statuses: [{ status: 'new', at: at('2026-11-23T10:00') }],
  messages: [{ from: 'customer', at: at('2026-11-23T10:00') }],
  ...patch,
});
const byKind = (clocks: ReturnType<typeof slaClocks>) => Object.fromEntries(clocks.map((c) => [c.kind, c]));

describe('SLA clocks', () => {
  it('a new normal ticket: first response due after 8 business hours, and the resolution clock runs', () => {
    const clocks = byKind(slaClocks(policy, subject(), at('2026-11-23T11:00')));
    expect(clocks.firstResponse).toMatchObject({ state: 'ok', dueAt: at('2026-11-23T18:00') }); // 10:00 + 8 h of a 9-to-6 day
    expect(clocks.resolution).toMatchObject({ state: 'ok' });
    expect(clocks.nextResponse).toBeUndefined();
  });

  it('VIP customers get their stricter target', () => {
    const clocks = byKind(slaClocks(policy, subject({ vip: true }), at('2026-11-23T10:00')));
    expect(clocks.firstResponse!.dueAt).toBe(at('2026-11-23T12:00'));
  });

  it('at risk within the lead, breached after the due time, every target shown', () => {
    expect(byKind(slaClocks(policy, subject(), at('2026-11-23T17:45'))).firstResponse!.state).toBe('atRisk');
    const late = byKind(slaClocks(policy, subject(), at('2026-11-24T09:30'))); // half an hour past Monday 18:00 in business time
    expect(late.firstResponse).toMatchObject({ state: 'breached', dueAt: at('2026-11-23T18:00') });
    expect(late.resolution!.state).toBe('ok');
  });

  it('answering stops the first-response clock: met or missed', () => {
    const answered = subject({ messages: [{ from: 'customer', at: at('2026-11-23T10:00') }, { from: 'agent', at: at('2026-11-23T12:00') }] });
    expect(byKind(slaClocks(policy, answered, at('2026-11-25T12:00'))).firstResponse!.state).toBe('met');
    const slow = subject({ messages: [{ from: 'customer', at: at('2026-11-23T10:00') }, { from: 'agent', at: at('2026-11-24T12:00') }] });
    expect(byKind(slaClocks(policy, slow, at('2026-11-25T12:00'))).firstResponse!.state).toBe('missed');
  });

  it('the next-response clock starts when the customer writes again', () => {
    const thread = subject({
      messages: [
        { from: 'customer', at: at('2026-11-23T10:00') },
        { from: 'agent', at: at('2026-11-23T11:00') },
        { from: 'customer', at: at('2026-11-23T15:00') },
      ],
    });
    const clocks = byKind(slaClocks(policy, thread, at('2026-11-23T16:00')));
    expect(clocks.nextResponse).toMatchObject({ state: 'ok', dueAt: at('2026-11-25T13:00') });
    expect(nearestDue(Object.values(clocks))?.kind).toBe('nextResponse');
  });

  it('waiting on the customer pauses the clocks, and the paused time is not counted', () => {
    const waiting = subject({ statuses: [{ status: 'open', at: at('2026-11-23T10:00') }, { status: 'pending', at: at('2026-11-23T12:00') }] });
    expect(byKind(slaClocks(policy, waiting, at('2026-11-26T12:00'))).resolution!.state).toBe('paused');
    const resumed = subject({
      statuses: [
        { status: 'open', at: at('2026-11-23T10:00') },
        { status: 'pending', at: at('2026-11-23T12:00') },
        { status: 'open', at: at('2026-11-26T12:00') },
      ],
    });
    // 2 h used before the pause, 70 h left from Thursday 12:00: 6 h that day, 9 h on each of the next seven
    // working days (63 h), and the last hour on Tuesday 8 December.
    const resolution = byKind(slaClocks(policy, resumed, at('2026-11-26T12:00'))).resolution!;
    expect(resolution).toMatchObject({ state: 'ok', dueAt: at('2026-12-08T10:00') });
  });

  it('solving stops the resolution clock', () => {
    const solved = subject({ statuses: [{ status: 'open', at: at('2026-11-23T10:00') }, { status: 'solved', at: at('2026-11-23T16:00') }] });
    expect(byKind(slaClocks(policy, solved, at('2026-12-10T10:00'))).resolution!.state).toBe('met');
  });
});
