/** Settings → Add helpdesk account: Request Tracker, Zendesk, Freshdesk or Help Scout; address, token; Test; Add. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSettings } from '../../../shared/accounts';
import { AgentNameField } from './AgentNameField';
import { AccountFormFooter, useAccountForm } from './account-form';

const kinds = ['rt', 'zendesk', 'freshdesk', 'helpscout'] as const;
type Kind = (typeof kinds)[number];
/** What the address looks like (the same in every language). */
const example: Record<Kind, string> = {
  rt: 'https://rt.example.com',
  zendesk: 'https://yourcompany.zendesk.com',
  freshdesk: 'https://yourcompany.freshdesk.com',
  helpscout: 'https://api.helpscout.net',
};

export function AddHelpdeskAccount({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('rt');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [appId, setAppId] = useState('');
  const [token, setToken] = useState('');
  const [vip, setVip] = useState({ tag: '', field: '', value: '' });
  const settings = (): AccountSettings => {
    // How the source marks VIPs: only what the agent filled in (without anything, the tag "vip").
    const rule = Object.fromEntries(Object.entries(vip).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
    const common = { name: name || url, url, ...(Object.keys(rule).length ? { vip: rule } : {}) };
    if (kind === 'zendesk') return { type: 'zendesk', ...common, email };
    if (kind === 'helpscout') return { type: 'helpscout', ...common, appId };
    return { type: kind, ...common };
  };
  const form = useAccountForm(settings, token, onDone);
  return (
    <form className="add-account" aria-label={t('accounts.addHelpdesk')} onSubmit={(e) => { e.preventDefault(); form.save(); }}>
      <label>
        {t('accounts.helpdesk')}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {kinds.map((k) => (
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
        <input type="url" required placeholder={example[kind]} value={url} onChange={(e) => setUrl(e.target.value.trim())} />
      </label>
      {kind === 'zendesk' && (
        <label>
          {t('accounts.agentEmail')}
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value.trim())} />
        </label>
      )}
      {kind === 'helpscout' && (
        <label>
          {t('accounts.appId')}
          <input required value={appId} onChange={(e) => setAppId(e.target.value.trim())} />
        </label>
      )}
      <label>
        {t(`accounts.token.${kind}`)}
        <input type="password" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value.trim())} />
      </label>
      <p className="muted">{t(`accounts.tokenHint.${kind}`)}</p>
      <details>
        <summary>{t('accounts.vipRule')}</summary>
        <p className="muted">{t('accounts.vipRuleHint')}</p>
        {kind !== 'rt' && (
          <label>
            {t('accounts.vipTag')}
            <input placeholder="vip" value={vip.tag} onChange={(e) => setVip({ ...vip, tag: e.target.value })} />
          </label>
        )}
        {kind !== 'helpscout' && (
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
