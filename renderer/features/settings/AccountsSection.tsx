import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { relativeTime } from '../../app/format';
import { db } from '../../db/schema';
import { useSyncStatus } from '../../stores/sync-status';
import { AddEmailAccount } from './AddEmailAccount';
import { AddHelpdeskAccount } from './AddHelpdeskAccount';
import { ChangeSecret } from './ChangeSecret';
import { RemoveAccount } from './RemoveAccount';

/** The accounts with their sync state, and the way to add an email or helpdesk account. */
export function AccountsSection() {
  const { t, i18n } = useTranslation();
  const { engine } = useApp();
  const [adding, setAdding] = useState<'email' | 'helpdesk' | null>(null);
  const [changing, setChanging] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useSyncStatus((s) => s.errors);
  const rows = useLiveQuery(async () => {
    const accounts = (await db.accounts.toArray()).filter((a) => !a.demo);
    return Promise.all(
      accounts.map(async (account) => ({
        account,
        state: await db.syncState.get(account.id),
        unreadable: await db.messages.where('accountId').equals(account.id).filter((m) => !!m.email?.broken && !m.email.tooLarge).count(),
      })),
    );
  }, []);
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <fieldset>
      <legend>{t('accounts.title')}</legend>
      <ul className="accounts">
        {rows?.map(({ account, state, unreadable }) => (
          <li key={account.id} data-account-id={account.id}>
            <strong>{account.name}</strong>{' '}
            <span className="muted">
              {errors[account.id] ?? (state?.lastSyncAt ? t('accounts.lastSync', { time: relativeTime(state.lastSyncAt, Date.now(), i18n.language) }) : t('accounts.never'))}
            </span>{' '}
            {unreadable > 0 && <span className="muted">{t('accounts.unreadable', { count: unreadable })} </span>}
            <button type="button" onClick={() => { setSaved(null); setChanging(account.id); }}>
              {t('accounts.changeSecret')}
            </button>
            <button type="button" onClick={() => setRemoving(account.id)}>
              {t('accounts.remove')}
            </button>
            {removing === account.id && <RemoveAccount accountId={account.id} name={account.name} onDone={() => setRemoving(null)} />}
            {changing === account.id && (
              <ChangeSecret
                accountId={account.id}
                name={account.name}
                onDone={(ok) => {
                  setChanging(null);
                  if (!ok) return;
                  setSaved(t('accounts.secretSaved', { name: account.name }));
                  void engine.retryNow(account.id).then(() => engine.refreshAccounts());
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {saved && <p role="status">{saved}</p>}
      {adding === 'email' && <AddEmailAccount onDone={() => setAdding(null)} />}
      {adding === 'helpdesk' && <AddHelpdeskAccount onDone={() => setAdding(null)} />}
      {adding === null && (
        <div className="form-actions">
          <button type="button" onClick={() => setAdding('email')}>
            {t('accounts.add')}
          </button>
          <button type="button" onClick={() => setAdding('helpdesk')}>
            {t('accounts.addHelpdesk')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
