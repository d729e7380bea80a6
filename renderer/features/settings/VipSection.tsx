import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseVipRules } from '../../../shared/vip';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';

/** VIP customers by rule: addresses and domains, one per line. */
export function VipSection() {
  const { t } = useTranslation();
  const { commands } = useApp();
  const saved = useLiveQuery(async () => {
    const row = await db.prefs.get('vipRules');
    return row?.key === 'vipRules' ? row.value : [];
  }, []);
  const [text, setText] = useState('');
  useEffect(() => {
    if (saved) setText(saved.join('\n'));
  }, [saved]);
  return (
    <fieldset>
      <legend>{t('vip.title')}</legend>
      <label>
        {t('vip.rules')}
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="ceo@example.com&#10;bigcustomer.com" />
      </label>
      <button type="button" onClick={() => void commands.setPref({ key: 'vipRules', value: parseVipRules(text) })}>
        {t('vip.save')}
      </button>
    </fieldset>
  );
}
