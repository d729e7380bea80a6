/** Every SLA target of a ticket — first response, next response, resolution — with its state and due time. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain';
import { defaultAtRiskLeadMs } from '../../../shared/sla/state';
import { relativeTime } from '../../app/format';
import { useNow } from '../../app/use-now';
import { db } from '../../db/schema';
import { atRiskLeadMs } from '../../sync/sla-policy';

type Target = NonNullable<Ticket['slaTargets']>[number];

/** A running target's state now (it was computed at the last sync); met, missed and paused stay as they are. */
export function stateNow(target: Target, now: number, leadMs = defaultAtRiskLeadMs): Target['state'] {
  if (target.dueAt === null || !['ok', 'atRisk', 'breached'].includes(target.state)) return target.state;
  if (now >= target.dueAt) return 'breached';
  return target.dueAt - now <= leadMs ? 'atRisk' : 'ok';
}

export function SlaTargets({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const lead = useLiveQuery(() => atRiskLeadMs(db), []); // the lead set in Settings
  const closed = ticket.status === 'solved' || ticket.status === 'closed';
  if (!ticket.slaTargets?.length || closed) return null;
  return (
    <ul className="sla-targets" aria-label={t('sla.targets')}>
      {ticket.slaTargets.map((target) => {
        const state = stateNow(target, now, lead);
        return (
          <li key={target.kind} className={`sla-${state}`}>
            <span>{t(`sla.${target.kind}`)}</span>: <strong>{t(`sla.${state}`)}</strong>
            {target.dueAt !== null && ` · ${t('sla.due', { time: relativeTime(target.dueAt, now, i18n.language) })}`}
          </li>
        );
      })}
    </ul>
  );
}
