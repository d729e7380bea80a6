/** Servers from the address: asks main (autoconfig, DNS) and shows each step's outcome; the form is filled by `onFound`. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discovery, FoundServers } from '../../../shared/contract';
import { api } from '../../api';

export function ServerDiscovery({ email, onFound }: { email: string; onFound: (found: FoundServers) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Discovery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = async () => {
    setBusy(true);
    setError(null);
    try {
      const discovery = await api().discoverServers({ email });
      setResult(discovery);
      if (discovery.found) onFound(discovery.found);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const valid = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);
  return (
    <div className="discovery">
      <button type="button" disabled={!valid || busy} onClick={() => void find()}>
        {busy ? t('signIn.finding') : t('signIn.find')}
      </button>
      {result && (
        <div role="status">
          <p>{result.found ? t('signIn.foundVia', { name: result.found.name }) : t('signIn.nothingFound')}</p>
          {result.found?.signIn.type === 'password' && result.found.signIn.appPassword && <p>{t('signIn.appPassword')}</p>}
          <details>
            <summary>{t('signIn.steps')}</summary>
            <ol>
              {result.steps.map((s) => (
                <li key={s.step}>
                  {t(`signIn.step.${s.step}`)}: {s.found ? t('signIn.found') : t('signIn.notFound')} — <span className="muted">{s.detail}</span>
                </li>
              ))}
            </ol>
          </details>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
