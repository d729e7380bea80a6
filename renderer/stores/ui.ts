/** UI state: which view and ticket are selected, which panel is open. Never a copy of cached data. */
import { create } from 'zustand';
import type { Channel } from '../../shared/domain';
import type { SortKey, ViewId } from '../db/views';

export type Screen = 'inbox' | 'kpi' | 'outbox';

const SORT_KEY = 'switchboard.sort';
const savedSort = (): SortKey => {
  const value = globalThis.localStorage?.getItem(SORT_KEY);
  return value === 'priority' || value === 'updated' || value === 'created' ? value : 'sla';
};

interface UiState {
  /** The inbox, the KPI dashboard, or the outbox. */
  screen: Screen;
  view: ViewId;
  /** The list's order (kept across restarts). */
  sort: SortKey;
  setSort(sort: SortKey): void;
  /** The views narrowed to one account or one channel. */
  accountId: string | null;
  channel: Channel | null;
  setNarrow(narrow: { accountId: string | null; channel: Channel | null }): void;
  /** Tickets selected for a bulk action (x). */
  selected: ReadonlySet<string>;
  toggleSelected(id: string): void;
  setSelected(ids: Iterable<string>): void;
  ticketId: string | null;
  settingsOpen: boolean;
  /** A section of Settings to show first (the menu's About). */
  settingsSection: 'about' | null;
  /** The keyboard cheat sheet. */
  helpOpen: boolean;
  /** The command palette (Ctrl/Cmd+K). */
  paletteOpen: boolean;
  setPaletteOpen(open: boolean): void;
  /** A triage picker (t, p, a, #), for the open ticket or, when tickets are selected, for them all. */
  picker: PickerKind | null;
  setPicker(picker: PickerKind | null): void;
  /** What the last bulk change did ("3 changed, 1 skipped"), shown where the bulk bar was. */
  bulkOutcome: string | null;
  setBulkOutcome(outcome: string | null): void;
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

export type PickerKind = 'status' | 'priority' | 'assign' | 'tag' | 'macro';

export const useUi = create<UiState>((set) => ({
  screen: 'inbox',
  view: 'open',
  sort: savedSort(),
  setSort: (sort) => {
    globalThis.localStorage?.setItem(SORT_KEY, sort);
    set({ sort });
  },
  accountId: null,
  channel: null,
  setNarrow: ({ accountId, channel }) => set({ accountId, channel, ticketId: null, screen: 'inbox', search: '', selected: new Set() }),
  selected: new Set(),
  toggleSelected: (id) =>
    set((s) => {
      const next = new Set(s.selected);
      if (!next.delete(id)) next.add(id);
      return { selected: next };
    }),
  setSelected: (ids) => set({ selected: new Set(ids) }),
  ticketId: null,
  settingsOpen: false,
  settingsSection: null,
  helpOpen: false,
  paletteOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen, helpOpen: false }),
  picker: null,
  setPicker: (picker) => set({ picker, helpOpen: false }),
  bulkOutcome: null,
  setBulkOutcome: (bulkOutcome) => set({ bulkOutcome }),
  listIds: [],
  setListIds: (listIds) => set({ listIds }),
  search: '',
  setSearch: (search) => set({ search }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  notice: null,
  setNotice: (notice) => set({ notice }),
  setView: (view) => set({ view, ticketId: null, screen: 'inbox', search: '', selected: new Set() }),
  setScreen: (screen) => set({ screen }),
  openTicket: (ticketId) => set({ ticketId, screen: 'inbox' }),
  setSettingsOpen: (settingsOpen, section = null) => set({ settingsOpen, settingsSection: settingsOpen ? section : null }),
}));
