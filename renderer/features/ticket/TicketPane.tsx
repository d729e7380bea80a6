import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { capabilitiesOf } from '../../../shared/capabilities';
import type { Message, Priority, Ticket, TicketStatus } from '../../../shared/domain';
import { statusAfterReply } from '../../../shared/apply-op';
import { dateTime } from '../../app/format';
import { priorities, showsSourceStatus, ticketStatuses } from '../../../shared/statuses';
import type { MutationOp } from '../../../shared/mutation';
import { useApp } from '../../app/context';
import { languageOf } from '../../../shared/templates';
import { db } from '../../db/schema';
import { ticketDetail } from '../../db/queries';
import { localMessageId } from '../../sync/outbox';
import { useUi } from '../../stores/ui';
import { undoSendSeconds, useUndo } from '../../stores/undo';
import { workedOn } from '../guided/guided';
import { OutboxItem } from '../outbox/OutboxItem';
import { AssignSuggestion } from './AssignSuggestion';
import { Composer } from './Composer';
import { CustomerPanel } from './CustomerPanel';
import { EscalateControl } from './EscalateControl';
import { MergeControl } from './MergeControl';
import { SlaTargets } from './SlaTargets';
import { SatisfactionOffer } from './SatisfactionOffer';
import { SnoozeControl } from './SnoozeControl';
import { TagsControl } from './TagsControl';
import { TimeTracker } from './TimeTracker';
import { Thread } from './Thread';
import { withoutBidi } from '../../../shared/display-names';

/** The customer's last message, quoted under a forward the way mail programs do. */
function forwardedBlock(messages: Message[], heading: string, language: string): string {
  const last = [...messages].reverse().find((m) => m.direction === 'in' && !m.internal) ?? messages[messages.length - 1];
  if (!last) return heading;
  const from = last.author.name ? `${last.author.name} <${last.author.email}>` : last.author.email;
  return [heading, `From: ${from}`, `Date: ${dateTime(last.createdAt, language)}`, `Subject: ${last.email?.subject ?? ''}`, '', last.text].join('\n');
}

export function TicketPane() {
  const { t, i18n } = useTranslation();
  const { commands, info } = useApp();
  const ticketId = useUi((s) => s.ticketId);
  const detail = useLiveQuery(() => (ticketId ? ticketDetail(db, ticketId) : null), [ticketId]);
  const agentName = useLiveQuery(async () => {
    const row = await db.prefs.get('agentName');
    return row?.key === 'agentName' ? row.value : '';
  }, []);
  const unread = detail?.ticket.unread === true;
  const [offerSurvey, setOfferSurvey] = useState<string | null>(null); // the ticket just closed
  const me = detail ? (info.me.find((a) => a.accountId === detail.ticket.accountId) ?? null) : null;
  // Opening a conversation reads it: the source is told (IMAP \Seen) through the outbox.
  useEffect(() => {
    if (!ticketId || !unread) return;
    // A ticket that left the cache meanwhile (its account removed) has nothing to mark read.
    void commands.markSeen(ticketId).catch(() => undefined);
  }, [ticketId, unread, commands]);

  if (!ticketId) return <section className="ticket empty">{t('ticket.select')}</section>;
  if (detail === undefined) return <section className="ticket" aria-busy="true" />;
  if (detail === null) return <section className="ticket empty">{t('ticket.notFound')}</section>;

  const { ticket, messages, customer, agents, outbox, account, related } = detail;
  const isEmail = account?.type === 'imap';
  // Only what the source can do is offered (shared/capabilities.ts).
  const can = capabilitiesOf(account);
  const statuses = ticketStatuses.filter((s) => can.statuses.includes(s) || s === ticket.status);
  /** `op` as a function: decided against the ticket as it is when queued (see TicketOp). */
  const mutate = async (op: MutationOp | ((now: Ticket) => MutationOp), undoable = true) => {
    const kind = typeof op === 'function' ? op(ticket) : op;
    // A reply waits out its undo window (Settings); everything else goes at once and can be undone until sent.
    const hold = kind.type === 'reply' && undoable ? undoSendSeconds() * 1000 : 0;
    const mutation = await commands.mutate(ticket.id, op, { holdMs: hold });
    if (hold > 0) useUndo.getState().set({ mutationId: mutation.id, ticketId: ticket.id, until: mutation.createdAt + hold });
    if (kind.type === 'reply' && !kind.internal) workedOn(ticket.id); // guided mode: the next ticket opens
  };
  const vars = { customer: { name: withoutBidi(customer?.name ?? ''), email: customer?.email ?? '' }, ticket: { id: String(ticket.number ?? ticket.remoteId), subject: ticket.subject }, agent: { name: agentName || me?.name || '' } };
  // What the customer wrote (else, a ticket opened for them, its subject and thread) tells their language.
  const customerTexts = messages.filter((m) => m.direction === 'in' && !m.internal).map((m) => m.text);
  const customerLanguage = languageOf(customerTexts.length ? customerTexts : [ticket.subject, ...messages.filter((m) => !m.internal).map((m) => m.text)]);
  const pendingIds = new Set(outbox.map((row) => localMessageId(row.id)));
  const failed = outbox.filter((row) => row.state === 'failed' || row.state === 'conflict');

  return (
    <section className="ticket" aria-label={ticket.subject} data-open-ticket={ticket.id}>
      <div className="ticket-main">
      <header className="ticket-header">
        <h1>{ticket.subject}</h1>
        <p className="ticket-customer">
          {customer?.vip && <span className="badge vip">{t('ticket.vip')}</span>}
          {customer ? `${withoutBidi(customer.name)} <${customer.email}>` : ''}
          {customer?.organization ? ` · ${customer.organization}` : ''}
          <span className="ticket-ref"> · #{ticket.number ?? ticket.remoteId}</span>
        </p>
        <SlaTargets ticket={ticket} />
        <div className="triage">
          <label className="status-field">
            {t('ticket.status')}
            <select
              value={ticket.status}
              onChange={(e) => {
                const status = e.target.value as TicketStatus;
                void mutate({ type: 'setStatus', status });
                if ((status === 'solved' || status === 'closed') && ticket.status !== 'solved' && ticket.status !== 'closed') setOfferSurvey(ticket.id);
              }}
            >
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
            {showsSourceStatus(ticket.status, ticket.sourceStatus) && <span className="source-status">{t('ticket.sourceStatus', { source: account?.name ?? '', status: ticket.sourceStatus })}</span>}
          </label>
          <label className="priority-field" hidden={!can.priority}>
            {t('ticket.priority')}
            <select value={ticket.priority} onChange={(e) => void mutate({ type: 'setPriority', priority: e.target.value as Priority })}>
              {priorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="assignee-field" hidden={!can.assign}>
            {t('ticket.assignee')}
            <select
              value={ticket.assigneeId ?? ''}
              onChange={(e) => void mutate({ type: 'setAssignee', assigneeId: e.target.value || null })}
            >
              <option value="">{t('ticket.unassigned')}</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {can.assign && <AssignSuggestion ticket={ticket} mutate={mutate} />}
          {can.flags && <button type="button" className="flag-toggle" aria-pressed={ticket.flagged === true} onClick={() => void mutate({ type: 'setFlagged', flagged: !ticket.flagged })}>
            {ticket.flagged ? `★ ${t('ticket.flagged')}` : `☆ ${t('ticket.flag')}`}
          </button>}
          {can.merge && <MergeControl ticket={ticket} related={related.filter((r) => r.accountId === ticket.accountId)} />}
          {can.tags && <TagsControl tags={ticket.tags} onChange={(tags) => mutate({ type: 'setTags', tags })} />}
          {/* Keyed by ticket: a date typed for one ticket never stays for the next. */}
          <SnoozeControl key={`snooze:${ticket.id}`} ticketId={ticket.id} />
          <TimeTracker key={ticket.id} ticketId={ticket.id} canLog={can.timeTracking === true} mutate={(op) => mutate(op, false)} />
          {can.teams && <EscalateControl ticket={ticket} notes={can.internalNotes} mutate={(op) => mutate(op, false)} />}
          {outbox.length > 0 && <span className="badge pending">{t('ticket.waiting')}</span>}
        </div>
        {offerSurvey === ticket.id && (
          <SatisfactionOffer
            vars={vars}
            language={customerLanguage}
            // Sent so the ticket stays as the agent left it, and undoable like any reply.
            onSend={(text) => mutate({ type: 'reply', text, internal: false, status: ticket.status === 'closed' ? 'closed' : 'solved' })}
            onEdit={(text) => commands.saveDraft({ ticketId: ticket.id, text, internal: false })}
            onDone={() => setOfferSurvey(null)}
          />
        )}
        {failed.length > 0 && (
          <ul className="outbox-panel" role="alert" aria-label={t('outbox.needsYou')}>
            {failed.map((row) => (
              <OutboxItem key={row.id} row={row} />
            ))}
          </ul>
        )}
      </header>
      <Thread messages={messages} pendingIds={pendingIds} canSplit={isEmail && messages.length > 1} />
      <Composer
        key={ticket.id}
        ticketId={ticket.id}
        vars={vars}
        email={isEmail}
        allowNotes={can.internalNotes}
        allowFiles={can.attachments === true}
        status={ticket.status}
        statuses={statuses}
        onSend={async (out) => {
          const text = out.mode === 'forward' ? `${out.text}\n\n${forwardedBlock(messages, t('composer.forwarded'), i18n.language)}` : out.text;
          await mutate((now) => ({
            type: 'reply',
            text,
            internal: out.internal,
            status: out.status ?? statusAfterReply(now.status, out.internal, statuses),
            ...(out.mode ? { mode: out.mode } : {}),
            ...(out.forwardTo ? { forwardTo: out.forwardTo } : {}),
            ...(out.files.length ? { attachments: out.files } : {}),
          }));
          // The reminder: away until then, back earlier when the customer answers (db/snooze.ts).
          if (out.remindDays) await commands.snooze(ticket.id, Date.now() + out.remindDays * 86_400_000, { reminder: true });
        }}
      />
      </div>
      {customer && <CustomerPanel key={customer.email.toLowerCase()} customer={customer} history={related} />}
    </section>
  );
}
