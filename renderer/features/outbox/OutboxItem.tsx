/** One change on its way: what it does, where it stands, and what the agent can do with it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, type OutboxRow } from '../../db/schema';
import { inFlight, STOPPED_TWICE } from '../../sync/outbox-rows';
import { relativeTime } from '../../app/format';
import { useApp } from '../../app/context';

/** What a row does, in words; an assignment names whom (`assigneeName`, when the agent is known). */
export function useDescribe(): (row: OutboxRow, assigneeName?: string) => string {
  const { t } = useTranslation();
  return ({ mutation: { op } }, assigneeName) => {
    switch (op.type) {
      case 'setStatus':
        return t('outbox.op.status', { value: t(`status.${op.status}`) });
      case 'setPriority':
        return t('outbox.op.priority', { value: t(`priority.${op.priority}`) });
      case 'setAssignee':
        return op.assigneeId ? t('outbox.op.assign', { name: assigneeName ?? op.assigneeId }) : t('outbox.op.unassign');
      case 'setTags':
        return t('outbox.op.tags', { value: op.tags.join(', ') || '—' });
      case 'markSeen':
        return t('outbox.op.seen');
      case 'setFlagged':
        return op.flagged ? t('outbox.op.flag') : t('outbox.op.unflag');
      case 'setTeam':
        return t('outbox.op.team', { value: op.team });
      case 'logTime':
        return t('outbox.op.time', { count: op.minutes });
      case 'reply': {
        const said = t(op.internal ? 'outbox.op.note' : 'outbox.op.reply', { text: op.text.length > 80 ? `${op.text.slice(0, 80)}…` : op.text });
        return op.status ? t('outbox.op.thenStatus', { op: said, value: t(`status.${op.status}`) }) : said;
      }
    }
  };
}

function stateText(row: OutboxRow, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  if (row.state === 'sending' || inFlight.has(row.seq!)) return t('outbox.state.sending');
  if (row.state === 'failed') return row.error === STOPPED_TWICE ? t('outbox.state.setAside') : t('outbox.state.failed', { reason: row.error ?? '' });
  if (row.state === 'conflict') return row.error === 'closed_meanwhile' ? t('outbox.state.closedMeanwhile') : t('outbox.state.conflict', { theirs: describeTheirs(row, t) });
  if (row.nextAttemptAt > Date.now()) return t('outbox.state.waiting', { when: relativeTime(row.nextAttemptAt, Date.now(), lang) }) + (row.error ? ` — ${row.error}` : '');
  return t('outbox.state.pending');
}

function describeTheirs(row: OutboxRow, t: (k: string) => string): string {
  const theirs = row.theirs ?? {};
  if (theirs.status) return t(`status.${theirs.status}`);
  if (theirs.priority) return t(`priority.${theirs.priority}`);
  if (theirs.tags) return theirs.tags.join(', ') || '—';
  return '—';
}

/** "Edit": theirs stays, and the field is ready for a value of the agent's own (on the ticket view). */
function focusField(row: OutboxRow): void {
  const place: Partial<Record<string, number>> = { setStatus: 1, setPriority: 2, setAssignee: 3 };
  const nth = place[row.mutation.op.type];
  if (nth) document.querySelector<HTMLElement>(`.triage label:nth-child(${nth}) select`)?.focus();
}

export function OutboxItem({ row, subject }: { row: OutboxRow; subject?: string }) {
  const { t, i18n } = useTranslation();
  const { commands } = useApp();
  const describe = useDescribe();
  const { op } = row.mutation;
  const assigneeId = op.type === 'setAssignee' ? op.assigneeId : null;
  const assignee = useLiveQuery(async () => (assigneeId ? ((await db.agents.get(assigneeId)) ?? null) : null), [assigneeId]);
  const act = (action: (seq: number) => Promise<unknown>) => () => void action(row.seq!);
  const isReply = row.mutation.op.type === 'reply';
  return (
    <li className={`outbox-row outbox-${row.state}`} data-state={row.state}>
      {subject !== undefined && <strong className="outbox-subject">{subject}</strong>}
      <span className="outbox-op">{describe(row, assignee ? assignee.name || assignee.email : undefined)}</span>
      <span className="outbox-state">{stateText(row, t, i18n.language)}</span>
      <span className="outbox-actions">
        {row.state === 'pending' && !inFlight.has(row.seq!) && <button type="button" onClick={act(commands.undo)}>{isReply ? t('outbox.undoToDraft') : t('outbox.undo')}</button>}
        {row.state === 'failed' && (
          <>
            <button type="button" onClick={act(commands.retry)}>{t('outbox.retry')}</button>
            <button type="button" onClick={act(commands.undo)}>{isReply ? t('outbox.keepDraft') : t('outbox.discard')}</button>
          </>
        )}
        {row.state === 'conflict' && row.error === 'closed_meanwhile' && (
          <>
            <button type="button" onClick={act(commands.sendAnyway)}>{t('outbox.sendAnyway')}</button>
            <button type="button" onClick={act(commands.undo)}>{t('outbox.keepDraft')}</button>
          </>
        )}
        {row.state === 'conflict' && row.error !== 'closed_meanwhile' && (
          <>
            <button type="button" onClick={act(commands.retry)}>{t('outbox.keepMine')}</button>
            <button type="button" onClick={act(commands.undo)}>{t('outbox.takeTheirs')}</button>
            {subject === undefined && <button type="button" onClick={() => void commands.undo(row.seq!).then(() => focusField(row))}>{t('outbox.edit')}</button>}
          </>
        )}
      </span>
    </li>
  );
}
