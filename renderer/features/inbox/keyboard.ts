/**
 * Keyboard-first triage: the keys of actions.ts (j/k, o, x, e, r, n, t, p, a, #, s, /, g i, ?) and
 * Ctrl/Cmd+K for the command palette. Keys typed into a field are the field's.
 */
import { useEffect } from 'react';
import type { Agent } from '../../../shared/domain';
import { useUi } from '../../stores/ui';
import { startGuided, stopGuided, useGuided } from '../guided/guided';
import { actions } from './actions';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useKeyboard(meFor: (accountId: string) => Agent | null, kick: () => void): void {
  useEffect(() => {
    let pendingG = false;
    const byKey = new Map(actions.flatMap((a) => (a.keys && a.keys.length === 1 ? [[a.keys, a] as const] : [])));
    const onKey = (event: KeyboardEvent) => {
      const ui = useUi.getState();
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        ui.setPaletteOpen(!ui.paletteOpen);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (ui.settingsOpen || ui.paletteOpen || ui.picker) return;
      if (event.key === 'Escape') {
        if (useGuided.getState().active) return stopGuided();
        return ui.setHelpOpen(false);
      }
      // Enter on a button, link or row is theirs.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a, summary, [role="option"]')) return;
      if (pendingG) {
        pendingG = false;
        if (event.key === 'i') ui.setView('open');
        if (event.key === 'n') void startGuided(meFor);
        return;
      }
      if (event.key === 'g') {
        pendingG = true;
        return;
      }
      const action = event.key === 'Enter' ? byKey.get('o') : byKey.get(event.key);
      if (!action || (action.needsTicket && !ui.ticketId)) return;
      if (action.id === 'tags' && ui.selected.size === 0 && !ui.ticketId) return;
      event.preventDefault();
      void action.run({ meFor, kick });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [meFor, kick]);
}
