/** "Sending in 8 s — Undo": a reply waits out the undo window before it is sent; Undo puts it back in the draft. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { useUndo } from '../../stores/undo';
import { discard } from '../../sync/outbox-actions';

export function UndoSend() {
  const { t } = useTranslation();
  const pending = useUndo((s) => s.pending);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!pending) return;
    setNow(Date.now()); // the count starts from now, not from when the bar was first drawn
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= pending.until) useUndo.getState().set(null);
    }, 250);
    return () => clearInterval(timer);
  }, [pending]);
  if (!pending || now >= pending.until) return null;
  const undo = async () => {
    useUndo.getState().set(null);
    const row = await db.outbox.where('id').equals(pending.mutationId).first();
    if (row) await discard(db, row.seq!);
  };
  return (
    <div className="undo-send" role="status">
      <span>{t('outbox.sendingIn', { seconds: Math.ceil((pending.until - now) / 1000) })}</span>
      <button type="button" onClick={() => void undo()}>
        {t('outbox.undo')}
      </button>
    </div>
  );
}
