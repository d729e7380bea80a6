/**
 * What a source's answer to one change does to the cache:
 * - applied: the row is cleared and the source's copy kept;
 * - retryAfter: it waits exactly as long as the source asked;
 * - conflict (the ticket changed at the source since the agent saw it): if the source changed other fields,
 *   the change is rebased on the new version and sent again; if it already has the agent's value, the row
 *   is done; if it changed the same field, the row waits for the agent (mine / theirs) showing theirs;
 * - rejected for good: the row fails with the source's reason and its effect is rolled back (a reply's
 *   text stays in the thread and the row, for the agent to retry or keep as a draft).
 */
import { applyOp, conflictFields, pick, sameFields } from '../../shared/apply-op';
import type { Ticket } from '../../shared/domain';
import type { PushResult } from '../../shared/mutation';
import type { OutboxRow, SwitchboardDb } from '../db/schema';
import { acknowledge } from './outbox-rows';
import { rebase, ticketRows, withoutLocal } from './rebase';

/** Puts the source's ticket (with the remaining local changes on top) after the row changed state. */
async function showSource(db: SwitchboardDb, source: Ticket): Promise<void> {
  await db.tickets.put(await rebase(db, source));
}

export async function settleResult(db: SwitchboardDb, row: OutboxRow, result: PushResult): Promise<'done' | 'again' | 'stop'> {
  const seq = row.seq!;
  switch (result.kind) {
    case 'applied':
      await acknowledge(db, row, result, result.messages);
      return 'done';
    case 'retryAfter':
      await db.outbox.update(seq, { state: 'pending', nextAttemptAt: Date.now() + result.ms, error: null });
      return 'stop';
    case 'rejected':
      await db.transaction('rw', [db.outbox, db.tickets, db.messages], async () => {
        const ticket = await db.tickets.get(row.ticketId);
        const source = ticket ? withoutLocal(ticket, await ticketRows(db, row.ticketId)) : null;
        await db.outbox.update(seq, { state: 'failed', error: result.reason });
        if (source) await showSource(db, source);
      });
      return 'stop';
    case 'conflict': {
      const { remote } = result;
      const fields = conflictFields(row.mutation.op);
      const theirs = pick(remote, fields);
      // Compared with what the agent saw, not with the last pull: a pull may already have brought their change.
      const untouched = sameFields(theirs, row.seen ?? row.before ?? {}, fields);
      const alreadyMine = fields.length > 0 && sameFields(theirs, pick(applyOp(remote, row.mutation.op, row.mutation.createdAt), fields), fields);
      return db.transaction('rw', [db.outbox, db.tickets, db.messages], async () => {
        if (alreadyMine) {
          await db.outbox.delete(seq);
          await showSource(db, remote);
          return 'done' as const;
        }
        if (untouched) {
          await db.outbox.update(seq, { state: 'pending', error: null, mutation: { ...row.mutation, baseVersion: remote.version } });
          await showSource(db, remote);
          return 'again' as const;
        }
        await db.outbox.update(seq, { state: 'conflict', error: 'changed_remotely', theirs, mutation: { ...row.mutation, baseVersion: remote.version } });
        await showSource(db, remote);
        return 'stop' as const;
      });
    }
  }
}
