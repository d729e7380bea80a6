import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relativeTime } from '../../app/format';
import { db } from '../../db/schema';

/** When each account last synced, in the status bar: a watcher that went quiet shows as an old time here. */
export function SyncTimes() {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const rows = useLiveQuery(async () => {
    const accounts = (await db.accounts.toArray()).filter((a) => !a.demo);
    const states = await db.syncState.bulkGet(accounts.map((a) => a.id));
    return accounts.map((account, i) => ({ account, at: states[i]?.lastSyncAt ?? null }));
  }, []);
  if (!rows?.length) return null;
  return (
    <span className="sync-times" aria-label={t('statusbar.lastSynced')}>
      {rows.map(({ account, at }) => (
        <span key={account.id} data-account-id={account.id} title={at ? new Date(at).toLocaleString(i18n.language) : undefined}>
          {t('statusbar.accountSynced', { name: account.name, time: at ? relativeTime(at, now, i18n.language) : t('accounts.never') })}
        </span>
      ))}
    </span>
  );
}
