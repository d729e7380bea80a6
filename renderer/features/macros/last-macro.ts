/** The macro just run, while it can be undone (its changes still wait out the undo window). */
import { create } from 'zustand';
import type { MacroOutcome } from './run';

export interface LastMacro {
  name: string;
  tickets: number;
  outcome: MacroOutcome;
  /** Until when its changes wait (after that they are sent and the undo goes). */
  until: number;
}

export const useLastMacro = create<{ last: LastMacro | null; set(last: LastMacro | null): void }>((set) => ({
  last: null,
  set: (last) => set({ last }),
}));
