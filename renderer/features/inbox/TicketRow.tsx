/** One ticket in the list: customer, subject, status, priority, SLA, line, source; a box for bulk selection. */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { lineOf, type LineMap } from '../../../shared/support-lines';
import { relativeTime } from '../../app/format';
import type { InboxRow } from '../../db/views';
import { useUi } from '../../stores/ui';
import { Highlight } from '../search/Highlight';
import { SlaBadge } from './SlaBadge';
import { withoutBidi } from '../../../shared/display-names';

export interface RowContext {
  matches: ((word: string) => boolean) | null;
  now: number;
  sources: ReadonlyMap<string, string> | undefined;
  lines: Readonly<Record<string, LineMap>> | undefined;
  total: number;
}

export function TicketRow({ row, index, style, measure, context }: { row: InboxRow; index: number; style: CSSProperties; measure: (el: HTMLElement | null) => void; context: RowContext }) {
  const { t, i18n } = useTranslation();
  const { ticket, customer, sla } = row;
  const current = useUi((s) => s.ticketId === ticket.id);
  const selected = useUi((s) => s.selected.has(ticket.id));
  const { openTicket, toggleSelected } = useUi.getState();
  const line = lineOf(ticket.team, context.lines?.[ticket.accountId]);
  const source = context.sources?.get(ticket.accountId);
  return (
    <li
      ref={measure}
      data-index={index}
      style={style}
      role="option"
      // The open ticket is the current one; selected means picked for a bulk action (x).
      aria-current={current ? 'true' : undefined}
      aria-selected={selected}
      aria-setsize={context.total}
      aria-posinset={index + 1}
      tabIndex={0}
      className={`row${ticket.unread ? ' unread' : ''}${selected ? ' checked' : ''}`}
      data-ticket-id={ticket.id}
      onClick={() => openTicket(ticket.id)}
      onKeyDown={(e) => e.key === 'Enter' && openTicket(ticket.id)}
    >
      <div className="row-top">
        {/* Not a control of its own (an option holds none): the row's state is aria-selected; x toggles it too. */}
        <span
          className="select"
          aria-hidden="true"
          title={t('bulk.select', { subject: ticket.subject })}
          onClick={(e) => {
            e.stopPropagation();
            toggleSelected(ticket.id);
          }}
        >
          {selected ? '☑' : '☐'}
        </span>
        <span className="customer">
          {customer?.vip && <span className="badge vip">{t('ticket.vip')}</span>}
          <Highlight text={customer ? withoutBidi(customer.name) : '—'} matches={context.matches} />
        </span>
        <time className="updated">{relativeTime(ticket.updatedAt, context.now, i18n.language)}</time>
      </div>
      <div className="subject">
        <Highlight text={ticket.subject} matches={context.matches} />
      </div>
      {context.matches && (
        <div className="snippet">
          <Highlight text={ticket.preview} matches={context.matches} />
        </div>
      )}
      <div className="row-bottom">
        <span className={`badge status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
        <span className={`badge priority priority-${ticket.priority}`}>{t(`priority.${ticket.priority}`)}</span>
        <SlaBadge state={sla} dueAt={ticket.slaDueAt} now={context.now} />
        {line && <span className="badge line">{line}</span>}
        {ticket.flagged && <span className="badge flag">★ {t('ticket.flagged')}</span>}
        {source && <span className="badge source">{source}</span>}
      </div>
    </li>
  );
}
