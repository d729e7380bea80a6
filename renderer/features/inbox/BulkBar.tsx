/**
 * Bulk actions on the selected tickets (x selects): status, priority, assign to me or to anyone, add a tag,
 * snooze; then clear. The keys t, p, a and # open the same choices as pickers (TriagePicker.tsx).
 */
import { useTranslation } from 'react-i18next';
import { priorities, ticketStatuses } from '../../../shared/statuses';
import type { Ticket } from '../../../shared/domain';
import type { MutationOp } from '../../../shared/mutation';
import { useApp } from '../../app/context';
import { snoozeUntil } from '../../db/snooze';
import { useUi } from '../../stores/ui';
import { agentTimeZone } from '../../sync/sla-policy';

export function BulkBar() {
  const { t } = useTranslation();
  const { info, commands } = useApp();
  const selected = useUi((s) => s.selected);
  const outcome = useUi((s) => s.bulkOutcome);
  const setOutcome = useUi.getState().setBulkOutcome;
  if (selected.size === 0) return outcome ? <p className="bulk-outcome" role="status">{outcome}</p> : null;
  const meFor = (accountId: string) => info.me.find((a) => a.accountId === accountId) ?? null;
  const run = async (opFor: (ticket: Ticket) => MutationOp | null) => {
    const { done, skipped } = await commands.mutateMany([...selected], opFor);
    useUi.getState().setSelected([]);
    setOutcome(skipped ? t('bulk.doneSkipped', { count: done, skipped }) : t('bulk.done', { count: done }));
  };
  const snoozeAll = async () => {
    const until = snoozeUntil('tomorrow', Date.now(), agentTimeZone());
    for (const id of selected) await commands.snooze(id, until);
    useUi.getState().setSelected([]);
    setOutcome(t('bulk.snoozed', { count: selected.size }));
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <strong>{t('bulk.selected', { count: selected.size })}</strong>
      <Choice label={t('ticket.status')} values={ticketStatuses} text={(s) => t(`status.${s}`)} onPick={(status) => void run(() => ({ type: 'setStatus', status }))} />
      <Choice label={t('ticket.priority')} values={priorities} text={(p) => t(`priority.${p}`)} onPick={(priority) => void run(() => ({ type: 'setPriority', priority }))} />
      <button type="button" onClick={() => void run(({ accountId }) => (meFor(accountId) ? { type: 'setAssignee', assigneeId: meFor(accountId)!.id } : null))}>
        {t('bulk.assignMe')}
      </button>
      <button type="button" aria-keyshortcuts="a" onClick={() => useUi.getState().setPicker('assign')}>
        {t('bulk.assignTo')} <kbd>a</kbd>
      </button>
      <button type="button" aria-keyshortcuts="m" onClick={() => useUi.getState().setPicker('macro')}>
        {t('macros.button')} <kbd>m</kbd>
      </button>
      <button type="button" aria-keyshortcuts="#" onClick={() => useUi.getState().setPicker('tag')}>
        {t('bulk.addTag')} <kbd>#</kbd>
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

/** A field that acts once per choice and goes back to its label. */
function Choice<T extends string>({ label, values, text, onPick }: { label: string; values: readonly T[]; text: (value: T) => string; onPick: (value: T) => void }) {
  return (
    <select
      aria-label={label}
      value=""
      onChange={(e) => {
        const value = e.target.value as T; // read now: the field resets to its label
        if (value) onPick(value);
      }}
    >
      <option value="">{label}…</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {text(v)}
        </option>
      ))}
    </select>
  );
}
