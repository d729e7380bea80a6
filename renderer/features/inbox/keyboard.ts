/**
 * Keyboard-first triage: the keys of keymap.ts run the actions of actions.ts (j/k, o, x, e, r, n, t, p,
 * a, #, s, /, g i, ?) and Ctrl/Cmd+K the command palette. Keys typed into a field are the field's.
 */
import { useEffect } from 'react';
import type { Agent } from '../../../shared/domain';
import type { Commands } from '../../core/commands';
import { useUi } from '../../stores/ui';
import { stopGuided, useGuided } from '../guided/guided';
import { actions } from './actions';
import { chordStarts, keymap } from './keymap';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useKeyboard(meFor: (accountId: string) => Agent | null, commands: Commands): void {
  useEffect(() => {
    let chord: string | null = null;
    const byId = new Map(actions.map((a) => [a.id, a]));
    const onKey = (event: KeyboardEvent) => {
      const ui = useUi.getState();
      if ((event.ctrlKey || event.metaKey) && keymap[`Ctrl+${event.key.toUpperCase()}`] === 'palette') {
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
      const key = chord ? `${chord} ${event.key}` : event.key;
      chord = null;
      if (key === event.key && chordStarts.has(key)) {
        chord = key;
        return;
      }
      const id = keymap[key];
      const action = id ? byId.get(id) : undefined;
      if (!action || (action.needsTicket && !ui.ticketId)) return;
      if (action.id === 'tags' && ui.selected.size === 0 && !ui.ticketId) return;
      event.preventDefault();
      void action.run({ meFor, commands });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [meFor, commands]);
}
