/**
 * What every screen may need from the running app: who the agent is, the commands that change things
 * (renderer/core/commands.ts) and the sync engine (accounts, retries).
 */
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/contract';
import type { Commands } from '../core/commands';
import type { SyncEngine } from '../sync/engine';

export interface AppContextValue {
  info: AppInfo;
  engine: SyncEngine;
  commands: Commands;
  me: ReadonlySet<string>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
