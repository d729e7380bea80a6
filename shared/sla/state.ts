/**
 * SLA state of a ticket at a moment. Pure: the same answer in every process, online or not.
 */
import type { Ticket } from '../domain';

export type SlaState = 'none' | 'ok' | 'atRisk' | 'breached';

/** How long before the due time a ticket counts as at risk. */
export const defaultAtRiskLeadMs = 30 * 60_000;

export function slaState(
  ticket: Pick<Ticket, 'status' | 'slaDueAt'>,
  now: number,
  leadMs = defaultAtRiskLeadMs,
): SlaState {
  if (ticket.slaDueAt === null || ticket.status === 'solved' || ticket.status === 'closed') return 'none';
  if (now >= ticket.slaDueAt) return 'breached';
  if (ticket.slaDueAt - now <= leadMs) return 'atRisk';
  return 'ok';
}
