/** Settings → Add Request Tracker account: name, address, REST2 token; Test connection; Add. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RtAccountSettings } from '../../../shared/accounts';
import { AccountFormFooter, useAccountForm } from './account-form';

export function AddHelpdeskAccount({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const settings = (): RtAccountSettings => ({ type: 'rt', name: name || url, url });
  const form = useAccountForm(settings, token, onDone);
  return (
    <form className="add-account" aria-label={t('accounts.addRt')} onSubmit={(e) => { e.preventDefault(); form.save(); }}>
      <label>
        {t('accounts.rtName')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('accounts.url')}
        <input type="url" required placeholder="https://rt.example.com" value={url} onChange={(e) => setUrl(e.target.value.trim())} />
      </label>
      <label>
        {t('accounts.token')}
        <input type="password" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value.trim())} />
      </label>
      <p className="muted">{t('accounts.tokenHint')}</p>
      <AccountFormFooter form={form} onCancel={onDone} general={false} />
    </form>
  );
}
