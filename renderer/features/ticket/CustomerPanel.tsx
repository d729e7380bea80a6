/**
 * The customer beside the ticket: who they are, VIP, the agent's own notes (kept on this computer), and
 * every other ticket of theirs in every source, with its status.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Ticket } from '../../../shared/domain';
import { relativeTime } from '../../app/format';
import { db } from '../../db/schema';
import { markVip } from '../../sync/customers';
import { useUi } from '../../stores/ui';
import { withoutBidi } from '../../../shared/display-names';

export function CustomerPanel({ customer, history }: { customer: Customer; history: Ticket[] }) {
  const { t, i18n } = useTranslation();
  const sources = useLiveQuery(async () => new Map((await db.accounts.toArray()).map((a) => [a.id, a.name])), []);
  const saved = useLiveQuery(() => db.customerNotes.get(customer.email.toLowerCase()), [customer.email]);
  const [notes, setNotes] = useState('');
  useEffect(() => setNotes(saved?.text ?? ''), [saved]);
  const saveNotes = () => {
    if (notes === (saved?.text ?? '')) return;
    const email = customer.email.toLowerCase();
    void (notes.trim() ? db.customerNotes.put({ email, text: notes, updatedAt: Date.now() }) : db.customerNotes.delete(email));
  };
  const now = Date.now();
  const sorted = [...history].sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <aside className="customer-panel" aria-label={t('customer.title')}>
      <h2><bdi>{withoutBidi(customer.name)}</bdi></h2>
      <p className="muted">{customer.email}</p>
      {customer.organization && <p>{customer.organization}</p>}
      <p>
        {customer.vip && <span className="badge vip">{t('ticket.vip')}</span>}{' '}
        <button type="button" className="link vip-toggle" onClick={() => void markVip(db, customer.id, !customer.vip)}>
          {customer.vip ? t('ticket.unmarkVip') : t('ticket.markVip')}
        </button>
      </p>
      <label className="customer-notes">
        {t('customer.notes')}
        <textarea rows={4} value={notes} placeholder={t('customer.notesHint')} onChange={(e) => setNotes(e.target.value)} onBlur={saveNotes} />
      </label>
      <h3>{t('customer.history', { count: sorted.length })}</h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('customer.firstTicket')}</p>
      ) : (
        <ul className="history">
          {sorted.map((h) => (
            <li key={h.id}>
              <button type="button" className="link" onClick={() => useUi.getState().openTicket(h.id)}>
                {h.subject}
              </button>
              <div>
                <span className={`badge status status-${h.status}`}>{t(`status.${h.status}`)}</span> <span className="badge source">{sources?.get(h.accountId)}</span>{' '}
                <time className="muted">{relativeTime(h.updatedAt, now, i18n.language)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
