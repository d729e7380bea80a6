/** After a macro: what it did, what it could not do, and one Undo for all of it while it is unsent. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { useLastMacro } from './last-macro';
import { undoMacro } from './run';

export function MacroUndo() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const last = useLastMacro((s) => s.last);
  const [, tick] = useState(0);
  const [undone, setUndone] = useState<string | null>(null);
  useEffect(() => {
    if (!last) return;
    setUndone(null);
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [last]);
  if (!last && !undone) return null;
  if (!last) return <p role="status" className="macro-run">{undone}</p>;
  const open = Date.now() < last.until;
  const { outcome } = last;
  const drafted = outcome.drafted.filter((d) => d.unfilled.length === 0).length;
  const unfilled = [...new Set(outcome.drafted.flatMap((d) => d.unfilled))];
  const undo = async () => {
    const { undone: n } = await undoMacro(outcome, commands);
    useLastMacro.getState().set(null);
    setUndone(t('macros.undone', { name: last.name, count: n }));
  };
  return (
    <div role="status" className="macro-run">
      {t('macros.applied', { name: last.name, count: last.tickets })}
      {drafted > 0 && ` ${t('macros.drafted', { count: drafted })}`}
      {unfilled.length > 0 && ` ${t('macros.unfilled', { names: unfilled.join(', ') })}`}
      {outcome.cannot.length > 0 && ` ${t('macros.cannot', { reasons: [...new Set(outcome.cannot.map((c) => c.reason))].join('; ') })}`}{' '}
      {open && (
        <button type="button" onClick={() => void undo()}>
          {t('macros.undo')}
        </button>
      )}
      <button type="button" className="link" aria-label={t('macros.dismiss')} onClick={() => useLastMacro.getState().set(null)}>
        ×
      </button>
    </div>
  );
}
