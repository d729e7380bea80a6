/**
 * The guided queue ("Next"): the order an agent works a view in — SLA risk first (breached, then at risk,
 * each nearest due first), then VIP customers, then priority, then who waited longest — and the median
 * handling time the status bar shows.
 */
import type { Ticket } from './domain';
import { slaState } from './sla/state';
import { priorities } from './statuses';

// A ticket whose target is far off is no more at risk than one without a target.
const RISK = { breached: 0, atRisk: 1, ok: 2, none: 2 } as const;

export function guidedOrder(items: ReadonlyArray<{ ticket: Ticket; vip: boolean }>, now: number, atRiskLeadMs: number): string[] {
  const keyed = items.map(({ ticket, vip }) => {
    const risk = RISK[slaState(ticket, now, atRiskLeadMs)];
    // Among breached or at-risk tickets the nearest due goes first; the rest are not at risk yet.
    return {
      id: ticket.id,
      risk,
      due: risk <= RISK.atRisk ? (ticket.slaDueAt ?? 0) : 0,
      vip: vip ? 0 : 1,
      priority: priorities.length - priorities.indexOf(ticket.priority),
      created: ticket.createdAt,
    };
  });
  keyed.sort((a, b) => a.risk - b.risk || a.due - b.due || a.vip - b.vip || a.priority - b.priority || a.created - b.created || (a.id < b.id ? -1 : 1));
  return keyed.map((k) => k.id);
}

/** The median of durations (ms); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
