/** Snooze a ticket until a time (in an hour, tomorrow morning, next week, or a chosen moment), or wake it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { snoozeUntil, type SnoozeChoice } from '../../db/snooze';
import { useApp } from '../../app/context';
import { agentTimeZone } from '../../sync/sla-policy';
import { dateTime } from '../../app/format';

const choices: SnoozeChoice[] = ['hour', 'tomorrow', 'nextWeek'];

export function SnoozeControl({ ticketId }: { ticketId: string }) {
  const { commands } = useApp();
  const { t, i18n } = useTranslation();
  const row = useLiveQuery(() => db.snoozes.get(ticketId), [ticketId]);
  const [custom, setCustom] = useState('');
  const until = row && row.until > Date.now() ? row.until : null;
  if (until !== null) {
    return (
      <span className="snooze">
        <span className="badge snoozed">{t('snooze.until', { time: dateTime(until, i18n.language) })}</span>
        <button type="button" onClick={() => void commands.unsnooze(ticketId)}>
          {t('snooze.wake')}
        </button>
      </span>
    );
  }
  const customAt = custom ? new Date(custom).getTime() : NaN;
  return (
    <span className="snooze">
      <label>
        {t('snooze.label')}
        <select value="" onChange={(e) => e.target.value && void commands.snooze(ticketId, snoozeUntil(e.target.value as SnoozeChoice, Date.now(), agentTimeZone()))}>
          <option value="">—</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {t(`snooze.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <input type="datetime-local" aria-label={t('snooze.customTime')} value={custom} onChange={(e) => setCustom(e.target.value)} />
      <button type="button" disabled={!(customAt > Date.now())} onClick={() => void commands.snooze(ticketId, customAt)}>
        {t('snooze.custom')}
      </button>
    </span>
  );
}
