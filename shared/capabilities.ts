/**
 * What a ticket's source can take, decided here and nowhere else: the ticket's controls, a bulk change,
 * a macro's plan and the triage pickers all ask these two functions.
 */
import type { Account, Capabilities } from './domain';
import type { MutationOp } from './mutation';
import { ticketStatuses } from './statuses';

/**
 * An account cached before sources told their capabilities: the core every source had then, until the
 * next start brings the account's own (the optional ones — files, time, articles — are not assumed).
 */
const assumed: Capabilities = { statuses: [...ticketStatuses], priority: true, assign: true, tags: true, internalNotes: true, merge: true, flags: true, teams: true };

export function capabilitiesOf(account: Pick<Account, 'capabilities'> | undefined): Capabilities {
  return account?.capabilities ?? assumed;
}

/**
 * Why the source cannot take `op` (shown to the agent: never dropped silently), or null when it can.
 * `source`: its name where known ("Request Tracker has no tags").
 */
export function cannotTake(can: Capabilities, op: MutationOp, source = 'this source'): string | null {
  switch (op.type) {
    case 'setStatus':
      return can.statuses.includes(op.status) ? null : `${source} has no status "${op.status}"`;
    case 'setPriority':
      return can.priority ? null : `${source} has no priorities`;
    case 'setAssignee':
      return can.assign ? null : `${source} cannot assign tickets`;
    case 'setTags':
      return can.tags ? null : `${source} has no tags`;
    case 'setFlagged':
      return can.flags ? null : `${source} cannot flag tickets`;
    case 'setTeam':
      return can.teams ? null : `${source} has no teams`;
    case 'logTime':
      return can.timeTracking ? null : `${source} keeps no time worked`;
    case 'reply':
      if (op.internal && !can.internalNotes) return `${source} has no internal notes`;
      if (op.attachments?.length && !can.attachments) return `${source} takes no files with a reply`;
      return op.status && !can.statuses.includes(op.status) ? `${source} has no status "${op.status}"` : null;
    case 'markSeen':
      return null;
  }
}

export const canTake = (account: Pick<Account, 'capabilities'> | undefined, op: MutationOp): boolean => cannotTake(capabilitiesOf(account), op) === null;
