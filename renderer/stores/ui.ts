/** UI state: which view and ticket are selected, which panel is open. Never a copy of cached data. */
import { create } from 'zustand';

export type Screen = 'inbox' | 'kpi' | 'outbox';
export type ViewId = 'open' | 'mine' | 'unassigned' | 'snoozed';

interface UiState {
  /** The inbox, the KPI dashboard, or the outbox. */
  screen: Screen;
  view: ViewId;
  ticketId: string | null;
  settingsOpen: boolean;
  /** A section of Settings to show first (the menu's About). */
  settingsSection: 'about' | null;
  /** The keyboard cheat sheet. */
  helpOpen: boolean;
  /** The ticket ids in the order the list shows them, for j/k. */
  listIds: string[];
  setListIds(ids: string[]): void;
  /** The search typed over the list; empty: the view is shown. */
  search: string;
  setSearch(search: string): void;
  setHelpOpen(open: boolean): void;
  /** A one-line message for the agent (a link to no ticket), dismissed by hand. */
  notice: string | null;
  setNotice(notice: string | null): void;
  setView(view: ViewId): void;
  setScreen(screen: Screen): void;
  openTicket(id: string | null): void;
  setSettingsOpen(open: boolean, section?: 'about' | null): void;
}

export const useUi = create<UiState>((set) => ({
  screen: 'inbox',
  view: 'open',
  ticketId: null,
  settingsOpen: false,
  settingsSection: null,
  helpOpen: false,
  listIds: [],
  setListIds: (listIds) => set({ listIds }),
  search: '',
  setSearch: (search) => set({ search }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  notice: null,
  setNotice: (notice) => set({ notice }),
  setView: (view) => set({ view, ticketId: null, screen: 'inbox', search: '' }),
  setScreen: (screen) => set({ screen }),
  openTicket: (ticketId) => set({ ticketId, screen: 'inbox' }),
  setSettingsOpen: (settingsOpen, section = null) => set({ settingsOpen, settingsSection: settingsOpen ? section : null }),
}));
