/** What the sync engine is doing right now, for the status bar. UI state only: nothing here is cached data. */
import { create } from 'zustand';

interface SyncStatus {
  syncing: Record<string, boolean>;
  errors: Record<string, string | null>;
  setSyncing(accountId: string, value: boolean): void;
  setError(accountId: string, message: string | null): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  syncing: {},
  errors: {},
  setSyncing: (accountId, value) => set((s) => ({ syncing: { ...s.syncing, [accountId]: value } })),
  setError: (accountId, message) => set((s) => ({ errors: { ...s.errors, [accountId]: message } })),
}));
