/**
 * One change to many tickets (the list's selection): queued ticket by ticket, each in its own
 * transaction with its outbox row, skipping tickets whose source cannot take the change.
 */
import type { Account, Agent, Ticket } from '../../shared/domain';
import type { MutationOp } from '../../shared/mutation';
import type { SwitchboardDb } from '../db/schema';
import { enqueue } from './outbox';

/** Whether an account's source can take `op` (older caches have no capabilities: everything). */
export function canTake(account: Account | undefined, op: MutationOp): boolean {
  const can = account?.capabilities;
  if (!can) return true;
  switch (op.type) {
    case 'setStatus':
      return can.statuses.includes(op.status);
    case 'setPriority':
      return can.priority;
    case 'setAssignee':
      return can.assign;
    case 'setTags':
      return can.tags;
    case 'setFlagged':
      return can.flags;
    case 'setGroup':
      return can.groups;
    case 'logTime':
      return can.timeTracking === true;
    case 'reply':
      return !op.internal || can.internalNotes;
    case 'markSeen':
      return true;
  }
}

/** `opFor` may return null for a ticket it has nothing for (assign to me where I have no agent). */
export async function applyToMany(
  db: SwitchboardDb,
  ticketIds: readonly string[],
  opFor: (ticket: Ticket) => MutationOp | null,
  meFor: (accountId: string) => Agent | null,
): Promise<{ done: number; skipped: number }> {
  const accounts = new Map((await db.accounts.toArray()).map((a) => [a.id, a]));
  let done = 0;
  let skipped = 0;
  for (const id of ticketIds) {
    const ticket = await db.tickets.get(id);
    const op = ticket ? opFor(ticket) : null;
    if (!ticket || !op || !canTake(accounts.get(ticket.accountId), op)) {
      skipped++;
      continue;
    }
    await enqueue(db, id, op, meFor(ticket.accountId));
    done++;
  }
  return { done, skipped };
}
