import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { channels as allChannels } from '../../../shared/statuses';
import { useApp } from '../../app/context';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { openCountsBy, viewCounts } from '../../db/counts';
import { viewIds } from '../../db/views';
import { useUi } from '../../stores/ui';
import { SearchViews } from '../search/SearchViews';

/** The views with live counts, the sources and channels to narrow them to, searches, outbox, KPIs. */
export function Sidebar() {
  const { t } = useTranslation();
  const { me } = useApp();
  const { view, screen, search, accountId, channel, setView, setScreen, setNarrow, setSettingsOpen } = useUi();
  const now = useNow(60_000); // a snooze that ends moves its ticket back; SLA states move on
  const counts = useLiveQuery(() => viewCounts(db, { me, now }), [me, now]);
  const narrowing = useLiveQuery(async () => {
    const accounts = await db.accounts.toArray();
    const by = await openCountsBy(db, accounts.map((a) => a.id), allChannels);
    return { accounts, by };
  }, []);
  const outbox = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const inbox = screen === 'inbox' && !search.trim();
  const channels = allChannels.filter((c) => (narrowing?.by.channels[c] ?? 0) > 0 || c === channel);
  return (
    <nav className="sidebar" aria-label={t('nav.views')}>
      <ul>
        {viewIds.map((id) => (
          <li key={id}>
            <button type="button" className="view" aria-current={inbox && view === id ? 'page' : undefined} onClick={() => setView(id)}>
              <span>{t(`nav.${id}`)}</span>
              <span className="count">{counts?.[id] ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {(narrowing?.accounts.length ?? 0) > 1 && (
        <ul aria-label={t('nav.sources')}>
          <li className="nav-heading">{t('nav.sources')}</li>
          {narrowing!.accounts.map((a) => (
            <li key={a.id}>
              <button type="button" className="view" aria-pressed={accountId === a.id} onClick={() => setNarrow({ accountId: accountId === a.id ? null : a.id, channel })}>
                <span>{a.name}</span>
                <span className="count">{narrowing!.by.accounts[a.id] || ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {channels.length > 1 && (
        <ul aria-label={t('nav.channels')}>
          <li className="nav-heading">{t('nav.channels')}</li>
          {channels.map((c) => (
            <li key={c}>
              <button type="button" className="view" aria-pressed={channel === c} onClick={() => setNarrow({ accountId, channel: channel === c ? null : c })}>
                <span>{t(`channel.${c}`)}</span>
                <span className="count">{narrowing?.by.channels[c] || ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
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
