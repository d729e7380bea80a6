/**
 * Running a macro on tickets: each action becomes the same outbox change a hand-made one is (so it works
 * offline and syncs later), all held for the undo window so one undo takes the whole macro back while it is
 * unsent. On one ticket the reply goes; on many (the bulk bar) each ticket's reply is written into its draft
 * for the agent to read and send — never sent blindly. A reply with a placeholder the ticket cannot fill
 * goes to the draft too, naming it.
 */
import type { Agent, Ticket } from '../../../shared/domain';
import { planMacro, type Macro, type MacroAction, type MacroContext } from '../../../shared/macros';
import { withoutBidi } from '../../../shared/display-names';
import { withSignature, type Template } from '../../../shared/templates';
import { db } from '../../db/schema';
import { lineMaps } from '../../db/support-lines';
import { allTemplates } from '../../db/templates';
import type { Commands } from '../../core/commands';
import type { TicketOp } from '../../sync/outbox';

export interface MacroDeps {
  meFor(accountId: string): Agent | null;
  /** The name customers see ({{agent.name}}), when the agent set one. */
  agentName: string;
  /** How long the changes wait before they are sent (the undo window), in ms. */
  holdMs: number;
  escalationNote(e: { line: string; team: string; reason: string }): string;
  /** Where the run's changes, drafts and snoozes go (the app's commands). */
  commands: Pick<Commands, 'queue' | 'saveDraft' | 'snooze'>;
}

export interface MacroOutcome {
  /** The outbox rows made (mutation ids), for undo. */
  changes: string[];
  snoozed: string[];
  /** Tickets whose reply went to the draft, with the placeholders left (empty: a bulk run). */
  drafted: { ticketId: string; unfilled: string[] }[];
  cannot: { ticketId: string; action: MacroAction; reason: string }[];
}

/** What planning a macro on this ticket needs, read from the cache (templates and lines read once per run). */
export async function macroContext(
  macro: Macro,
  ticket: Ticket,
  deps: Pick<MacroDeps, 'meFor' | 'agentName' | 'escalationNote'>,
  shared: { templates: Template[]; lines: Awaited<ReturnType<typeof lineMaps>> },
): Promise<MacroContext> {
  const me = deps.meFor(ticket.accountId);
  const customer = ticket.customerId ? await db.customers.get(ticket.customerId) : undefined;
  const base = {
    customer: { name: withoutBidi(customer?.name ?? ''), email: customer?.email ?? '' },
    ticket: { id: String(ticket.number ?? ticket.remoteId), subject: ticket.subject },
    agent: { name: deps.agentName || me?.name || '' },
  };
  const signature = shared.templates.find((t) => t.kind === 'signature' && t.lang === (macro.lang ?? 'en'))?.body ?? '';
  return {
    ticket,
    account: await db.accounts.get(ticket.accountId),
    me,
    agents: await db.agents.where('accountId').equals(ticket.accountId).toArray(),
    templates: shared.templates,
    vars: withSignature(base, signature),
    lines: shared.lines[ticket.accountId],
    escalationNote: deps.escalationNote,
  };
}

/** Templates and support lines, read once for a run over many tickets. */
export async function macroShared() {
  return { templates: await allTemplates(db), lines: await lineMaps(db) };
}

export async function runMacro(macro: Macro, ticketIds: readonly string[], deps: MacroDeps): Promise<MacroOutcome> {
  const outcome: MacroOutcome = { changes: [], snoozed: [], drafted: [], cannot: [] };
  const shared = await macroShared();
  const bulk = ticketIds.length > 1;
  // Every change of the run goes into the outbox together (one write, however many tickets).
  const queued: TicketOp[] = [];
  for (const ticketId of ticketIds) {
    const ticket = await db.tickets.get(ticketId);
    if (!ticket) continue;
    const context = await macroContext(macro, ticket, deps, shared);
    const plan = planMacro(macro, context);
    outcome.cannot.push(...plan.cannot.map((c) => ({ ticketId, ...c })));
    for (const op of plan.ops) {
      if (bulk && op.type === 'reply' && !op.internal) {
        // Many tickets: the status still goes; the words wait in the draft for the agent.
        if (op.status) queued.push({ ticketId, op: { type: 'setStatus', status: op.status }, holdMs: deps.holdMs });
        continue;
      }
      queued.push({ ticketId, op, holdMs: deps.holdMs });
    }
    if (plan.replyText !== null && (bulk || plan.unfilled.length > 0)) {
      await deps.commands.saveDraft({ ticketId, text: plan.replyText, internal: false });
      outcome.drafted.push({ ticketId, unfilled: plan.unfilled });
    }
    if (plan.snoozeHours) {
      await deps.commands.snooze(ticketId, Date.now() + plan.snoozeHours * 3_600_000);
      outcome.snoozed.push(ticketId);
    }
  }
  outcome.changes = (await deps.commands.queue(queued)).map((m) => m.id);
  return outcome;
}

/**
 * Undo of a whole macro: every change not yet sent is taken back (a reply's words go to the draft), and
 * the snoozes end. Says how many could no longer be undone (already sent).
 */
export async function undoMacro(outcome: MacroOutcome, commands: Pick<Commands, 'undo' | 'unsnooze'>): Promise<{ undone: number; tooLate: number }> {
  let undone = 0;
  let tooLate = 0;
  for (const id of [...outcome.changes].reverse()) {
    const row = await db.outbox.where('id').equals(id).first();
    if (row?.seq !== undefined && (await commands.undo(row.seq))) undone++;
    else tooLate++;
  }
  for (const ticketId of outcome.snoozed) await commands.unsnooze(ticketId);
  return { undone, tooLate };
}
