/** Guided mode in the status bar: how many are left, the median handling time so far, what was skipped, how to stop. */
import { useTranslation } from 'react-i18next';
import { median } from '../../../shared/guided';
import { stopGuided, useGuided } from './guided';

const minutes = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;

export function GuidedBar() {
  const { t } = useTranslation();
  const { active, queue, handled, skipped, finished } = useGuided();
  if (!active && !finished) return null;
  const typical = median(handled);
  return (
    <span className="guided" role="status">
      {active ? t('guided.left', { count: queue.length }) : t('guided.finished', { count: handled.length })}
      {typical !== null && ` · ${t('guided.median', { time: minutes(typical) })}`}
      {skipped.length > 0 && (
        <span className="muted" title={skipped.map((s) => `${s.subject}: ${t(`guided.skipped_${s.why}`)}`).join('\n')}>
          {' · '}
          {t('guided.skipped', { count: skipped.length })}: {skipped.map((s) => `${s.subject} (${t(`guided.skipped_${s.why}`)})`).join(', ')}
        </span>
      )}{' '}
      <button type="button" className="link" onClick={stopGuided}>
        {active ? t('guided.stop') : t('guided.dismiss')}
      </button>
    </span>
  );
}
