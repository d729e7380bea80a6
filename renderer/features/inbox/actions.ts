/**
 * Every action the agent can take from the keyboard, in one list: the key handler (keyboard.ts), the
 * cheat sheet (?) and the command palette (Ctrl/Cmd+K) all read it, so none can miss one.
 */
import type { Agent } from '../../../shared/domain';
import { db } from '../../db/schema';
import type { ViewId } from '../../db/views';
import { useUi, type PickerKind } from '../../stores/ui';
import { enqueue } from '../../sync/outbox';
import { startGuided } from '../guided/guided';

export interface ActionContext {
  meFor(accountId: string): Agent | null;
  kick(): void;
}

export interface Action {
  id: string;
  /** The keys, as shown: "j", "g i", "#". Null: the palette only. */
  keys: string | null;
  /** Only with a ticket open. */
  needsTicket?: boolean;
  run(ctx: ActionContext): void | Promise<void>;
}

const focus = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  el?.focus();
  return el;
};

function move(step: 1 | -1): void {
  const { listIds, ticketId, openTicket } = useUi.getState();
  if (listIds.length === 0) return;
  const at = ticketId ? listIds.indexOf(ticketId) : -1;
  openTicket(listIds[at < 0 ? 0 : Math.min(Math.max(at + step, 0), listIds.length - 1)]!);
}

async function solve(ctx: ActionContext): Promise<void> {
  const { ticketId } = useUi.getState();
  if (!ticketId) return;
  move(1);
  const ticket = await db.tickets.get(ticketId);
  if (!ticket) return;
  await enqueue(db, ticketId, { type: 'setStatus', status: 'solved' }, ctx.meFor(ticket.accountId));
  ctx.kick();
}

/** A triage picker for the selection, else for the open ticket; nothing without either. */
function pick(kind: PickerKind): void {
  const { selected, ticketId, setPicker } = useUi.getState();
  if (selected.size > 0 || ticketId) setPicker(kind);
}

const view = (id: ViewId): Action => ({ id: `view.${id}`, keys: null, run: () => useUi.getState().setView(id) });

export const actions: Action[] = [
  { id: 'next', keys: 'j', run: () => move(1) },
  { id: 'previous', keys: 'k', run: () => move(-1) },
  { id: 'open', keys: 'o', run: () => useUi.getState().ticketId ?? move(1) },
  { id: 'select', keys: 'x', needsTicket: true, run: () => useUi.getState().toggleSelected(useUi.getState().ticketId!) },
  { id: 'solve', keys: 'e', needsTicket: true, run: solve },
  { id: 'reply', keys: 'r', needsTicket: true, run: () => void focus('.composer textarea') },
  {
    id: 'note',
    keys: 'n',
    needsTicket: true,
    run: () => {
      const box = document.querySelector<HTMLInputElement>('.composer input.note-toggle');
      if (box && !box.checked) box.click();
      focus('.composer textarea');
    },
  },
  { id: 'status', keys: 't', run: () => pick('status') },
  { id: 'priority', keys: 'p', run: () => pick('priority') },
  { id: 'assign', keys: 'a', run: () => pick('assign') },
  // A ticket's tags are typed in its tags field; for a selection, a tag is added to each.
  { id: 'tags', keys: '#', run: () => (useUi.getState().selected.size > 0 ? pick('tag') : void focus('.tags input')) },
  { id: 'snooze', keys: 's', needsTicket: true, run: () => void focus('.snooze select') },
  { id: 'macro', keys: 'm', run: () => pick('macro') },
  { id: 'guided', keys: 'g n', run: (ctx) => startGuided(ctx.meFor) },
  { id: 'escalate', keys: null, needsTicket: true, run: () => document.querySelector<HTMLButtonElement>('.escalate > button')?.click() },
  { id: 'search', keys: '/', run: () => void focus('.search input') },
  { id: 'inbox', keys: 'g i', run: () => useUi.getState().setView('open') },
  view('mine'),
  view('unassigned'),
  view('atRisk'),
  view('breached'),
  view('pending'),
  view('snoozed'),
  view('all'),
  { id: 'outbox', keys: null, run: () => useUi.getState().setScreen('outbox') },
  { id: 'kpi', keys: null, run: () => useUi.getState().setScreen('kpi') },
  { id: 'settings', keys: null, run: () => useUi.getState().setSettingsOpen(true) },
  { id: 'palette', keys: 'Ctrl+K', run: () => useUi.getState().setPaletteOpen(true) },
  { id: 'help', keys: '?', run: () => useUi.getState().setHelpOpen(!useUi.getState().helpOpen) },
];
