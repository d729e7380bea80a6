import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback } from 'react';
import { useApp } from './context';
import { CheatSheet } from '../features/inbox/CheatSheet';
import { CommandPalette } from '../features/inbox/CommandPalette';
import { TriagePicker } from '../features/inbox/TriagePicker';
import { useKeyboard } from '../features/inbox/keyboard';
import { db } from '../db/schema';
import { DemoBanner } from '../features/demo/DemoBanner';
import { NoAccounts } from '../features/demo/NoAccounts';
import { Sidebar } from '../features/inbox/Sidebar';
import { StatusBar } from '../features/inbox/StatusBar';
import { MacroPicker } from '../features/macros/MacroPicker';
import { MacroUndo } from '../features/macros/MacroUndo';
import { TicketList } from '../features/inbox/TicketList';

import { TicketPane } from '../features/ticket/TicketPane';
import { OutboxPane } from '../features/outbox/OutboxPane';
import { UndoSend } from '../features/outbox/UndoSend';
import { useUi } from '../stores/ui';

// Loaded when first opened: the inbox shows sooner (the chart library and the forms come later).
const KpiDashboard = lazy(() => import('../features/kpi/KpiDashboard').then((m) => ({ default: m.KpiDashboard })));
const Settings = lazy(() => import('../features/settings/Settings').then((m) => ({ default: m.Settings })));

export function App() {
  const accounts = useLiveQuery(() => db.accounts.toArray(), []);
  const settingsOpen = useUi((s) => s.settingsOpen);
  const screen = useUi((s) => s.screen);
  const notice = useUi((s) => s.notice);
  const helpOpen = useUi((s) => s.helpOpen);
  const paletteOpen = useUi((s) => s.paletteOpen);
  const picker = useUi((s) => s.picker);
  const { info, commands } = useApp();
  const meFor = useCallback((accountId: string) => info.me.find((a) => a.accountId === accountId) ?? null, [info]);
  useKeyboard(meFor, commands);
  const demo = accounts?.some((a) => a.demo) ?? false;
  return (
    <div className="app">
      {demo && <DemoBanner />}
      {notice && (
        <div className="notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={() => useUi.getState().setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div className="panes">
        <Sidebar />
        {screen === 'kpi' ? (
          <Suspense fallback={null}>
            <KpiDashboard />
          </Suspense>
        ) : screen === 'outbox' ? (
          <OutboxPane />
        ) : accounts && accounts.length === 0 ? (
          <NoAccounts />
        ) : (
          <>
            <TicketList />
            <TicketPane />
          </>
        )}
      </div>
      <UndoSend />
      <MacroUndo />
      <StatusBar />
      {helpOpen && <CheatSheet />}
      {paletteOpen && <CommandPalette context={{ meFor, commands }} />}
      {picker === 'macro' && <MacroPicker meFor={meFor} />}
      {picker && picker !== 'macro' && <TriagePicker kind={picker} />}
      {settingsOpen && (
        <Suspense fallback={null}>
          <Settings />
        </Suspense>
      )}
    </div>
  );
}
