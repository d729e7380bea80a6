/**
 * "Your name, as customers see it in replies": what fills {{agent.name}}. In Settings always; in the
 * add-account forms while none is set (asked on the first set-up), saved as the agent leaves the field.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';

export const savedAgentName = async (): Promise<string> => {
  const row = await db.prefs.get('agentName');
  return row?.key === 'agentName' ? row.value : '';
};

/** `onlyIfMissing`: shown only while no name is saved (the add-account forms). */
export function AgentNameField({ onlyIfMissing = false }: { onlyIfMissing?: boolean }) {
  const { t } = useTranslation();
  const { commands } = useApp();
  const saved = useLiveQuery(savedAgentName, []);
  // In a form it stays once shown while the agent types (saving would otherwise hide it mid-word).
  const [missingAtStart, setMissingAtStart] = useState<boolean | null>(null);
  if (saved !== undefined && missingAtStart === null) setMissingAtStart(!saved);
  if (saved === undefined || (onlyIfMissing && !missingAtStart)) return null;
  return (
    <label>
      {t('settings.agentName')}
      <input key={onlyIfMissing ? 'form' : saved} defaultValue={onlyIfMissing ? '' : saved} placeholder={t('settings.agentNameHint')} onBlur={(e) => void commands.setAgentName(e.target.value)} />
    </label>
  );
}
