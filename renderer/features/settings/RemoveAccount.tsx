/**
 * Removing an account asks first, and says what would be lost: the changes still waiting to be sent to it
 * (replies among them). They can be sent first; only then, or on the agent's word, does the account go.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { useUi } from '../../stores/ui';

export function RemoveAccount({ accountId, name, onDone }: { accountId: string; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { commands } = useApp();
  const waiting = useLiveQuery(() => db.outbox.where('accountId').equals(accountId).count(), [accountId]);
  const remove = async () => {
    // The open ticket may be one of its own: nothing is left selected that is about to go.
    const open = useUi.getState().ticketId;
    if (open && (await db.tickets.get(open))?.accountId === accountId) useUi.getState().openTicket(null);
    await commands.removeAccount(accountId);
    onDone();
  };
  if (waiting === undefined) return null;
  return (
    <div className="confirm" role="alertdialog" aria-label={t('accounts.removeTitle', { name })}>
      <p>{waiting > 0 ? t('accounts.removeWaiting', { name, count: waiting }) : t('accounts.removeAsk', { name })}</p>
      {waiting > 0 && (
        <button type="button" onClick={() => commands.sendNow()}>
          {t('accounts.sendFirst')}
        </button>
      )}{' '}
      <button type="button" className="danger" onClick={() => void remove()}>
        {waiting > 0 ? t('accounts.removeDiscard', { count: waiting }) : t('accounts.removeConfirm')}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {t('accounts.cancel')}
      </button>
    </div>
  );
}
