/** Renderer entry: language, connection to main (preload or WebSocket), the core (core/start.ts), then the UI. */
import { applyTheme } from './app/theme';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api';
import { tokenInAddress } from './api/socket';
import { App } from './app/App';
import { AppProvider } from './app/AppProvider';
import { Expired } from './app/Expired';
import { connectShell } from './app/shell';
import { startCore } from './core/start';
import { db } from './db/schema';
import { initI18n } from './i18n';
import './styles.css';

const i18n = initI18n();
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
  // Open (or create) the cache while main answers: both take a moment on a first start. After an update
  // that reorganizes the cache, opening reads it all once: a window that stays blank would look broken.
  // The shell state first: the sync engine must know whether sync is paused.
  const slow = setTimeout(() => root.render(<p className="opening">{i18n.t('app.openingCache')}</p>), 500);
  const opened = db.open().finally(() => clearTimeout(slow));
  const [info] = await Promise.all([api.appInfo({}), opened, connectShell(api)]);
  const { engine, me } = startCore(api, db, info);
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
