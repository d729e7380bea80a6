import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { relativeTime } from '../../app/format';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { inboxRows } from '../../db/queries';
import { useUi } from '../../stores/ui';
import { SlaBadge } from './SlaBadge';

export function TicketList() {
  const { t, i18n } = useTranslation();
  const { me } = useApp();
  const { view, ticketId, openTicket } = useUi();
  const now = useNow();
  const rows = useLiveQuery(() => inboxRows(db, view, me, now), [view, me, now]);
  useEffect(() => useUi.getState().setListIds(rows?.map((r) => r.ticket.id) ?? []), [rows]);

  if (!rows) return <section className="list" aria-busy="true">{t('empty.loading')}</section>;
  if (rows.length === 0) return <section className="list empty">{t('empty.view')}</section>;
  return (
    <section className="list" aria-label={t('list.label')}>
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
                {customer?.name ?? '—'}
              </span>
              <time className="updated">{relativeTime(ticket.updatedAt, now, i18n.language)}</time>
            </div>
            <div className="subject">{ticket.subject}</div>
            <div className="row-bottom">
              <span className={`badge status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
              <span className={`badge priority priority-${ticket.priority}`}>{t(`priority.${ticket.priority}`)}</span>
              <SlaBadge state={sla} dueAt={ticket.slaDueAt} now={now} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
