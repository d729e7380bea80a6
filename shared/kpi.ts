/**
 * Support KPIs from cached tickets, offline: ticket count, average first response time, average
 * resolution time, overdue backlog, SLA compliance and satisfaction (where the source rates tickets),
 * overall and per day or week. A ticket's resolution time runs to when it was solved (`solvedAt`); where
 * no source or change told that, its last update stands for it.
 */
import { DateTime } from 'luxon';
import type { Ticket } from './domain';

export type KpiTicket = Pick<Ticket, 'createdAt' | 'updatedAt' | 'firstResponseAt' | 'status' | 'slaDueAt' | 'satisfaction' | 'solvedAt'>;

export interface Kpis {
  tickets: number;
  avgFirstResponseMs: number | null;
  avgResolutionMs: number | null;
  /** Open tickets past their SLA due time now. */
  overdueBacklog: number;
  /** Share of tickets with an SLA that kept it (solved in time, or still within it), 0–100. */
  slaCompliancePercent: number | null;
  /** Share of rated tickets rated good, 0–100; null when none was rated. */
  satisfactionPercent: number | null;
  rated: number;
}

const done = (t: KpiTicket) => t.status === 'solved' || t.status === 'closed';
const solvedAt = (t: KpiTicket) => Math.max(t.solvedAt ?? t.updatedAt, t.createdAt);
const average = (values: number[]) => (values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null);

export function kpis(tickets: readonly KpiTicket[], now: number): Kpis {
  const withSla = tickets.filter((t) => t.slaDueAt !== null);
  const rated = tickets.filter((t) => t.satisfaction !== undefined);
  const kept = withSla.filter((t) => (done(t) ? solvedAt(t) <= t.slaDueAt! : now < t.slaDueAt!));
  return {
    tickets: tickets.length,
    avgFirstResponseMs: average(tickets.flatMap((t) => (t.firstResponseAt !== null ? [t.firstResponseAt - t.createdAt] : []))),
    avgResolutionMs: average(tickets.filter(done).map((t) => solvedAt(t) - t.createdAt)),
    overdueBacklog: tickets.filter((t) => !done(t) && t.slaDueAt !== null && now >= t.slaDueAt).length,
    slaCompliancePercent: withSla.length ? Math.round((kept.length / withSla.length) * 1000) / 10 : null,
    satisfactionPercent: rated.length ? Math.round((rated.filter((t) => t.satisfaction === 'good').length / rated.length) * 1000) / 10 : null,
    rated: rated.length,
  };
}

/** KPIs of the tickets created in each of the last `count` days or weeks (in `timeZone`), oldest first. */
export function kpiSeries(tickets: readonly KpiTicket[], now: number, unit: 'day' | 'week', count: number, timeZone: string): { start: number; kpis: Kpis }[] {
  const end = DateTime.fromMillis(now, { zone: timeZone }).startOf(unit).plus({ [unit]: 1 });
  return Array.from({ length: count }, (_, i) => {
    const from = end.minus({ [unit]: count - i }).toMillis();
    const to = end.minus({ [unit]: count - i - 1 }).toMillis();
    return { start: from, kpis: kpis(tickets.filter((t) => t.createdAt >= from && t.createdAt < to), now) };
  });
}

/** The series as CSV (RFC 4180), times in minutes, dates in ISO form. */
export function kpiCsv(series: { start: number; kpis: Kpis }[], timeZone: string): string {
  const minutes = (ms: number | null) => (ms === null ? '' : (ms / 60_000).toFixed(1));
  const rows = series.map(({ start, kpis: k }) =>
    [DateTime.fromMillis(start, { zone: timeZone }).toISODate(), k.tickets, minutes(k.avgFirstResponseMs), minutes(k.avgResolutionMs), k.overdueBacklog, k.slaCompliancePercent ?? '', k.satisfactionPercent ?? ''].join(','),
  );
  return ['period_start,tickets,avg_first_response_min,avg_resolution_min,overdue_backlog,sla_compliance_percent,satisfaction_percent', ...rows].join('\r\n') + '\r\n';
}
