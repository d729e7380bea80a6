/**
 * SLA targets for a source that keeps its own clocks and tells only due times — RT's Due, Freshdesk's
 * fr_due_by and due_by, the demo's — so the ticket view shows each target, as it does for the clocks
 * Switchboard runs itself (policy.ts). A target the ticket already reached is met or missed; a running one
 * is "ok" here and judged against the time when shown (renderer/features/ticket/SlaTargets.tsx).
 */
import { nearestDue, type TargetClock } from './policy';

export interface SourceDue {
  /** When the first answer is due (Freshdesk fr_due_by). */
  firstResponse?: number | null;
  /** When the ticket must be solved (RT Due, Freshdesk due_by). */
  resolution?: number | null;
}

export function targetsFromDue(due: SourceDue, ticket: { firstResponseAt: number | null; solvedAt?: number | null }): { slaTargets: TargetClock[]; slaDueAt: number | null } {
  const targets: TargetClock[] = [];
  const target = (kind: TargetClock['kind'], dueAt: number | null | undefined, reachedAt: number | null | undefined) => {
    if (dueAt === null || dueAt === undefined) return;
    if (reachedAt !== null && reachedAt !== undefined) targets.push({ kind, dueAt: null, state: reachedAt <= dueAt ? 'met' : 'missed' });
    else targets.push({ kind, dueAt, state: 'ok' });
  };
  target('firstResponse', due.firstResponse, ticket.firstResponseAt);
  target('resolution', due.resolution, ticket.solvedAt);
  return { slaTargets: targets, slaDueAt: nearestDue(targets)?.dueAt ?? null };
}
