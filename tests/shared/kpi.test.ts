import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { kpiCsv, kpiSeries, kpis, type KpiTicket } from '../../shared/kpi';

const H = 3_600_000;
const now = DateTime.fromISO('2026-11-23T12:00', { zone: 'Europe/Moscow' }).toMillis();
const t = (patch: Partial<KpiTicket>): KpiTicket => ({ createdAt: now - 10 * H, updatedAt: now - 9 * H, firstResponseAt: null, status: 'open', slaDueAt: null, ...patch });

describe('support KPIs', () => {
  const tickets = [
    t({ firstResponseAt: now - 9 * H, status: 'solved', updatedAt: now - 6 * H, slaDueAt: now - 5 * H, satisfaction: 'good' }), // 1 h to answer, 4 h to solve, in time
    t({ firstResponseAt: now - 7 * H, status: 'closed', updatedAt: now - 2 * H, slaDueAt: now - 4 * H, satisfaction: 'bad' }), // 3 h, 8 h, late
    t({ slaDueAt: now - H }), // open and overdue
    t({ slaDueAt: now + H }), // open, in time
    t({ status: 'solved', satisfaction: 'good' }), // no SLA
  ];

  it('averages first response and resolution, counts the overdue backlog and SLA compliance', () => {
    expect(kpis(tickets, now)).toEqual({
      tickets: 5,
      avgFirstResponseMs: 2 * H,
      avgResolutionMs: (1 * H + 4 * H + 8 * H) / 3,
      overdueBacklog: 1,
      slaCompliancePercent: 50,
      satisfactionPercent: 66.7, // two of three rated good
      rated: 3,
    });
  });

  it('an empty period has counts of zero and no averages', () => {
    expect(kpis([], now)).toEqual({ tickets: 0, avgFirstResponseMs: null, avgResolutionMs: null, overdueBacklog: 0, slaCompliancePercent: null, satisfactionPercent: null, rated: 0 });
  });

  it('groups by day in the agent’s time zone, oldest first, and exports CSV', () => {
    const yesterday = t({ createdAt: DateTime.fromISO('2026-11-22T23:30', { zone: 'Europe/Moscow' }).toMillis() });
    const series = kpiSeries([...tickets, yesterday], now, 'day', 3, 'Europe/Moscow');
    expect(series.map((s) => s.kpis.tickets)).toEqual([0, 1, 5]);
    const csv = kpiCsv(series, 'Europe/Moscow');
    expect(csv.split('\r\n')[0]).toBe('period_start,tickets,avg_first_response_min,avg_resolution_min,overdue_backlog,sla_compliance_percent,satisfaction_percent');
    expect(csv.split('\r\n')[3]).toBe('2026-11-23,5,120.0,260.0,1,50,66.7');
  });
});

describe('resolution time', () => {
  it('runs to when the ticket was solved, not to its last message', () => {
    const t0 = Date.UTC(2026, 11, 1, 9);
    const solved: KpiTicket = { createdAt: t0, updatedAt: t0, firstResponseAt: null, status: 'solved', slaDueAt: t0 + 2 * 3_600_000, solvedAt: t0 + 3 * 3_600_000 };
    expect(kpis([solved], t0 + 10 * 3_600_000)).toMatchObject({ avgResolutionMs: 3 * 3_600_000, slaCompliancePercent: 0 });
    // Where no time of solving is known, the last update stands for it.
    expect(kpis([{ ...solved, solvedAt: undefined, updatedAt: t0 + 3_600_000 }], t0).avgResolutionMs).toBe(3_600_000);
  });
});
