/**
 * Views that are searches: VIP customers' open tickets, flagged conversations and the agent's saved
 * searches — each with a live count from the search index, which knows every customer's VIP status (by the
 * source, the agent's toggle and the rules in Settings). A click puts its query in the search field, so the
 * agent sees (and learns) what it means. The other built-in views read the cache's indexes (views.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { searchService } from '../../search';
import { useUi } from '../../stores/ui';
import { useSearchVersion } from './use-search';

const OPEN = '-status:solved -status:closed';
const builtIn = [
  ['vip', `is:vip ${OPEN}`],
  ['flagged', `is:flagged ${OPEN}`],
] as const;

interface SearchView {
  key: string;
  name: string;
  query: string;
  saved?: string;
}

export function SearchViews() {
  const { t } = useTranslation();
  const { me, commands } = useApp();
  const search = useUi((s) => s.search);
  const setSearch = useUi((s) => s.setSearch);
  const version = useSearchVersion();
  const saved = useLiveQuery(() => db.views.toArray(), []);
  const views: SearchView[] = [
    ...builtIn.map(([key, query]) => ({ key, name: t(`views.${key}`), query })),
    ...(saved ?? []).map((v) => ({ key: `saved:${v.id}`, name: v.name, query: v.query, saved: v.id })),
  ];
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const signature = views.map((v) => v.key + v.query).join('|');
  useEffect(() => {
    const service = searchService();
    if (!service) return;
    let current = true;
    void Promise.all(views.map(async (v) => [v.key, await service.count(v.query, me)] as const)).then((entries) => current && setCounts(Object.fromEntries(entries)));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the views are described by `signature`
  }, [signature, version, me]);
  return (
    <ul className="search-views" aria-label={t('views.title')}>
      {views.map((v) => (
        <li key={v.key}>
          <button type="button" className="view" aria-current={search.trim() === v.query ? 'page' : undefined} title={v.query} onClick={() => setSearch(v.query)}>
            <span>{v.name}</span>
            <span className="count">{counts[v.key] ?? ''}</span>
          </button>
          {v.saved && (
            <button type="button" className="link remove-view" aria-label={t('views.remove', { name: v.name })} onClick={() => void commands.removeView(v.saved!)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Saves the current search as a view, under a name the agent gives. */
export function SaveView({ query }: { query: string }) {
  const { t } = useTranslation();
  const { commands } = useApp();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (!naming) {
    return (
      <button type="button" className="link" onClick={() => setNaming(true)}>
        {t('views.save')}
      </button>
    );
  }
  return (
    <form
      className="save-view"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void commands.saveView(name.trim(), query.trim()).then(() => {
          setNaming(false);
          setName('');
        });
      }}
    >
      <input aria-label={t('views.name')} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit">{t('views.saveButton')}</button>
    </form>
  );
}
