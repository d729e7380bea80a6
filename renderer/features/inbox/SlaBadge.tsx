import { useTranslation } from 'react-i18next';
import type { SlaState } from '../../../shared/sla/state';
import { relativeTime } from '../../app/format';

export function SlaBadge({ state, dueAt, now }: { state: SlaState; dueAt: number | null; now: number }) {
  const { t, i18n } = useTranslation();
  if (state === 'none' || dueAt === null) return null;
  return (
    <span className={`badge sla sla-${state}`} title={t('sla.due', { time: relativeTime(dueAt, now, i18n.language) })}>
      {t(`sla.${state}`)}
    </span>
  );
}
