import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/schema';
import { useConnectivity } from '../../stores/connectivity';
import { useShell } from '../../stores/shell';
import { useUi } from '../../stores/ui';
import { useSyncStatus } from '../../stores/sync-status';
import { GuidedBar } from '../guided/GuidedBar';
import { ShellStatus } from './ShellStatus';
import { SyncTimes } from './SyncTimes';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const syncing = useSyncStatus((s) => Object.values(s.syncing).some(Boolean));
  const error = useSyncStatus((s) => Object.values(s.errors).find((e) => e) ?? null);
  const progress = useSyncStatus((s) => Object.values(s.progress).find((p) => p));
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  // Failed, set aside or in conflict: nothing sends them by itself, so they are named apart.
  const needsYou = useLiveQuery(() => db.outbox.where('state').anyOf('failed', 'conflict').count(), []) ?? 0;
  const paused = useShell((s) => s.state?.syncPaused === true);
  const reach = useConnectivity((s) => s.reach);
  const accounts = useLiveQuery(() => db.accounts.toArray(), []);
  // Main's last call to each source says whether it answers: a VPN down is "offline" for that account only.
  const unreachable = (accounts ?? []).filter((a) => reach[a.id]?.reachable === false).map((a) => a.name);
  const state = paused
    ? t('statusbar.paused')
    : !online
      ? t('statusbar.offline')
      : unreachable.length
        ? t('statusbar.unreachable', { names: unreachable.join(', ') })
        : progress
          ? t(progress.unit === 'tickets' ? 'statusbar.progressTickets' : 'statusbar.progress', { done: progress.done.toLocaleString(i18n.language), total: progress.total.toLocaleString(i18n.language) })
          : syncing
            ? t('statusbar.syncing')
            : error
              ? t('statusbar.error', { message: error })
              : pending > 0
                ? t('statusbar.sending') // not "up to date" while changes wait (they are counted beside)
                : t('statusbar.synced');
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span>{state}</span>
      <SyncTimes />
      {pending > 0 && (
        <button type="button" className="link" onClick={() => useUi.getState().setScreen('outbox')}>
          {t('statusbar.pending', { count: pending })}
        </button>
      )}
      {needsYou > 0 && (
        <button type="button" className="link needs-you" onClick={() => useUi.getState().setScreen('outbox')}>
          {t('statusbar.needsYou', { count: needsYou })}
        </button>
      )}
      <GuidedBar />
      <ShellStatus />
    </footer>
  );
}
