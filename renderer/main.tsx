/** Renderer entry: language, connection to main (preload or WebSocket), the sync engine, then the UI. */
import { applyTheme } from './app/theme';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api';
import { tokenInAddress } from './api/socket';
import { App } from './app/App';
import { AppProvider } from './app/AppProvider';
import { Expired } from './app/Expired';
import { firstPageShown } from './app/first-page';
import { connectShell } from './app/shell';
import { db } from './db/schema';
import i18n from 'i18next';
import { initI18n } from './i18n';
import { startSearch } from './search';
import { startSync } from './sync/engine';
import { checkNotifications } from './notifications/engine';
import { noticePrefs } from './notifications/prefs';
import { showBadge, showNotice, showSummary } from './notifications/show';
import { digest } from '../shared/notify';
import { useSyncStatus } from './stores/sync-status';
import { useUi } from './stores/ui';
import './styles.css';

initI18n();
applyTheme();
const root = createRoot(document.getElementById('root')!);
/** The app once started: shown again when a new key replaces an expired one (renderer/api/socket.ts). */
let app: ReactNode = null;
const expire = () => root.render(<Expired />);
const renew = () => (app ? root.render(app) : start());

async function boot(): Promise<void> {
  const api = connect(expire, renew);
  if (!api) {
    // No key in the address yet: the page starts when one is pasted into it.
    window.addEventListener('hashchange', () => tokenInAddress() && start(), { once: true });
    return expire();
  }
  // Open (or create) the cache while main answers: both take a moment on a first start.
  // The shell state first: the sync engine must know whether sync is paused.
  const [info] = await Promise.all([api.appInfo({}), db.open(), connectShell(api)]);
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
    .then(() => import('./db/quarantine'))
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
  app = (
    <StrictMode>
      <AppProvider api={api} engine={engine} initial={info} me={me}>
        <App />
      </AppProvider>
    </StrictMode>
  );
  root.render(app);
}

function start(): void {
  boot().catch((error: unknown) => {
    // An expired link already rendered its own page; anything else is shown as it is.
    if (error instanceof Error && 'code' in error && error.code === 'forbidden') return;
    root.render(<pre className="fatal">{String(error)}</pre>);
  });
}
start();
