import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain';
import { db } from '../../db/schema';
import { useUi } from '../../stores/ui';
import { mergeTickets } from '../../sync/merge';

/** Merge this email conversation into another one of the same customer. */
export function MergeControl({ ticket, related }: { ticket: Ticket; related: Ticket[] }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  if (related.length === 0) return null;
  const merge = async () => {
    if (!target) return;
    await mergeTickets(db, ticket.id, target);
    useUi.getState().openTicket(target);
  };
  return (
    <span className="merge">
      <label>
        {t('ticket.mergeInto')}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">—</option>
          {related.map((r) => (
            <option key={r.id} value={r.id}>
              {r.number ? `#${r.number} ` : ''}
              {r.subject}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!target} onClick={() => void merge()}>
        {t('ticket.merge')}
      </button>
    </span>
  );
}
