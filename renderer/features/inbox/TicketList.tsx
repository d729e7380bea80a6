import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { relativeTime } from '../../app/format';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { inboxRows, type InboxRow } from '../../db/queries';
import { lineMaps } from '../../db/support-lines';
import { lineOf } from '../../../shared/support-lines';
import { useUi } from '../../stores/ui';
import { Highlight } from '../search/Highlight';
import { SearchBox } from '../search/SearchBox';
import { searchService } from '../../search';
import { useSearch } from '../search/use-search';
import { SlaBadge } from './SlaBadge';

/** The list column: the search field, then the view's tickets or the search results. */
export function TicketList() {
  const { t } = useTranslation();
  const { me } = useApp();
  const view = useUi((s) => s.view);
  const search = useUi((s) => s.search);
  const now = useNow();
  const searching = search.trim() !== '';
  const viewRows = useLiveQuery(() => (searching ? undefined : inboxRows(db, view, me, now)), [view, me, now, searching]);
  const outcome = useSearch(search, me);
  const found = outcome?.ok ? outcome : undefined;
  const rows = searching ? found?.rows : viewRows;
  const matches = useMemo(() => (found ? (searchService()?.matcher(found.terms) ?? null) : null), [found]);
  useEffect(() => useUi.getState().setListIds(rows?.map((r) => r.ticket.id) ?? []), [rows]);

  return (
    <section className="list" aria-label={t('list.label')}>
      <SearchBox outcome={outcome} />
      {searching && found && (
        <p className="search-count" role="status">
          {t('search.results', { count: found.total })}
          {found.total > found.rows.length && ` — ${t('search.shown', { shown: found.rows.length })}`}
        </p>
      )}
      {!rows ? (
        !searching && <p className="empty" aria-busy="true">{t('empty.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{searching ? t('search.none') : t('empty.view')}</p>
      ) : (
        <TicketRows rows={rows} matches={matches} now={now} />
      )}
    </section>
  );
}

function TicketRows({ rows, matches, now }: { rows: InboxRow[]; matches: ((word: string) => boolean) | null; now: number }) {
  const { t, i18n } = useTranslation();
  // Each ticket says where it lives: one queue, several sources.
  const sources = useLiveQuery(async () => new Map((await db.accounts.toArray()).map((a) => [a.id, a.name])), []);
  const lines = useLiveQuery(() => lineMaps(db), []);
  const ticketId = useUi((s) => s.ticketId);
  const openTicket = useUi((s) => s.openTicket);
  return (
    <ul role="listbox" aria-label={t('list.label')}>
      {rows.map(({ ticket, customer, sla }) => (
        <li
          key={ticket.id}
          role="option"
          aria-selected={ticket.id === ticketId}
          tabIndex={0}
          className={ticket.unread ? 'row unread' : 'row'}
          data-ticket-id={ticket.id}
          onClick={() => openTicket(ticket.id)}
          onKeyDown={(e) => e.key === 'Enter' && openTicket(ticket.id)}
        >
          <div className="row-top">
            <span className="customer">
              {customer?.vip && <span className="badge vip">{t('ticket.vip')}</span>}
              <Highlight text={customer?.name ?? '—'} matches={matches} />
            </span>
            <time className="updated">{relativeTime(ticket.updatedAt, now, i18n.language)}</time>
          </div>
          <div className="subject">
            <Highlight text={ticket.subject} matches={matches} />
          </div>
          {matches && (
            <div className="snippet">
              <Highlight text={ticket.preview} matches={matches} />
            </div>
          )}
          <div className="row-bottom">
            <span className={`badge status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
            <span className={`badge priority priority-${ticket.priority}`}>{t(`priority.${ticket.priority}`)}</span>
            <SlaBadge state={sla} dueAt={ticket.slaDueAt} now={now} />
            {lineOf(ticket.group, lines?.[ticket.accountId]) && <span className="badge line">{lineOf(ticket.group, lines?.[ticket.accountId])}</span>}
            {ticket.flagged && <span className="badge flag">★ {t('ticket.flagged')}</span>}
            {sources?.get(ticket.accountId) && <span className="badge source">{sources.get(ticket.accountId)}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
