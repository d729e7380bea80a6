/**
 * SLA policies and clocks: targets for first response, next response and resolution by priority (and
 * for VIP customers), measured in a business calendar, paused while the ticket waits on the customer.
 * Every target gets its due time and state, not only the nearest.
 */
import type { Priority, TicketStatus } from '../domain';
import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from './calendar';

export type TargetKind = 'firstResponse' | 'nextResponse' | 'resolution';
export type TargetState = 'ok' | 'atRisk' | 'breached' | 'met' | 'missed' | 'paused';

/** Minutes of business time per priority; a missing priority has no target. */
export type Targets = Partial<Record<Priority, number>>;

export interface SlaPolicy {
  id: string;
  name: string;
  calendar: BusinessCalendar;
  targets: Partial<Record<TargetKind, Targets>>;
  /** Stricter targets for VIP customers, where set. */
  vipTargets?: Partial<Record<TargetKind, Targets>>;
  /** Statuses in which the clocks stop: the ticket waits on the customer. */
  pausedStatuses: readonly TicketStatus[];
  /** "At risk" this many minutes of business time before the due time. */
  atRiskLeadMinutes: number;
}

/** What the clocks need to know of a ticket. */
export interface SlaSubject {
  priority: Priority;
  vip: boolean;
  createdAt: number;
  /** Status changes, oldest first; the first one is the status at creation. */
  statuses: readonly { status: TicketStatus; at: number }[];
  /** Public replies by agents and messages from the customer, oldest first. */
  messages: readonly { from: 'agent' | 'customer'; at: number }[];
}

export interface TargetClock {
  kind: TargetKind;
  /** When it falls (or fell) due; null while paused, and once met or missed. */
  dueAt: number | null;
  state: TargetState;
}

const MIN = 60_000;

/** The spans in which the clocks run (not in a paused status), from `from` on. */
function runningSpans(policy: SlaPolicy, subject: SlaSubject, from: number): [number, number][] {
  return subject.statuses
    .map((s, i) => ({ status: s.status, start: Math.max(s.at, from), end: subject.statuses[i + 1]?.at ?? Infinity }))
    .filter((s) => !policy.pausedStatuses.includes(s.status) && s.end > s.start)
    .map((s) => [s.start, s.end]);
}

/** Business time between `from` and `to`, leaving out the spans in a paused status; counted up to `cap`. */
function runningTime(policy: SlaPolicy, subject: SlaSubject, from: number, to: number, cap: number): number {
  let total = 0;
  for (const [start, end] of runningSpans(policy, subject, from)) {
    if (total >= cap) break;
    total += businessTimeBetween(policy.calendar, start, Math.min(end, to), cap - total);
  }
  return total;
}

/** The instant the running clock reached `target` (for a breached target: when it fell due). */
function reachedAt(policy: SlaPolicy, subject: SlaSubject, from: number, target: number): number {
  let used = 0;
  for (const [start, end] of runningSpans(policy, subject, from)) {
    if (end === Infinity) return addBusinessTime(policy.calendar, start, target - used);
    const span = businessTimeBetween(policy.calendar, start, end);
    if (used + span >= target) return addBusinessTime(policy.calendar, start, target - used);
    used += span;
  }
  return from;
}

function clock(policy: SlaPolicy, subject: SlaSubject, kind: TargetKind, start: number, stop: number | null, now: number): TargetClock | null {
  const minutes = (subject.vip ? policy.vipTargets?.[kind]?.[subject.priority] : undefined) ?? policy.targets[kind]?.[subject.priority];
  if (minutes === undefined) return null;
  const target = minutes * MIN;
  const end = stop ?? now;
  // Counting stops just past the target: a ticket breached months ago costs no more than a fresh one.
  const used = runningTime(policy, subject, start, end, target + 1);
  if (stop !== null) return { kind, dueAt: null, state: used <= target ? 'met' : 'missed' };
  const current = subject.statuses[subject.statuses.length - 1]?.status;
  if (current && policy.pausedStatuses.includes(current)) return { kind, dueAt: null, state: 'paused' };
  const remaining = target - used;
  if (remaining <= 0) return { kind, dueAt: reachedAt(policy, subject, start, target), state: 'breached' };
  const state = remaining <= policy.atRiskLeadMinutes * MIN ? 'atRisk' : 'ok';
  return { kind, dueAt: addBusinessTime(policy.calendar, now, remaining), state };
}

/** Every clock of a ticket at `now`. */
export function slaClocks(policy: SlaPolicy, subject: SlaSubject, now: number): TargetClock[] {
  const firstReply = subject.messages.find((m) => m.from === 'agent' && m.at >= subject.createdAt)?.at ?? null;
  const solved = [...subject.statuses].reverse().find((s) => s.status === 'solved' || s.status === 'closed');
  const stillSolved = solved && subject.statuses[subject.statuses.length - 1] === solved;
  // Next response: from the first customer message after the latest agent reply, until the agent answers.
  let waitingSince: number | null = null;
  for (const m of subject.messages) {
    if (m.from === 'customer' && waitingSince === null) waitingSince = m.at;
    else if (m.from === 'agent') waitingSince = null;
  }
  const clocks = [
    clock(policy, subject, 'firstResponse', subject.createdAt, firstReply, now),
    firstReply !== null && waitingSince !== null && waitingSince > firstReply
      ? clock(policy, subject, 'nextResponse', waitingSince, null, now)
      : null,
    clock(policy, subject, 'resolution', subject.createdAt, stillSolved ? solved.at : null, now),
  ];
  return clocks.filter((c): c is TargetClock => c !== null);
}

/** The clock that matters most now: the earliest running one. */
export function nearestDue(clocks: TargetClock[]): TargetClock | null {
  return clocks.filter((c) => c.dueAt !== null).sort((a, b) => a.dueAt! - b.dueAt!)[0] ?? null;
}
