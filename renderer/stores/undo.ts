/** The reply that can still be undone (its undo-send window), and how long that window is (a preference). */
import { create } from 'zustand';

const KEY = 'switchboard.undoSendSeconds';
export const undoChoices = [0, 5, 10, 20, 30] as const;

/** Seconds a reply waits before it is sent, so it can be undone; 10 unless the agent chose otherwise. */
export function undoSendSeconds(): number {
  const stored = Number(localStorage.getItem(KEY));
  return localStorage.getItem(KEY) !== null && (undoChoices as readonly number[]).includes(stored) ? stored : 10;
}

export function setUndoSendSeconds(seconds: number): void {
  localStorage.setItem(KEY, String(seconds));
}

export const useUndo = create<{ pending: { mutationId: string; ticketId: string; until: number } | null; set(p: { mutationId: string; ticketId: string; until: number } | null): void }>((set) => ({
  pending: null,
  set: (pending) => set({ pending }),
}));
