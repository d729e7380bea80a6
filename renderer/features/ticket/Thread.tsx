import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/domain';
import { dateTime, fileSize } from '../../app/format';

export function Thread({ messages, pendingIds }: { messages: Message[]; pendingIds: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="thread">
      {messages.map((m) => (
        <li key={m.id} className={`message ${m.direction} ${m.internal ? 'internal' : ''}`}>
          <div className="message-head">
            <strong>{m.author.name || m.author.email}</strong>
            {m.internal && <span className="badge note">{t('ticket.internal')}</span>}
            {pendingIds.has(m.id) && <span className="badge pending">{t('ticket.waiting')}</span>}
            <time>{dateTime(m.createdAt, i18n.language)}</time>
          </div>
          <div className="message-body">{m.text}</div>
          {m.attachments.length > 0 && (
            <ul className="attachments" aria-label={t('ticket.attachments')}>
              {m.attachments.map((a) => (
                <li key={a.id}>
                  📎 {a.name} <span className="muted">({fileSize(a.size, i18n.language)}, {a.type})</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
