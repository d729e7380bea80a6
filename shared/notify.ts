/**
 * Which desktop notifications are due, decided from the cache alone (so it works offline): a new ticket
 * from a VIP, SLA at risk, SLA breached, assigned to me, the customer replied on my ticket, a snooze
 * ended. Each has a key; a key already recorded is never shown again, also after a restart. What came
 * together (after a reconnect, a wake-up) is one summary — "12 new, 2 VIP, 3 at risk" — never a flood;
 * VIP and breach notices stay individual (`digest`).
 */
import type { Ticket } from './domain';
import { slaState } from './sla/state';

export const noticeKinds = ['vipNew', 'atRisk', 'breached', 'assigned', 'replied', 'snoozeEnded'] as const;
/** `newTicket`: any new ticket; never shown alone, only counted in a summary. */
export type NoticeKind = (typeof noticeKinds)[number] | 'newTicket';

export interface NoticeInput {
  ticket: Ticket;
  customerName: string;
  vip: boolean;
  /** When the agent marked the customer VIP: their tickets from before are history, not news. */
  vipSince?: number;
  /** When the customer last wrote, if after the agent's last reply. */
  customerWroteAt: number | null;
  /** The end of a snooze that has just passed. */
  snoozeEndedAt?: number;
}

export interface Notice {
  key: string;
  kind: NoticeKind;
  ticketId: string;
  subject: string;
  customerName: string;
}

export interface NoticePrefs {
  enabled: Record<(typeof noticeKinds)[number], boolean>;
  /** Outside the agent's working hours only VIP breaches notify. */
  working: (now: number) => boolean;
  /** How long before the due time a ticket counts as at risk (default 30 minutes). */
  atRiskLeadMs?: number;
}

const DAY = 86_400_000;
const CLOCK_SLACK = 10 * 60_000;

function keysFor({ ticket, vip, vipSince, customerWroteAt, snoozeEndedAt }: NoticeInput, me: ReadonlySet<string>, now: number, leadMs?: number): { kind: NoticeKind; key: string }[] {
  const out: { kind: NoticeKind; key: string }[] = [];
  if (snoozeEndedAt !== undefined && snoozeEndedAt <= now) out.push({ kind: 'snoozeEnded', key: `snoozeEnded:${ticket.id}:${snoozeEndedAt}` });
  const sla = slaState(ticket, now, leadMs);
  const fresh = ticket.status === 'new' && now - ticket.createdAt < DAY;
  // After the mark (the cache records the tickets there at the time as seen); a sender's clock may be a little behind.
  if (vip && fresh && ticket.createdAt >= (vipSince ?? -Infinity) - CLOCK_SLACK) out.push({ kind: 'vipNew', key: `vipNew:${ticket.id}` });
  if (fresh) out.push({ kind: 'newTicket', key: `new:${ticket.id}` });
  // Once per ticket and phase (before / after the first response): a due time that moves (a VIP mark, a
  // priority change) does not raise the same alarm twice.
  const phase = ticket.firstResponseAt ?? 'first';
  if (sla === 'atRisk') out.push({ kind: 'atRisk', key: `atRisk:${ticket.id}:${phase}` });
  if (sla === 'breached') out.push({ kind: 'breached', key: `breached:${ticket.id}:${phase}` });
  const mine = ticket.assigneeId !== null && me.has(ticket.assigneeId);
  if (mine) out.push({ kind: 'assigned', key: `assigned:${ticket.id}:${ticket.assigneeId}` });
  if (mine && customerWroteAt !== null) out.push({ kind: 'replied', key: `replied:${ticket.id}:${customerWroteAt}` });
  return out;
}

/** Every notice due now, whether or not it was shown before: the caller filters by its record. */
export function dueNotices(inputs: NoticeInput[], me: ReadonlySet<string>, now: number, prefs: NoticePrefs): Notice[] {
  const working = prefs.working(now);
  return inputs.flatMap((input) =>
    keysFor(input, me, now, prefs.atRiskLeadMs)
      .filter(({ kind }) => (kind === 'newTicket' || prefs.enabled[kind]) && (working || (kind === 'breached' && input.vip)))
      .map(({ kind, key }) => ({ key, kind, ticketId: input.ticket.id, subject: input.ticket.subject, customerName: input.customerName })),
  );
}

/** What a summary counts: new tickets, VIP ones among them, SLA at risk and breached, and the rest. */
export type Summary = Record<'new' | 'vip' | 'atRisk' | 'breached' | 'other', number>;

/** Shown one by one when they come alone; more than this at once (other than VIP and breaches) make a summary. */
const MAX_SINGLE = 3;
/** VIP and breach notices stay individual, up to this many at once; the rest are counted in the summary. */
const MAX_URGENT = 5;

/**
 * The notices to show for what came in one check. VIP and breaches one by one (a bounded number); the
 * others one by one when there are few, else in one summary; a new ticket alone is no notice at all.
 */
export function digest(fresh: readonly Notice[]): { shown: Notice[]; summary: Summary | null } {
  const urgent = fresh.filter((n) => n.kind === 'vipNew' || n.kind === 'breached');
  const rest = fresh.filter((n) => n.kind !== 'vipNew' && n.kind !== 'breached');
  const single = rest.filter((n) => n.kind !== 'newTicket');
  const shownUrgent = urgent.slice(0, MAX_URGENT);
  const together = rest.length > MAX_SINGLE || urgent.length > MAX_URGENT;
  if (!together) return { shown: [...shownUrgent, ...single], summary: null };
  const count = (kind: NoticeKind) => fresh.filter((n) => n.kind === kind).length;
  return {
    shown: shownUrgent,
    summary: { new: count('newTicket'), vip: count('vipNew'), atRisk: count('atRisk'), breached: count('breached'), other: count('assigned') + count('replied') + count('snoozeEnded') },
  };
}
