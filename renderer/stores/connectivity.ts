/** Which sources main could reach at its last try, per account (from main: `connectivityChanged`). */
import { create } from 'zustand';

export interface Reach {
  reachable: boolean;
  message?: string;
}

export const useConnectivity = create<{ reach: Record<string, Reach>; set(accountId: string, reach: Reach): void; setAll(all: Record<string, Reach>): void }>((set) => ({
  reach: {},
  set: (accountId, reach) => set((s) => ({ reach: { ...s.reach, [accountId]: reach } })),
  setAll: (reach) => set({ reach }),
}));
