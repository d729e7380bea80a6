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
import { SignInWaiting, useBrowserSignIn } from './SignInWaiting';

/** The accounts with their sync state, and the way to add an email or helpdesk account. */
export function AccountsSection() {
  const { t, i18n } = useTranslation();
  const { commands } = useApp();
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
  const browser = useBrowserSignIn();
  const [signInError, setSignInError] = useState<string | null>(null);
  /** OAuth2: a new sign-in in the browser; main keeps it and the account syncs again, its queued changes with it. */
  const signInAgain = async (accountId: string, name: string) => {
    setSaved(null);
    setSignInError(null);
    try {
      const outcome = await browser.run({ accountId });
      if (!outcome.ok) {
        if (outcome.message) setSignInError(outcome.message);
        return;
      }
      setSaved(t('signIn.done', { name }));
      await commands.syncAgain(accountId);
    } catch (e) {
      setSignInError(e instanceof Error ? e.message : String(e));
    }
  };
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
            {account.needsSignIn && <span role="alert" className="error">{account.needsSignIn} </span>}
            {account.signIn === 'oauth2' ? (
              <button type="button" aria-label={t('signIn.againFor', { name: account.name })} disabled={!!browser.running} onClick={() => void signInAgain(account.id, account.name)}>
                {t('signIn.again')}
              </button>
            ) : (
              <button type="button" onClick={() => { setSaved(null); setChanging(account.id); }}>
                {t('accounts.changeSecret')}
              </button>
            )}
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
                  void commands.syncAgain(account.id);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {browser.running && <SignInWaiting signIn={browser.running} />}
      {saved && <p role="status">{saved}</p>}
      {signInError && <p role="alert" className="error">{signInError}</p>}
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
