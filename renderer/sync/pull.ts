/**
 * Pull: ask main for the changes after the cached cursor and write them, together with the new cursor,
 * in one transaction. A crash replays at most one page and never skips one. Pulled tickets never
 * overwrite a pending local change: the pending mutations are re-applied on top.
 */
import type { Api } from '../../shared/contract';
import type { Change } from '../../shared/sync';
import type { SwitchboardDb } from '../db/schema';
import { applyMailChanges, isMailChange } from './mail';
import { putCustomers } from './customers';
import { rebase } from './rebase';
import { threadOf } from '../db/thread';

/** A bound on pages per pull, so a misbehaving source cannot keep the loop going forever. */
const MAX_PAGES = 10_000;

/**
 * A ticket the source deleted leaves the cache with its messages; changes still queued for it fail
 * visibly with the source's reason (the Outbox shows them), rather than vanishing.
 */
async function removeTicket(db: SwitchboardDb, ticketId: string, reason: string): Promise<void> {
  await db.tickets.delete(ticketId);
  await threadOf(db, ticketId).delete();
  await db.outbox.where('[ticketId+seq]').between([ticketId, 0], [ticketId, Infinity]).filter((row) => row.state === 'pending' || row.state === 'conflict').modify({ state: 'failed', error: reason });
}

export async function applyChanges(db: SwitchboardDb, accountId: string, changes: Change[]): Promise<void> {
  await applyMailChanges(db, accountId, changes.filter(isMailChange));
  for (const change of changes) {
    switch (change.kind) {
      case 'ticket':
        await db.tickets.put(await rebase(db, change.ticket));
        break;
      case 'message':
        await db.messages.put(change.message);
        break;
      case 'customer':
        await putCustomers(db, [change.customer]);
        break;
      case 'agent':
        await db.agents.put(change.agent);
        break;
      case 'team':
        await db.teams.put(change.team);
        break;
      case 'ticketGone':
        await removeTicket(db, change.ticketId, change.reason);
        break;
      default:
        break; // mail, handled above
    }
  }
}

export interface PullProgress {
  accountId: string;
  pages: number;
  changes: number;
  /** The source's own count, during a long initial sync. */
  items?: { done: number; total: number; unit?: 'messages' | 'tickets' };
}

export async function pullAccount(
  api: Api,
  db: SwitchboardDb,
  accountId: string,
  onProgress?: (p: PullProgress) => void,
): Promise<PullProgress> {
  const progress: PullProgress = { accountId, pages: 0, changes: 0 };
  const key = accountId;
  const cursorNow = async () => (await db.syncState.get(key))?.cursor ?? null;
  let cursor = await cursorNow();
  // The next page is requested while this one is written: the source works while IndexedDB does.
  // A crash loses only the prefetched page, which is asked for again from the committed cursor.
  const request = (from: string | null) => {
    const pending = api.pull({ accountId, cursor: from });
    pending.catch(() => undefined); // handled where it is awaited
    return pending;
  };
  let inflight = request(cursor);
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await inflight;
    const before = cursor;
    if (!result.done) inflight = request(result.nextCursor);
    const applied = await db.transaction('rw', [db.tickets, db.messages, db.customers, db.agents, db.teams, db.syncState, db.outbox, db.prefs], async () => {
      // Another pull (another window) may have written this page already: then skip it.
      if ((await cursorNow()) !== before) return false;
      await applyChanges(db, accountId, result.changes);
      await db.syncState.put({ key, accountId, cursor: result.nextCursor, lastSyncAt: Date.now(), error: null });
      return true;
    });
    progress.pages++;
    if (applied) progress.changes += result.changes.length;
    if (result.progress) progress.items = result.progress;
    onProgress?.(progress);
    if (!applied) {
      cursor = await cursorNow();
      inflight = request(cursor);
      continue;
    }
    cursor = result.nextCursor;
    if (result.done) break;
  }
  return progress;
}
