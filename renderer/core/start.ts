/**
 * The app's core, started once the cache is open and main has answered: the sync engine (pulls, the
 * outbox), search indexing, the notification decisions (VIP, SLA), tickets opened from a notification or
 * a link, and the start-up check that sets damaged cache rows aside. Screens change what it holds through
 * commands (core/commands.ts) and read it through live queries. The scans wait for the inbox's first page.
 */
import i18n from 'i18next';
import type { Api, AppInfo } from '../../shared/contract';
import { digest } from '../../shared/notify';
import { firstPageShown } from '../app/first-page';
import type { SwitchboardDb } from '../db/schema';
import { checkNotifications } from '../notifications/engine';
import { noticePrefs } from '../notifications/prefs';
import { showBadge, showNotice, showSummary } from '../notifications/show';
import { startSearch } from '../search';
import { startSync, type SyncEngine } from '../sync/engine';
import { useSyncStatus } from '../stores/sync-status';
import { useUi } from '../stores/ui';

/** `me`: the agents' ids, kept current in place by the app (AppProvider) for the notification check. */
export function startCore(api: Api, db: SwitchboardDb, info: AppInfo): { engine: SyncEngine; me: Set<string> } {
  const me = new Set(info.me.map((a) => a.id));
  // Indexing for search waits while a long first sync shows its progress (and, like the notification
  // check and the damaged-row check, until the first page of the inbox is on screen: app/first-page.ts).
  void firstPageShown.then(() => startSearch(db, () => Object.values(useSyncStatus.getState().progress).some(Boolean)));
  let checking = false;
  const check = () => {
    if (checking) return;
    checking = true;
    firstPageShown
      .then(() => checkNotifications(db, me, noticePrefs()))
      .then(({ fresh, atRisk }) => {
        // What came together is one summary, never a flood; VIP and breaches stay individual.
        const { shown, summary } = digest(fresh);
        shown.forEach(showNotice);
        if (summary) showSummary(summary);
        showBadge(atRisk);
      })
      .catch(() => undefined)
      .finally(() => (checking = false));
  };
  const engine = startSync(api, db, check);
  setInterval(check, 60_000);
  // A notification or a switchboard:// link: open the ticket if this workspace has it, else say so.
  api.on('openTicket', ({ ticketId }) => {
    void (ticketId ? db.tickets.get(ticketId) : Promise.resolve(undefined)).then((ticket) => {
      if (ticket) useUi.getState().openTicket(ticket.id);
      else useUi.getState().setNotice(i18n.t('links.notFound'));
    });
  });
  // Damaged cache rows are set aside after the inbox shows (their accounts are pulled again).
  void firstPageShown
    .then(() => import('../db/quarantine'))
    .then(({ quarantineCorrupt }) => quarantineCorrupt(db))
    .then(({ moved, names }) => {
      // How many rows the start-up check set aside, for whoever looks (the restart tests do).
      document.documentElement.dataset.cacheChecked = String(moved);
      if (moved === 0) return;
      const shown = names.slice(0, 5).map((n) => `“${n}”`).join(', ') + (names.length > 5 ? ` ${i18n.t('quarantine.more', { count: names.length - 5 })}` : '');
      useUi.getState().setNotice(i18n.t('quarantine.notice', { count: moved, names: shown }));
      void engine.refreshAccounts();
    })
    .catch(() => undefined);
  return { engine, me };
}
