/** A new password or token for an account whose old one expired or was revoked: tried first, kept only if it works. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppErrorShape } from '../../../shared/contract/errors';
import { api } from '../../api';

export function ChangeSecret({ accountId, name, onDone }: { accountId: string; name: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api().changeSecret({ accountId, secret });
      if (result.ok) onDone(true);
      else setProblem(result.message);
    } catch (error) {
      setProblem(isAppErrorShape(error) ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="change-secret" aria-label={t('accounts.newSecretFor', { name })} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        {t('accounts.newSecret')}
        <input type="password" required autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value.trim())} />
      </label>
      <button type="submit" disabled={busy || !secret}>
        {busy ? t('accounts.testing') : t('accounts.trySave')}
      </button>
      <button type="button" onClick={() => onDone(false)}>
        {t('accounts.cancel')}
      </button>
      {problem && <p role="alert" className="error">{problem}</p>}
    </form>
  );
}
