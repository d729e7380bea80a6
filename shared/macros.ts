/**
 * Macros: a named routine an agent runs on a ticket with one key — reply text from a template, status,
 * priority, assignee, tags added or removed, an internal note, a snooze, an escalation to the next support
 * line. `planMacro` turns one into the ticket's changes (the same ops a hand-made change makes), and says
 * which actions the ticket's source cannot take and why. The JSON file format (`MacroFile`) is how a team
 * shares them; its schemas are in macro-file.ts.
 */
import { cannotTake, capabilitiesOf } from './capabilities';
import type { Account, Agent, Ticket } from './domain';
import type { Macro, MacroAction } from './macro-file';
import type { MutationOp } from './mutation';
import { nextLine, type LineMap } from './support-lines';
import { fill, unfilled, type Template, type TemplateVars } from './templates';

export type { Macro, MacroAction, MacroFile } from './macro-file';

export interface MacroContext {
  ticket: Ticket;
  account: Account | undefined;
  me: Agent | null;
  /** The agents of the ticket's account (for an assignee by address). */
  agents: readonly Agent[];
  templates: readonly Template[];
  vars: TemplateVars;
  lines: LineMap | undefined;
  /** The internal note an escalation leaves, in the agent's language (as the Escalate button writes it). */
  escalationNote(e: { line: string; team: string; reason: string }): string;
}

export interface MacroPlan {
  /** The changes, in the order they go (one reply, carrying the status when the macro sets one). */
  ops: MutationOp[];
  snoozeHours: number | null;
  /** Actions this ticket's source cannot take, with why: shown, never silently dropped. */
  cannot: { action: MacroAction; reason: string }[];
  /** Placeholders the ticket cannot fill: the reply is not sent (it goes to the draft instead). */
  unfilled: string[];
  /** The reply's text, filled (also when unfilled placeholders keep it from going). */
  replyText: string | null;
}

/** The reply's text with the template's placeholders filled. */
function replyTextOf(action: Extract<MacroAction, { type: 'reply' }>, ctx: MacroContext): string | { missing: string } {
  const body = action.text ?? ctx.templates.find((t) => t.id === action.templateId)?.body;
  if (body === undefined) return { missing: `the template "${action.templateId}" is not in this workspace` };
  return fill(body, ctx.vars);
}

export function planMacro(macro: Macro, ctx: MacroContext): MacroPlan {
  const can = capabilitiesOf(ctx.account);
  const plan: MacroPlan = { ops: [], snoozeHours: null, cannot: [], unfilled: [], replyText: null };
  let tags = [...ctx.ticket.tags];
  let status: Ticket['status'] | null = null;
  let reply: string | null = null;
  const cannot = (action: MacroAction, reason: string) => plan.cannot.push({ action, reason });
  /** Whether the source takes `op`; when not, the action is listed with why. */
  const takes = (action: MacroAction, op: MutationOp): boolean => {
    const why = cannotTake(can, op);
    if (why) cannot(action, why);
    return !why;
  };
  for (const action of macro.actions) {
    switch (action.type) {
      case 'reply': {
        const text = replyTextOf(action, ctx);
        if (typeof text !== 'string') cannot(action, text.missing);
        else reply = reply ? `${reply}\n\n${text}` : text;
        break;
      }
      case 'setStatus':
        if (takes(action, { type: 'setStatus', status: action.status })) status = action.status;
        break;
      case 'setPriority':
        if (takes(action, { type: 'setPriority', priority: action.priority })) plan.ops.push({ type: 'setPriority', priority: action.priority });
        break;
      case 'assign':
        if (!takes(action, { type: 'setAssignee', assigneeId: null })) break;
        if (action.to === 'me' && !ctx.me) cannot(action, 'who you are at this source is not known yet (it syncs first)');
        else if (action.to === 'me' || action.to === 'nobody') plan.ops.push({ type: 'setAssignee', assigneeId: action.to === 'me' ? ctx.me!.id : null });
        else {
          const address = action.to.toLowerCase();
          const agent = ctx.agents.find((a) => a.email.toLowerCase() === address);
          if (agent) plan.ops.push({ type: 'setAssignee', assigneeId: agent.id });
          else cannot(action, `no agent with the address ${action.to} at this source`);
        }
        break;
      case 'addTags':
      case 'removeTags':
        if (takes(action, { type: 'setTags', tags: [] })) tags = action.type === 'addTags' ? [...new Set([...tags, ...action.tags.map((t) => t.toLowerCase())])] : tags.filter((t) => !action.tags.some((r) => r.toLowerCase() === t.toLowerCase()));
        break;
      case 'note': {
        const note: MutationOp = { type: 'reply', internal: true, text: fill(action.text, ctx.vars) };
        if (takes(action, note)) plan.ops.push(note);
        break;
      }
      case 'snooze':
        plan.snoozeHours = action.hours;
        break;
      case 'escalate': {
        const next = nextLine(ctx.ticket.team, ctx.lines);
        if (!next) cannot(action, 'there is no next support line for this ticket’s team (Settings → Support lines)');
        else if (takes(action, { type: 'setTeam', team: next.team })) {
          plan.ops.push({ type: 'setTeam', team: next.team });
          // The reason goes as an internal note where the source keeps them; where not, that is said.
          const note: MutationOp = { type: 'reply', internal: true, text: ctx.escalationNote({ line: next.line, team: next.team, reason: action.reason }) };
          if (takes(action, note)) plan.ops.push(note);
        }
        break;
      }
    }
  }
  if (tags.join('\n') !== ctx.ticket.tags.join('\n')) plan.ops.unshift({ type: 'setTags', tags });
  if (reply !== null) {
    plan.replyText = reply;
    plan.unfilled = unfilled(reply);
    if (plan.unfilled.length === 0) plan.ops.push({ type: 'reply', internal: false, text: reply, ...(status ? { status } : {}) });
    else if (status) plan.ops.push({ type: 'setStatus', status });
  } else if (status) plan.ops.push({ type: 'setStatus', status });
  return plan;
}

/** The default macros' words, per language; the routines are the same. */
const defaultWords = {
  en: {
    refund: ['Refund issued — solve', 'Hello {{customer.firstName}},\n\nWe have issued your refund; it reaches your account within 5 business days.\n\n{{agent.signature}}'],
    details: ['Need more details — pending', 'Hello {{customer.firstName}},\n\nTo look into this we need a little more: what you did just before it happened, and a screenshot if you can.\n\n{{agent.signature}}'],
    escalate: ['Escalate to L2 with reason', 'Needs the second line: first-line steps did not solve it.'],
  },
  ru: {
    refund: ['Возврат оформлен — решено', 'Здравствуйте, {{customer.firstName}}!\n\nМы оформили возврат; деньги поступят на счёт в течение 5 рабочих дней.\n\n{{agent.signature}}'],
    details: ['Нужны подробности — ожидание', 'Здравствуйте, {{customer.firstName}}!\n\nЧтобы разобраться, нам нужно чуть больше: что вы делали перед тем, как это случилось, и, если можно, снимок экрана.\n\n{{agent.signature}}'],
    escalate: ['Передать на L2 с причиной', 'Нужна вторая линия: шаги первой линии не помогли.'],
  },
} as const;

/** The macros every workspace starts with (keys 1–3 in English, 4–6 in Russian); the agent edits them. */
export const defaultMacros: Macro[] = (['en', 'ru'] as const).flatMap((lang, n) => {
  const words = defaultWords[lang];
  const m = (id: keyof typeof words, key: number, actions: MacroAction[]): Macro => ({ id: `default:${id}:${lang}`, lang, name: words[id][0], key: String(key + 3 * n), actions });
  return [
    m('refund', 1, [{ type: 'reply', text: words.refund[1] }, { type: 'addTags', tags: ['refund'] }, { type: 'setStatus', status: 'solved' }]),
    m('details', 2, [{ type: 'reply', text: words.details[1] }, { type: 'setStatus', status: 'pending' }]),
    m('escalate', 3, [{ type: 'escalate', reason: words.escalate[1] }, { type: 'setPriority', priority: 'high' }, { type: 'assign', to: 'nobody' }]),
  ];
});

/** The defaults with the agent's edits over them, and the agent's own; `deleted` hides a default. */
export function mergeMacros(saved: ReadonlyArray<Macro & { deleted?: boolean }>): Macro[] {
  const byId = new Map<string, Macro & { deleted?: boolean }>(defaultMacros.map((d) => [d.id, d]));
  for (const s of saved) byId.set(s.id, s);
  return [...byId.values()].filter((x) => !x.deleted).map(({ deleted: _deleted, ...macro }) => macro);
}
