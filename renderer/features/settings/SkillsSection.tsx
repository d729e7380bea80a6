/** Settings → Agent skills: tags each agent handles best; the assignee suggestion matches them to ticket tags. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { agentSkills, setAgentSkills } from '../../db/assign';
import { db } from '../../db/schema';
import { parseTags } from '../ticket/TagsControl';

export function SkillsSection() {
  const { t } = useTranslation();
  const data = useLiveQuery(async () => ({ agents: await db.agents.toArray(), skills: await agentSkills(db), accounts: new Map((await db.accounts.toArray()).map((a) => [a.id, a.name])) }), []);
  if (!data || data.agents.length === 0) return null;
  return (
    <fieldset className="skills">
      <legend>{t('assign.skillsTitle')}</legend>
      <p className="muted">{t('assign.skillsHint')}</p>
      {data.agents.map((agent) => (
        <label key={agent.id}>
          {agent.name} <span className="muted">({data.accounts.get(agent.accountId)})</span>
          <input
            defaultValue={(data.skills[agent.id] ?? []).join(', ')}
            placeholder="billing, refund"
            onBlur={(e) => void setAgentSkills(db, agent.id, parseTags(e.target.value))}
          />
        </label>
      ))}
    </fieldset>
  );
}
