import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, ticketStatuses } from '../../../shared/statuses';
import type { TargetKind } from '../../../shared/sla/policy';
import { useApp } from '../../app/context';
import { clockTime, minutesOf } from '../../app/format';
import { db, type SlaPolicySettings } from '../../db/schema';
import { policyFrom, slaPolicySettings } from '../../sync/sla-policy';

const kinds: TargetKind[] = ['firstResponse', 'nextResponse', 'resolution'];

/** The SLA policy for sources without their own (email): targets in hours per priority, office hours, holidays. */
export function SlaSection() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const saved = useLiveQuery(() => slaPolicySettings(db), []);
  const [draft, setDraft] = useState<SlaPolicySettings | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (saved === undefined) return;
    const base = policyFrom(saved);
    setDraft(saved ?? { targets: base.targets, from: 9 * 60, to: 18 * 60, holidays: [] });
  }, [saved]);
  if (!draft) return null;
  const setTarget = (kind: TargetKind, priority: (typeof priorities)[number], hours: string) =>
    setDraft({ ...draft, targets: { ...draft.targets, [kind]: { ...draft.targets[kind], [priority]: Math.max(1, Math.round(Number(hours) * 60)) } } });
  const save = async () => {
    setStatus(t('sla.applied', { count: await commands.setSlaPolicy(draft) }));
  };
  return (
    <fieldset>
      <legend>{t('sla.policy')}</legend>
      <table className="sla-targets">
        <thead>
          <tr>
            <th />
            {priorities.map((p) => (
              <th key={p} scope="col">
                {t(`priority.${p}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`sla.${kind}`)}</th>
              {priorities.map((p) => (
                <td key={p}>
                  <input
                    type="number"
                    min={0.25}
                    step={0.25}
                    aria-label={`${t(`sla.${kind}`)}, ${t(`priority.${p}`)}`}
                    value={(draft.targets[kind]?.[p] ?? 0) / 60}
                    onChange={(e) => setTarget(kind, p, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('sla.hoursNote')}</p>
      <span className="hours">
        <input type="time" aria-label={t('notify.from')} value={clockTime(draft.from)} onChange={(e) => setDraft({ ...draft, from: minutesOf(e.target.value) })} />
        {' – '}
        <input type="time" aria-label={t('notify.to')} value={clockTime(draft.to)} onChange={(e) => setDraft({ ...draft, to: minutesOf(e.target.value) })} />
      </span>
      <label>
        {t('sla.lead')}
        <input type="number" min={5} max={480} step={5} value={draft.atRiskLeadMinutes ?? 30} onChange={(e) => setDraft({ ...draft, atRiskLeadMinutes: Math.min(480, Math.max(5, Math.round(Number(e.target.value) || 30))) })} />
      </label>
      <fieldset className="paused-statuses">
        <legend>{t('sla.pausedIn')}</legend>
        {ticketStatuses.filter((s) => s !== 'solved' && s !== 'closed').map((status) => {
          const paused = draft.pausedStatuses ?? ['pending', 'on-hold'];
          return (
            <label key={status} className="checkbox">
              <input
                type="checkbox"
                checked={paused.includes(status)}
                onChange={(e) => setDraft({ ...draft, pausedStatuses: e.target.checked ? [...paused, status] : paused.filter((p) => p !== status) })}
              />
              {t(`status.${status}`)}
            </label>
          );
        })}
      </fieldset>
      <label>
        {t('sla.holidays')}
        <textarea
          rows={2}
          value={draft.holidays.join('\n')}
          onChange={(e) => setDraft({ ...draft, holidays: e.target.value.split(/\s+/).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) })}
        />
      </label>
      <button type="button" disabled={draft.from >= draft.to} onClick={() => void save()}>
        {t('sla.save')}
      </button>
      {status && <p role="status">{status}</p>}
    </fieldset>
  );
}
