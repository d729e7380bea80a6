/**
 * Keyboard-first triage: j/k move through the list (and open), e solves and moves on, r reply,
 * t status, p priority, a assign, s snooze, g i back to the inbox, / search, ? the cheat sheet. Keys typed into a field
 * are the field's.
 */
import { useEffect } from 'react';
import type { Agent } from '../../../shared/domain';
import { db } from '../../db/schema';
import { useUi } from '../../stores/ui';
import { enqueue } from '../../sync/outbox';

export const shortcuts = [
  ['j', 'next'],
  ['k', 'previous'],
  ['e', 'solve'],
  ['r', 'reply'],
  ['t', 'status'],
  ['s', 'snooze'],
  ['p', 'priority'],
  ['a', 'assign'],
  ['g i', 'inbox'],
  ['/', 'search'],
  ['?', 'help'],
] as const;

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const focus = (selector: string) => document.querySelector<HTMLElement>(selector)?.focus();

export function useKeyboard(meFor: (accountId: string) => Agent | null, kick: () => void): void {
  useEffect(() => {
    let pendingG = false;
    const move = (step: 1 | -1) => {
      const { listIds, ticketId, openTicket } = useUi.getState();
      if (listIds.length === 0) return;
      const at = ticketId ? listIds.indexOf(ticketId) : -1;
      const next = at < 0 ? 0 : Math.min(Math.max(at + step, 0), listIds.length - 1);
      openTicket(listIds[next]!);
      document.querySelector(`[data-ticket-id="${CSS.escape(listIds[next]!)}"]`)?.scrollIntoView({ block: 'nearest' });
    };
    const solve = async () => {
      const { ticketId } = useUi.getState();
      if (!ticketId) return;
      move(1);
      const ticket = await db.tickets.get(ticketId);
      if (!ticket) return;
      await enqueue(db, ticketId, { type: 'setStatus', status: 'solved' }, meFor(ticket.accountId));
      kick();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const ui = useUi.getState();
      if (ui.settingsOpen) return;
      if (pendingG) {
        pendingG = false;
        if (event.key === 'i') ui.setView('open');
        return;
      }
      const actions: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        e: () => void solve(),
        r: () => focus('.composer textarea'),
        t: () => focus('.triage label:nth-child(1) select'),
        s: () => focus('.snooze select'),
        p: () => focus('.triage label:nth-child(2) select'),
        a: () => focus('.triage label:nth-child(3) select'),
        g: () => (pendingG = true),
        '/': () => focus('.search input'),
        '?': () => ui.setHelpOpen(!ui.helpOpen),
        Escape: () => ui.setHelpOpen(false),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [meFor, kick]);
}
