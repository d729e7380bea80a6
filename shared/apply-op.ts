/** Kept free of zod so the page's bundle does not carry the schema library. */
import type { Ticket } from './domain';
import type { MutationOp } from './mutation';

/** The optimistic effect of an op on a ticket: the same rule in the cache and in sources that apply it. */
export function applyOp(ticket: Ticket, op: MutationOp, now: number): Ticket {
  switch (op.type) {
    case 'setStatus':
      return { ...ticket, status: op.status, sourceStatus: op.status, updatedAt: now };
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
    case 'reply':
      return {
        ...ticket,
        updatedAt: now,
        messageCount: ticket.messageCount + 1,
        firstResponseAt: op.internal ? ticket.firstResponseAt : (ticket.firstResponseAt ?? now),
        status: !op.internal && ticket.status === 'new' ? 'open' : ticket.status,
      };
  }
}
