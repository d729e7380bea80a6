import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/domain';
import { withoutBidi } from '../../../shared/display-names';
import { FileName } from './FileName';
import { dateTime, fileSize } from '../../app/format';
import { db } from '../../db/schema';
import { useUi } from '../../stores/ui';
import { splitMessage } from '../../sync/merge';
import { downloadAttachment, emailPartId } from './download';
import { MessageHtml } from './MessageHtml';

/** `canSplit`: email conversations can have a message split off into a ticket of its own. */
export function Thread({ messages, pendingIds, canSplit }: { messages: Message[]; pendingIds: ReadonlySet<string>; canSplit: boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const open = (accountId: string, attachmentId: string, fetchId = attachmentId) => {
    setError(null);
    downloadAttachment(accountId, attachmentId, fetchId).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    // Focusable, so a long conversation scrolls from the keyboard too.
    <ol className="thread" tabIndex={0} aria-label={t('ticket.thread')}>
      {error && <li role="alert" className="error">{t('ticket.downloadFailed', { reason: error })}</li>}
      {messages.map((m) => (
        <li key={m.id} className={`message ${m.direction} ${m.internal ? 'internal' : ''}`}>
          <div className="message-head">
            <strong><bdi>{withoutBidi(m.author.name) || m.author.email}</bdi></strong>
            {m.internal && <span className="badge note">{t('ticket.internal')}</span>}
            {pendingIds.has(m.id) && <span className="badge pending">{t('ticket.waiting')}</span>}
            <time>{dateTime(m.createdAt, i18n.language)}</time>
            {canSplit && m.email && (
              <button type="button" className="link" onClick={() => void splitMessage(db, m.id).then((id) => useUi.getState().openTicket(id))}>
                {t('ticket.split')}
              </button>
            )}
          </div>
          {m.email?.html ? <MessageHtml html={m.email.html} sender={m.author.email} accountId={m.accountId} inline={m.email.inline} where={m.email.locations[0]} /> : <div className="message-body">{m.text}</div>}
          {m.email?.broken && m.email.locations[0] && (
            <button type="button" className="link" onClick={() => open(m.accountId, emailPartId(m.accountId, m.email!.locations[0]!, 'raw'))}>
              {t('ticket.original')}
            </button>
          )}
          {m.attachments.length > 0 && (
            <ul className="attachments" aria-label={t('ticket.attachments')}>
              {m.attachments.map((a, i) => (
                <li key={a.id}>
                  <button type="button" className="link" onClick={() => open(m.accountId, a.id, m.email?.locations[0] ? emailPartId(m.accountId, m.email.locations[0], i) : a.id)}>
                    📎 <FileName name={a.name} />
                  </button>{' '}
                  <span className="muted">({fileSize(a.size, i18n.language)}, {a.type})</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
