import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { viewCounts } from '../../db/queries';
import { useUi, type ViewId } from '../../stores/ui';
import { SearchViews } from '../search/SearchViews';

const views: ViewId[] = ['open', 'mine', 'unassigned', 'snoozed'];

export function Sidebar() {
  const { t } = useTranslation();
  const { me } = useApp();
  const { view, screen, search, setView, setScreen, setSettingsOpen } = useUi();
  const now = useNow(60_000); // a snooze that ends moves its ticket back
  const counts = useLiveQuery(() => viewCounts(db, me, now), [me, now]);
  const outbox = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  return (
    <nav className="sidebar" aria-label={t('nav.views')}>
      <ul>
        {views.map((id) => (
          <li key={id}>
            <button type="button" className="view" aria-current={screen === 'inbox' && view === id && !search.trim() ? 'page' : undefined} onClick={() => setView(id)}>
              <span>{t(`nav.${id}`)}</span>
              <span className="count">{counts?.[id] ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      <SearchViews />
      <button type="button" className="view" aria-current={screen === 'outbox' ? 'page' : undefined} onClick={() => setScreen('outbox')}>
        <span>{t('nav.outbox')}</span>
        <span className="count">{outbox || ''}</span>
      </button>
      <button type="button" className="view" aria-current={screen === 'kpi' ? 'page' : undefined} onClick={() => setScreen('kpi')}>
        {t('nav.kpi')}
      </button>
      <button type="button" className="view settings-link" onClick={() => setSettingsOpen(true)}>
        {t('nav.settings')}
      </button>
    </nav>
  );
}
