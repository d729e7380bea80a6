/** Renderer entry: language, connection to main (preload or WebSocket), the sync engine, then the UI. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api';
import { App } from './app/App';
import { AppContext } from './app/context';
import { Expired } from './app/Expired';
import { db } from './db/schema';
import { initI18n } from './i18n';
import { startSync } from './sync/engine';
import './styles.css';

initI18n();
const root = createRoot(document.getElementById('root')!);
const expire = () => root.render(<Expired />);

async function boot(): Promise<void> {
  const api = connect(expire);
  if (!api) return expire();
  const info = await api.appInfo({});
  const engine = startSync(api, db);
  const me = new Set(info.me.map((a) => a.id));
  root.render(
    <StrictMode>
      <AppContext.Provider value={{ info, engine, me }}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  // An expired link already rendered its own page; anything else is shown as it is.
  if (error instanceof Error && 'code' in error && error.code === 'forbidden') return;
  root.render(<pre className="fatal">{String(error)}</pre>);
});
