/**
 * The sidebar's counts at 100,000 tickets: from counters kept with every ticket write (ticket-counts.ts),
 * so each is one row; SLA counts, which move with the clock, from the counters of whole due lanes (five
 * minutes each) plus the due-time index over the current lane only. Snoozed tickets count only in Snoozed.
 */
import type { Channel, Ticket } from '../../shared/domain';
import { openStatuses, ticketStatuses } from '../../shared/statuses';
import { slaState } from '../../shared/sla/state';
import { atRiskLeadMs } from '../sync/sla-policy';
import type { SwitchboardDb } from './schema';
import { activeSnoozes } from './snooze';
import { COMPLETE, countedLanes, DUE_BUCKET_MS, dueBefore, byLane, rowsOf } from './ticket-counts';
import { isOpen, type ViewContext, type ViewId } from './views';

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/** Counts every lane from the tickets and stores them as complete (once, after an upgrade or a clear). */
function recount(db: SwitchboardDb): Promise<Record<string, number>> {
  return db.transaction('rw', db.tickets, db.ticketCounts, async () => {
    const counts: Record<string, number> = {};
    await db.tickets.each((t) => countedLanes(t).forEach((lane) => (counts[lane] = (counts[lane] ?? 0) + 1)));
    await db.ticketCounts.clear();
    await db.ticketCounts.bulkPut([{ lane: COMPLETE, n: 0 }, ...rowsOf(counts)]);
    return counts;
  });
}

const recounting = new WeakMap<SwitchboardDb, Promise<unknown>>();

/**
 * Every lane's count. While the counters are incomplete (a cache from before them, or cleared), counts
 * the tickets once (beside the caller) and keeps the result.
 */
export async function laneCounts(db: SwitchboardDb): Promise<Record<string, number>> {
  const lanes = byLane(await db.ticketCounts.toArray());
  if (lanes[COMPLETE] !== undefined) return lanes;
  if (!recounting.has(db)) {
    // On a timer: out of the caller's live query or transaction, where Dexie refuses a write.
    const done = new Promise((resolve) => setTimeout(() => resolve(recount(db)), 0)).finally(() => recounting.delete(db));
    recounting.set(db, done);
  }
  return (await recounting.get(db)) as Record<string, number>;
}

/** Every view's count. */
export async function viewCounts(db: SwitchboardDb, { me, now }: ViewContext): Promise<Record<ViewId, number>> {
  const [snoozedMap, lead, lanes] = await Promise.all([activeSnoozes(db, now), atRiskLeadMs(db), laneCounts(db)]);
  const snoozed = (await db.tickets.bulkGet([...snoozedMap.keys()])).filter((t): t is Ticket => t !== undefined);
  const lane = (name: string) => lanes[name] ?? 0;
  // Open tickets whose clock runs out at `at` or before: the due lanes before its lane, then its lane so far.
  const dueBy = async (at: number) => {
    const bucket = Math.floor(at / DUE_BUCKET_MS);
    return dueBefore(lanes, bucket) + (await db.tickets.where('[openKey+slaDueAt]').between([1, bucket * DUE_BUCKET_MS], [1, at], true, true).count());
  };
  const [upToNow, upToLead] = await Promise.all([dueBy(now), dueBy(now + lead)]);
  const [breached, atRisk] = [upToNow, upToLead - upToNow];
  // Snoozed tickets are counted in the lanes: take them out of the views they would be in.
  const away = (test: (t: Ticket) => boolean) => snoozed.filter(test).length;
  const sla = (t: Ticket) => slaState(t, now, lead);
  return {
    open: sum(openStatuses.map((s) => lane(`status:${s}`))) - away(isOpen),
    mine: sum([...me].map((id) => lane(`owner:${id}`))) - away((t) => isOpen(t) && t.assigneeId !== null && me.has(t.assigneeId)),
    unassigned: lane('owner:') - away((t) => isOpen(t) && t.assigneeId === null),
    breached: breached - away((t) => isOpen(t) && sla(t) === 'breached'),
    atRisk: atRisk - away((t) => isOpen(t) && sla(t) === 'atRisk'),
    pending: lane('status:pending') - away((t) => t.status === 'pending'),
    snoozed: snoozed.length,
    all: sum(ticketStatuses.map((s) => lane(`status:${s}`))) - snoozed.length,
  };
}

/** Open tickets per account and per channel (the sidebar's sources and channels). */
export async function openCountsBy(db: SwitchboardDb, accountIds: string[], channels: readonly Channel[]): Promise<{ accounts: Record<string, number>; channels: Record<string, number> }> {
  const lanes = await laneCounts(db);
  return {
    accounts: Object.fromEntries(accountIds.map((id) => [id, lanes[`account:${id}`] ?? 0])),
    channels: Object.fromEntries(channels.map((ch) => [ch, lanes[`channel:${ch}`] ?? 0])),
  };
}
