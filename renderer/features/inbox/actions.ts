/**
 * Every action the agent can take from the keyboard, in one list: the key handler (keyboard.ts), the
 * cheat sheet (?) and the command palette (Ctrl/Cmd+K) all read it, so none can miss one. Which key runs
 * which is data of its own (keymap.ts).
 */
import type { Agent } from '../../../shared/domain';
import { db } from '../../db/schema';
import type { ViewId } from '../../db/views';
import { useUi, type PickerKind } from '../../stores/ui';
import type { Commands } from '../../core/commands';
import { startGuided } from '../guided/guided';

export interface ActionContext {
  meFor(accountId: string): Agent | null;
  commands: Commands;
}

export interface Action {
  id: string;
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
  if (await db.tickets.get(ticketId)) await ctx.commands.setStatus(ticketId, 'solved');
}

/** A triage picker for the selection, else for the open ticket; nothing without either. */
function pick(kind: PickerKind): void {
  const { selected, ticketId, setPicker } = useUi.getState();
  if (selected.size > 0 || ticketId) setPicker(kind);
}

const view = (id: ViewId): Action => ({ id: `view.${id}`, run: () => useUi.getState().setView(id) });

export const actions: Action[] = [
  { id: 'next', run: () => move(1) },
  { id: 'previous', run: () => move(-1) },
  { id: 'open', run: () => useUi.getState().ticketId ?? move(1) },
  { id: 'select', needsTicket: true, run: () => useUi.getState().toggleSelected(useUi.getState().ticketId!) },
  { id: 'solve', needsTicket: true, run: solve },
  { id: 'reply', needsTicket: true, run: () => void focus('.composer textarea') },
  {
    id: 'note',
    needsTicket: true,
    run: () => {
      const box = document.querySelector<HTMLInputElement>('.composer input.note-toggle');
      if (box && !box.checked) box.click();
      focus('.composer textarea');
    },
  },
  { id: 'status', run: () => pick('status') },
  { id: 'priority', run: () => pick('priority') },
  { id: 'assign', run: () => pick('assign') },
  // A ticket's tags are typed in its tags field; for a selection, a tag is added to each.
  { id: 'tags', run: () => (useUi.getState().selected.size > 0 ? pick('tag') : void focus('.tags input')) },
  { id: 'snooze', needsTicket: true, run: () => void focus('.snooze select') },
  { id: 'macro', run: () => pick('macro') },
  { id: 'guided', run: (ctx) => startGuided(ctx.meFor) },
  { id: 'escalate', needsTicket: true, run: () => document.querySelector<HTMLButtonElement>('.escalate > button')?.click() },
  { id: 'search', run: () => void focus('.search input') },
  { id: 'inbox', run: () => useUi.getState().setView('open') },
  view('mine'),
  view('unassigned'),
  view('atRisk'),
  view('breached'),
  view('pending'),
  view('snoozed'),
  view('all'),
  { id: 'outbox', run: () => useUi.getState().setScreen('outbox') },
  { id: 'kpi', run: () => useUi.getState().setScreen('kpi') },
  { id: 'settings', run: () => useUi.getState().setSettingsOpen(true) },
  { id: 'palette', run: () => useUi.getState().setPaletteOpen(true) },
  { id: 'help', run: () => useUi.getState().setHelpOpen(!useUi.getState().helpOpen) },
];
