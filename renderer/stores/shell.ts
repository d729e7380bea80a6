/** The shell's state from main (sync paused, update, desktop settings), kept in step by `shellChanged`. */
import { create } from 'zustand';
import type { ShellState } from '../../shared/shell';

export const useShell = create<{ state: ShellState | null; set(state: ShellState): void }>((set) => ({
  state: null,
  set: (state) => set({ state }),
}));
