/**
 * The running app for every screen (renderer/app/context.ts). Who the agent is in each account is read
 * again when main says the accounts changed: a source tells it with its first answers (RT: from the token).
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Api, AppInfo } from '../../shared/contract';
import { createCommands } from '../core/commands';
import { db } from '../db/schema';
import type { SyncEngine } from '../sync/engine';
import { AppContext } from './context';

/** `me`: the agents' ids, kept current in place (the notification check holds the same set). */
export function AppProvider({ api, engine, initial, me, children }: { api: Api; engine: SyncEngine; initial: AppInfo; me: Set<string>; children: ReactNode }) {
  const [info, setInfo] = useState(initial);
  useEffect(
    () =>
      api.on('accountsChanged', () => {
        api.appInfo({}).then((next) => {
          me.clear();
          for (const agent of next.me) me.add(agent.id);
          setInfo(next);
        }, () => undefined);
      }),
    [api, me],
  );
  const current = useRef(info);
  current.current = info;
  const commands = useMemo(() => createCommands(db, engine, (accountId) => current.current.me.find((a) => a.accountId === accountId) ?? null), [engine]);
  const value = useMemo(() => ({ info, engine, me, commands }), [info, engine, me, commands]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
