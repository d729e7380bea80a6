/** What the sync engine is doing right now, for the status bar. UI state only: nothing here is cached data. */
import { create } from 'zustand';

interface SyncStatus {
  syncing: Record<string, boolean>;
  errors: Record<string, string | null>;
  progress: Record<string, { done: number; total: number; unit?: 'messages' | 'tickets' } | undefined>;
  setSyncing(accountId: string, value: boolean): void;
  setError(accountId: string, message: string | null): void;
  setProgress(accountId: string, progress: { done: number; total: number; unit?: 'messages' | 'tickets' } | undefined): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  syncing: {},
  errors: {},
  progress: {},
  setProgress: (accountId, progress) => set((s) => ({ progress: { ...s.progress, [accountId]: progress } })),
  setSyncing: (accountId, value) => set((s) => ({ syncing: { ...s.syncing, [accountId]: value } })),
  setError: (accountId, message) => set((s) => ({ errors: { ...s.errors, [accountId]: message } })),
}));
