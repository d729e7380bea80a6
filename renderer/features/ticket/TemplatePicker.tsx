/** Insert a template or article into the reply, its placeholders filled from the ticket; searchable by name. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { fill, templateKinds, type TemplateVars } from '../../../shared/templates';
import { db } from '../../db/schema';
import { allTemplates } from '../../db/templates';

export function TemplatePicker({ vars, onInsert }: { vars: Omit<TemplateVars, 'agent'> & { agent: { name: string } }; onInsert: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const templates = useLiveQuery(() => allTemplates(db), []);
  if (!templates) return null;
  const lang = i18n.language.startsWith('ru') ? 'ru' : 'en';
  // The agent's language first; the other one stays reachable (a customer may write in it).
  const ordered = [...templates].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));
  const signature = ordered.find((x) => x.kind === 'signature')?.body ?? '';
  const full: TemplateVars = { ...vars, agent: { name: vars.agent.name, signature: fill(signature, { ...vars, agent: { name: vars.agent.name, signature: '' } }) } };
  return (
    <select
      className="template-picker"
      aria-label={t('templates.insert')}
      value=""
      onChange={(e) => {
        const chosen = templates.find((x) => x.id === e.target.value);
        if (chosen) onInsert(fill(chosen.body, full));
      }}
    >
      <option value="">{t('templates.insert')}…</option>
      {templateKinds.map((kind) => {
        const list = ordered.filter((x) => x.kind === kind);
        return list.length === 0 ? null : (
          <optgroup key={kind} label={t(`templates.kind.${kind}`)}>
            {list.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {x.lang !== lang ? ` (${x.lang})` : ''}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
