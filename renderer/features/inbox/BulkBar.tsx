/** Bulk actions on the selected tickets (x selects): status, priority, assign to me, snooze; then clear. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, ticketStatuses } from '../../../shared/statuses';
import type { MutationOp } from '../../../shared/mutation';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { snooze, snoozeUntil } from '../../db/snooze';
import { useUi } from '../../stores/ui';
import { applyToMany } from '../../sync/bulk';
import { agentTimeZone } from '../../sync/sla-policy';

export function BulkBar() {
  const { t } = useTranslation();
  const { info, engine } = useApp();
  const selected = useUi((s) => s.selected);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (selected.size === 0) return outcome ? <p className="bulk-outcome" role="status">{outcome}</p> : null;
  const meFor = (accountId: string) => info.me.find((a) => a.accountId === accountId) ?? null;
  const run = async (opFor: (accountId: string) => MutationOp | null) => {
    const { done, skipped } = await applyToMany(db, [...selected], opFor, meFor);
    engine.kick();
    useUi.getState().setSelected([]);
    setOutcome(skipped ? t('bulk.doneSkipped', { count: done, skipped }) : t('bulk.done', { count: done }));
  };
  const snoozeAll = async () => {
    const until = snoozeUntil('tomorrow', Date.now(), agentTimeZone());
    for (const id of selected) await snooze(db, id, until);
    useUi.getState().setSelected([]);
    setOutcome(t('bulk.snoozed', { count: selected.size }));
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <strong>{t('bulk.selected', { count: selected.size })}</strong>
      <select
        aria-label={t('ticket.status')}
        value=""
        onChange={(e) => {
          const status = e.target.value as (typeof ticketStatuses)[number]; // read now: the field resets to its label
          if (status) void run(() => ({ type: 'setStatus', status }));
        }}
      >
        <option value="">{t('ticket.status')}…</option>
        {ticketStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('ticket.priority')}
        value=""
        onChange={(e) => {
          const priority = e.target.value as (typeof priorities)[number];
          if (priority) void run(() => ({ type: 'setPriority', priority }));
        }}
      >
        <option value="">{t('ticket.priority')}…</option>
        {priorities.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void run((accountId) => (meFor(accountId) ? { type: 'setAssignee', assigneeId: meFor(accountId)!.id } : null))}>
        {t('bulk.assignMe')}
      </button>
      <button type="button" onClick={() => void snoozeAll()}>
        {t('snooze.tomorrow')}
      </button>
      <button type="button" className="link" onClick={() => useUi.getState().setSelected([])}>
        {t('bulk.clear')}
      </button>
    </div>
  );
}
