/**
 * Decides notifications from the cache after every pull and each minute, records them so none repeats
 * (also after a restart), and shows them: natively through main in Electron, as Web Notifications in
 * browser mode once the agent allowed them. The first check after the first full sync only records what
 * is already there, so an agent is not flooded with the history.
 */
import Dexie from 'dexie';
import { dueNotices, type Notice, type NoticePrefs } from '../../shared/notify';
import { slaState } from '../../shared/sla/state';
import type { SwitchboardDb } from '../db/schema';
import { endAnsweredReminders } from '../db/snooze';
import { vipRules, withVip } from '../db/vip';
import { atRiskLeadMs } from '../sync/sla-policy';

const BASELINE = 'notifications#baseline';

/** Notices to show now, and how many open tickets are at risk (for the badge). */
export async function checkNotifications(db: SwitchboardDb, me: ReadonlySet<string>, prefs: NoticePrefs, now = Date.now()): Promise<{ fresh: Notice[]; atRisk: number }> {
  // Every open ticket in one request (the openKey index holds exactly them; anyOf would walk a cursor).
  await endAnsweredReminders(db); // the customer answered: the reminder's ticket is back at once
  const tickets = await db.tickets.where('[openKey+updatedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray();
  // Snoozes that have ended: their tickets are back, and say so once; the rows go with this check.
  const ended = new Map((await db.snoozes.where('until').belowOrEqual(now).toArray()).map((r) => [r.ticketId, r.until]));
  const rules = await vipRules(db);
  const customers = new Map((await db.customers.bulkGet([...new Set(tickets.map((t) => t.customerId))])).flatMap((c) => (c ? [[c.id, withVip(c, rules)] as const] : [])));
  const inputs = tickets.map((ticket) => {
    const customer = customers.get(ticket.customerId);
    return {
      ticket,
      customerName: customer?.name ?? '',
      vip: customer?.vip ?? false,
      ...(customer?.vipSince !== undefined ? { vipSince: customer.vipSince } : {}),
      // An open ticket that was answered before and changed since: the customer wrote back.
      customerWroteAt: ticket.status === 'open' && ticket.firstResponseAt !== null && ticket.updatedAt > ticket.firstResponseAt ? ticket.updatedAt : null,
      ...(ended.has(ticket.id) ? { snoozeEndedAt: ended.get(ticket.id) } : {}),
    };
  });
  const lead = await atRiskLeadMs(db);
  const due = dueNotices(inputs, me, now, { ...prefs, atRiskLeadMs: lead });
  const atRisk = tickets.filter((t) => slaState(t, now, lead) === 'atRisk').length;
  const fresh = await db.transaction('rw', [db.notifications, db.syncState, db.snoozes], async () => {
    const seen = await db.notifications.bulkGet(due.map((n) => n.key));
    const fresh = due.filter((_, i) => !seen[i]);
    await db.notifications.bulkPut(fresh.map((n) => ({ key: n.key, at: now })));
    // Only the ended ones read above: a snooze set again meanwhile ends later and stays.
    for (const [ticketId, until] of ended) await db.snoozes.where({ ticketId }).and((r) => r.until === until).delete();
    if (!(await db.syncState.get(BASELINE))) {
      await db.syncState.put({ key: BASELINE, accountId: '', cursor: null, lastSyncAt: now, error: null });
      return [];
    }
    return fresh;
  });
  return { fresh, atRisk };
}
