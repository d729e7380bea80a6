/**
 * Time tracking: the timer runs while the ticket is open and the window is in front; the total can be
 * corrected; "Log time" (and leaving the ticket) sends the new whole minutes to sources that keep time
 * worked (RT, Freshdesk). Elsewhere the time stays in Switchboard.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutationOp } from '../../../shared/mutation';
import { db } from '../../db/schema';
import { addTime, setTime, takeUnlogged } from '../../db/time-spent';

const TICK_MS = 5_000;

export function TimeTracker({ ticketId, canLog, mutate }: { ticketId: string; canLog: boolean; mutate: (op: MutationOp) => Promise<void> }) {
  const { t } = useTranslation();
  const row = useLiveQuery(() => db.timeSpent.get(ticketId), [ticketId]);
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => {
    let last = Date.now();
    const tick = () => {
      const now = Date.now();
      if (document.visibilityState === 'visible') void addTime(db, ticketId, now - last);
      last = now;
    };
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearInterval(timer);
      tick();
      if (canLog) void takeUnlogged(db, ticketId).then((minutes) => (minutes > 0 ? mutate({ type: 'logTime', minutes }) : undefined));
    };
    // `mutate` is new on every render; the timer follows the ticket only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticketId, canLog]);
  const minutes = Math.floor((row?.ms ?? 0) / 60_000);
  const logged = Math.floor((row?.loggedMs ?? 0) / 60_000);
  const log = async () => {
    const fresh = await takeUnlogged(db, ticketId);
    if (fresh > 0) await mutate({ type: 'logTime', minutes: fresh });
  };
  return (
    <span className="time-tracker">
      {editing === null ? (
        <button type="button" className="link" title={t('time.edit')} onClick={() => setEditing(String(minutes))}>
          ⏱ {t('time.spent', { count: minutes })}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = Number(editing);
            if (Number.isFinite(value) && value >= 0) void setTime(db, ticketId, Math.round(value));
            setEditing(null);
          }}
        >
          <label>
            {t('time.minutes')}
            <input type="number" min={logged} max={24 * 60} autoFocus value={editing} onChange={(e) => setEditing(e.target.value)} />
          </label>
          <button type="submit">{t('time.save')}</button>
        </form>
      )}
      {canLog && minutes > logged && (
        <button type="button" onClick={() => void log()}>
          {t('time.log', { count: minutes - logged })}
        </button>
      )}
      {canLog && logged > 0 && <span className="muted"> {t('time.logged', { count: logged })}</span>}
    </span>
  );
}
