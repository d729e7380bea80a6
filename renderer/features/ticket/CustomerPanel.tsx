/**
 * The customer beside the ticket: who they are, VIP, the agent's own notes (kept on this computer), and
 * every other ticket of theirs in every source, with its status.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Ticket } from '../../../shared/domain';
import { relativeTime } from '../../app/format';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { useUi } from '../../stores/ui';
import { withoutBidi } from '../../../shared/display-names';

export function CustomerPanel({ customer, history }: { customer: Customer; history: Ticket[] }) {
  const { t, i18n } = useTranslation();
  const { commands } = useApp();
  const sources = useLiveQuery(async () => new Map((await db.accounts.toArray()).map((a) => [a.id, a.name])), []);
  const saved = useLiveQuery(() => db.customerNotes.get(customer.email.toLowerCase()), [customer.email]);
  const [notes, setNotes] = useState('');
  const [savedShown, setSavedShown] = useState(false);
  // While the agent edits, what is stored never overwrites the field (a late read would wipe the typing).
  const editing = useRef(false);
  const latest = useRef('');
  useEffect(() => {
    if (!editing.current) setNotes(saved?.text ?? '');
  }, [saved]);
  const email = customer.email.toLowerCase();
  const saveNotes = useCallback(
    async (text: string) => {
      await commands.setCustomerNote(email, text);
      if (latest.current !== text) return; // typed on meanwhile: that is saved next
      editing.current = false;
      setSavedShown(true);
    },
    [email, commands],
  );
  // Saved as the agent types (a moment after the last key) and on leaving the field: never only on leaving.
  useEffect(() => {
    if (!editing.current) return;
    const timer = setTimeout(() => void saveNotes(notes), 400);
    return () => clearTimeout(timer);
  }, [notes, saveNotes]);
  // Leaving the ticket within that moment still saves (the panel is one customer's: keyed by them).
  useEffect(() => () => void (editing.current && saveNotes(latest.current)), [saveNotes]);
  const now = Date.now();
  const sorted = [...history].sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <aside className="customer-panel" aria-label={t('customer.title')}>
      <h2><bdi>{withoutBidi(customer.name)}</bdi></h2>
      <p className="muted">{customer.email}</p>
      {customer.organization && <p>{customer.organization}</p>}
      <p>
        {customer.vip && <span className="badge vip">{t('ticket.vip')}</span>}{' '}
        <button type="button" className="link vip-toggle" onClick={() => void commands.markVip(customer.id, !customer.vip)}>
          {customer.vip ? t('ticket.unmarkVip') : t('ticket.markVip')}
        </button>
      </p>
      <label className="customer-notes">
        {t('customer.notes')}
        <textarea
          rows={4}
          value={notes}
          placeholder={t('customer.notesHint')}
          onChange={(e) => {
            editing.current = true;
            setSavedShown(false);
            latest.current = e.target.value;
            setNotes(e.target.value);
          }}
          onBlur={() => editing.current && void saveNotes(notes)}
        />
      </label>
      {savedShown && (
        <p className="muted" role="status">
          {t('customer.notesSaved')}
        </p>
      )}
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
