/**
 * The ticket's team, and escalation to the next support line: the ticket moves to that line's team and an
 * internal note says why (the reason is required: the next line should not have to ask). A source without
 * internal notes gets the move alone, and the agent is told the reason is not passed on.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain';
import type { MutationOp } from '../../../shared/mutation';
import { lineOf, nextLine } from '../../../shared/support-lines';
import { nameOptions } from '../../app/options';
import { db } from '../../db/schema';
import { lineMaps } from '../../db/support-lines';

export function EscalateControl({ ticket, notes, mutate }: { ticket: Ticket; notes: boolean; mutate: (op: MutationOp) => Promise<void> }) {
  const { t } = useTranslation();
  const data = useLiveQuery(async () => ({
    teams: (await db.teams.where('accountId').equals(ticket.accountId).toArray()).map((g) => g.name).sort(),
    lines: (await lineMaps(db))[ticket.accountId],
  }), [ticket.accountId]);
  const [reason, setReason] = useState<string | null>(null);
  if (!data) return null;
  const line = lineOf(ticket.team, data.lines);
  const next = nextLine(ticket.team, data.lines);
  const teams = ticket.team && !data.teams.includes(ticket.team) ? [ticket.team, ...data.teams] : data.teams;
  const escalate = async () => {
    if (!next || !reason?.trim()) return;
    await mutate({ type: 'setTeam', team: next.team });
    await mutate({ type: 'reply', internal: true, text: t('lines.note', { line: next.line, team: next.team, reason: reason.trim() }) });
    setReason(null);
  };
  return (
    <span className="escalate">
      <label>
        {t('lines.team')}
        <select value={ticket.team ?? ''} onChange={(e) => e.target.value && void mutate({ type: 'setTeam', team: e.target.value })}>
          {!ticket.team && <option value="">—</option>}
          {nameOptions(teams)}
        </select>
      </label>
      {line && <span className="badge line">{line}</span>}
      {next && reason === null && (
        <button type="button" onClick={() => (notes ? setReason('') : void mutate({ type: 'setTeam', team: next.team }))}>
          {t('lines.escalate', { line: next.line, team: next.team })}
        </button>
      )}
      {next && !notes && <span className="muted">{t('lines.noNotes')}</span>}
      {next && reason !== null && (
        <form
          className="escalate-form"
          onSubmit={(e) => {
            e.preventDefault();
            void escalate();
          }}
        >
          <label>
            {t('lines.reason', { line: next.line })}
            <textarea autoFocus rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={!reason.trim()}>
            {t('lines.escalate', { line: next.line, team: next.team })}
          </button>
          <button type="button" onClick={() => setReason(null)}>
            {t('lines.cancel')}
          </button>
        </form>
      )}
    </span>
  );
}
