/** Kept free of zod so the page's bundle does not carry the schema library. */
import type { Ticket, TicketStatus } from './domain';
import type { MutationOp } from './mutation';

/**
 * What a reply sets the status to unless the agent chooses otherwise ("Reply and set", as Zendesk's submit-as):
 * a public answer to a new or open ticket waits on the customer (pending, where the source has it; else
 * open); an internal note takes a new ticket in hand (open); anything else stays as it is. The composer
 * shows this before sending and the reply carries it to the source: one rule, the same in both places.
 */
export function statusAfterReply(status: TicketStatus, internal: boolean, offered: readonly TicketStatus[] = ['pending']): TicketStatus {
  if (internal) return status === 'new' ? 'open' : status;
  if (status !== 'new' && status !== 'open') return status;
  return offered.includes('pending') ? 'pending' : 'open';
}

const done = (status: TicketStatus) => status === 'solved' || status === 'closed';

/** When the ticket was solved, after a change of status to `status`: kept while it stays done, now when it becomes so. */
function solvedAtAfter(ticket: Ticket, status: TicketStatus, now: number): number | null {
  if (!done(status)) return null;
  return done(ticket.status) ? (ticket.solvedAt ?? now) : now;
}

/** The optimistic effect of an op on a ticket: the same rule in the cache and in sources that apply it. */
export function applyOp(ticket: Ticket, op: MutationOp, now: number): Ticket {
  switch (op.type) {
    case 'setStatus':
      return { ...ticket, status: op.status, sourceStatus: op.status, updatedAt: now, solvedAt: solvedAtAfter(ticket, op.status, now) };
    case 'setPriority':
      return { ...ticket, priority: op.priority, updatedAt: now };
    case 'setAssignee':
      return { ...ticket, assigneeId: op.assigneeId, updatedAt: now };
    case 'setTags':
      return { ...ticket, tags: [...new Set(op.tags)], updatedAt: now };
    case 'markSeen':
      return { ...ticket, unread: false };
    case 'setFlagged':
      return { ...ticket, flagged: op.flagged };
    case 'setTeam':
      return { ...ticket, team: op.team, updatedAt: now };
    case 'logTime':
      return ticket; // kept by the source; the ticket shows nothing of it
    case 'reply':
      return {
        ...ticket,
        updatedAt: now,
        messageCount: ticket.messageCount + 1,
        firstResponseAt: op.internal ? ticket.firstResponseAt : (ticket.firstResponseAt ?? now),
        ...(op.status ? { status: op.status, sourceStatus: op.status, solvedAt: solvedAtAfter(ticket, op.status, now) } : { status: !op.internal && ticket.status === 'new' ? 'open' : ticket.status }),
      };
  }
}

/** The ticket fields an op changes: what a rollback restores and a conflict compares. Replies change none. */
export function opFields(op: MutationOp): (keyof Ticket)[] {
  switch (op.type) {
    case 'setStatus':
      return ['status', 'sourceStatus', 'solvedAt'];
    case 'setPriority':
      return ['priority'];
    case 'setAssignee':
      return ['assigneeId'];
    case 'setTags':
      return ['tags'];
    case 'markSeen':
      return ['unread'];
    case 'setFlagged':
      return ['flagged'];
    case 'setTeam':
      return ['team'];
    case 'logTime':
      return [];
    case 'reply':
      return op.status ? ['status', 'sourceStatus', 'solvedAt'] : [];
  }
}

/**
 * The fields a conflict is told by: those the change sets, in Switchboard's vocabulary — not the source's
 * own status name, which a source spells its way ("stalled" for on hold) and the optimistic effect cannot,
 * nor the time it was solved, which the source records by its own clock.
 */
export function conflictFields(op: MutationOp): (keyof Ticket)[] {
  return opFields(op).filter((f) => f !== 'sourceStatus' && f !== 'solvedAt');
}

export function pick(ticket: Ticket, fields: readonly (keyof Ticket)[]): Partial<Ticket> {
  return Object.fromEntries(fields.map((f) => [f, ticket[f]])) as Partial<Ticket>;
}

/** Whether two tickets agree on the given fields (tags as sets). */
export function sameFields(a: Partial<Ticket>, b: Partial<Ticket>, fields: readonly (keyof Ticket)[]): boolean {
  const norm = (v: unknown) => (Array.isArray(v) ? JSON.stringify([...v].sort()) : JSON.stringify(v ?? null));
  return fields.every((f) => norm(a[f]) === norm(b[f]));
}
