import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/schema';
import { DemoBanner } from '../features/demo/DemoBanner';
import { NoAccounts } from '../features/demo/NoAccounts';
import { Sidebar } from '../features/inbox/Sidebar';
import { StatusBar } from '../features/inbox/StatusBar';
import { TicketList } from '../features/inbox/TicketList';
import { KpiDashboard } from '../features/kpi/KpiDashboard';
import { Settings } from '../features/settings/Settings';
import { TicketView } from '../features/ticket/TicketView';
import { useUi } from '../stores/ui';

export function App() {
  const accounts = useLiveQuery(() => db.accounts.toArray(), []);
  const settingsOpen = useUi((s) => s.settingsOpen);
  const screen = useUi((s) => s.screen);
  const demo = accounts?.some((a) => a.demo) ?? false;
  return (
    <div className="app">
      {demo && <DemoBanner />}
      <div className="workspace">
        <Sidebar />
        {screen === 'kpi' ? (
          <KpiDashboard />
        ) : accounts && accounts.length === 0 ? (
          <NoAccounts />
        ) : (
          <>
            <TicketList />
            <TicketView />
          </>
        )}
      </div>
      <StatusBar />
      {settingsOpen && <Settings />}
    </div>
  );
}
