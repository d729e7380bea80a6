import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { markFirstPageShown } from '../../app/first-page';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { lineMaps } from '../../db/support-lines';
import { PAGE, sortKeys, viewRows, type InboxRow, type SortKey } from '../../db/views';
import { searchService } from '../../search';
import { useUi } from '../../stores/ui';
import { SearchBox } from '../search/SearchBox';
import { useSearch } from '../search/use-search';
import { startGuided, useGuided } from '../guided/guided';
import { BulkBar } from './BulkBar';
import { TicketRow, type RowContext } from './TicketRow';

/** The list column: the search field, then the view's tickets or the search results, virtualized. */
export function TicketList() {
  const { t } = useTranslation();
  const { me } = useApp();
  const { view, sort, accountId, channel, search } = useUi();
  const now = useNow();
  const searching = search.trim() !== '';
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [view, sort, accountId, channel]);
  const viewRowsNow = useLiveQuery(
    () => (searching ? undefined : viewRows(db, { view, sort, accountId, channel }, { me, now }, limit)),
    [view, sort, accountId, channel, me, now, searching, limit],
  );
  const outcome = useSearch(search, me);
  const found = outcome?.ok ? outcome : undefined;
  const rows = searching ? found?.rows : viewRowsNow;
  const matches = useMemo(() => (found ? (searchService()?.matcher(found.terms) ?? null) : null), [found]);
  useEffect(() => useUi.getState().setListIds(rows?.map((r) => r.ticket.id) ?? []), [rows]);
  useEffect(() => {
    if (rows !== undefined) markFirstPageShown();
  }, [rows]);
  const more = !searching && rows !== undefined && rows.length >= limit;

  return (
    <section className="list" aria-label={t('list.label')}>
      <SearchBox outcome={outcome} />
      <ListHeader />
      {searching && found && (
        <p className="search-count" role="status">
          {t('search.results', { count: found.total })}
          {found.total > found.rows.length && ` — ${t('search.shown', { shown: found.rows.length })}`}
        </p>
      )}
      <BulkBar />
      {!rows ? (
        !searching && <Skeleton />
      ) : rows.length === 0 ? (
        <p className="empty">{searching ? t('search.none') : t(`empty.${view}`, { defaultValue: t('empty.view') })}</p>
      ) : (
        <VirtualRows rows={rows} matches={matches} now={now} onNearEnd={() => more && setLimit((n) => n + PAGE)} />
      )}
    </section>
  );
}

/** The sort, and what the views are narrowed to (a source, a channel), with a way back to all. */
function ListHeader() {
  const { t } = useTranslation();
  const { sort, setSort, accountId, channel, setNarrow } = useUi();
  const account = useLiveQuery(() => (accountId ? db.accounts.get(accountId) : undefined), [accountId]);
  const { info } = useApp();
  const guided = useGuided((s) => s.active);
  return (
    <div className="list-header">
      {!guided && (
        <button type="button" aria-keyshortcuts="g n" onClick={() => void startGuided((id) => info.me.find((a) => a.accountId === id) ?? null)}>
          {t('guided.start')} <kbd>g n</kbd>
        </button>
      )}
      <label>
        {t('sort.label')}
        <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
          {sortKeys.map((key) => (
            <option key={key} value={key}>
              {t(`sort.${key}`)}
            </option>
          ))}
        </select>
      </label>
      {(accountId || channel) && (
        <button type="button" className="chip" onClick={() => setNarrow({ accountId: null, channel: null })} aria-label={t('list.clearNarrow')}>
          {[account?.name, channel && t(`channel.${channel}`)].filter(Boolean).join(' · ')} ×
        </button>
      )}
    </div>
  );
}

function Skeleton() {
  const { t } = useTranslation();
  return (
    <ul className="skeleton" aria-busy="true" aria-label={t('empty.loading')}>
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i} className="row">
          <div className="bar short" />
          <div className="bar" />
        </li>
      ))}
    </ul>
  );
}

function VirtualRows({ rows, matches, now, onNearEnd }: { rows: InboxRow[]; matches: RowContext['matches']; now: number; onNearEnd: () => void }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // Each ticket says where it lives: one queue, several sources.
  const sources = useLiveQuery(async () => new Map((await db.accounts.toArray()).map((a) => [a.id, a.name])), []);
  const lines = useLiveQuery(() => lineMaps(db), []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => (matches ? 92 : 74), overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (last >= rows.length - 20) onNearEnd();
  }, [last, rows.length, onNearEnd]);
  // j/k and links move the selection: bring it into view (it may not be rendered yet).
  const ticketId = useUi((s) => s.ticketId);
  useEffect(() => {
    const index = ticketId ? rows.findIndex((r) => r.ticket.id === ticketId) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [ticketId, rows, virtualizer]);
  const context: RowContext = { matches, now, sources, lines, total: rows.length };
  return (
    <div ref={scroller} className="list-scroll">
      <ul role="listbox" aria-label={t('list.label')} aria-multiselectable="true" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <TicketRow
            key={rows[item.index]!.ticket.id}
            row={rows[item.index]!}
            index={item.index}
            measure={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            context={context}
          />
        ))}
      </ul>
    </div>
  );
}
