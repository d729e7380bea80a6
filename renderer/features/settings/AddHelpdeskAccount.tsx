/**
 * Settings → Add helpdesk account: one of the registry's helpdesks (shared/helpdesks.ts: Request Tracker,
 * Zendesk, Freshdesk, Help Scout), its address, its own fields, token; Test; Add.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSettings } from '../../../shared/accounts';
import { helpdeskOf, helpdeskTypes, type HelpdeskType } from '../../../shared/helpdesks';
import { AgentNameField } from './AgentNameField';
import { AccountFormFooter, useAccountForm } from './account-form';

export function AddHelpdeskAccount({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<HelpdeskType>('rt');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});
  const [token, setToken] = useState('');
  const entry = helpdeskOf(kind);
  const [vip, setVip] = useState({ tag: '', field: '', value: '' });
  const settings = (): AccountSettings => {
    // How the source marks VIPs: only what the agent filled in (without anything, the tag "vip").
    const rule = Object.fromEntries(Object.entries(vip).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
    const common = { name: name || url, url, ...(Object.keys(rule).length ? { vip: rule } : {}) };
    // The helpdesk's own fields; main checks the whole against the helpdesk's schema.
    return { type: kind, ...common, ...Object.fromEntries(entry.fields.map((f) => [f.key, own[f.key] ?? ''])) } as AccountSettings;
  };
  const form = useAccountForm(settings, token, onDone);
  return (
    <form className="add-account" aria-label={t('accounts.addHelpdesk')} onSubmit={(e) => { e.preventDefault(); form.save(); }}>
      <label>
        {t('accounts.helpdesk')}
        <select value={kind} onChange={(e) => setKind(e.target.value as HelpdeskType)}>
          {helpdeskTypes.map((k) => (
            <option key={k} value={k}>
              {t(`accounts.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.helpdeskName')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <AgentNameField onlyIfMissing />
      <label>
        {t('accounts.url')}
        <input type="url" required placeholder={entry.example} value={url} onChange={(e) => setUrl(e.target.value.trim())} />
      </label>
      {entry.fields.map((f) => (
        <label key={`${kind}.${f.key}`}>
          {t(f.label)}
          <input type={f.input} required value={own[f.key] ?? ''} onChange={(e) => setOwn({ ...own, [f.key]: e.target.value.trim() })} />
        </label>
      ))}
      <label>
        {t(`accounts.token.${kind}`)}
        <input type="password" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value.trim())} />
      </label>
      <p className="muted">{t(`accounts.tokenHint.${kind}`)}</p>
      <details>
        <summary>{t('accounts.vipRule')}</summary>
        <p className="muted">{t('accounts.vipRuleHint')}</p>
        {entry.vip.tag && (
          <label>
            {t('accounts.vipTag')}
            <input placeholder="vip" value={vip.tag} onChange={(e) => setVip({ ...vip, tag: e.target.value })} />
          </label>
        )}
        {entry.vip.field && (
          <>
            <label>
              {t('accounts.vipField')}
              <input value={vip.field} onChange={(e) => setVip({ ...vip, field: e.target.value })} />
            </label>
            <label>
              {t('accounts.vipValue')}
              <input value={vip.value} onChange={(e) => setVip({ ...vip, value: e.target.value })} />
            </label>
          </>
        )}
      </details>
      <AccountFormFooter form={form} onCancel={onDone} general={false} />
    </form>
  );
}
