/** UI state: which view and ticket are selected, which panel is open. Never a copy of cached data. */
import { create } from 'zustand';

export type ViewId = 'open' | 'mine' | 'unassigned';

interface UiState {
  view: ViewId;
  ticketId: string | null;
  settingsOpen: boolean;
  setView(view: ViewId): void;
  openTicket(id: string | null): void;
  setSettingsOpen(open: boolean): void;
}

export const useUi = create<UiState>((set) => ({
  view: 'open',
  ticketId: null,
  settingsOpen: false,
  setView: (view) => set({ view, ticketId: null }),
  openTicket: (ticketId) => set({ ticketId }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
}));
