/**
 * Insert a template or knowledge-base article into the reply, its placeholders filled from the ticket:
 * picked from the list by kind, or found by typing words of its name or text.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fill, templateKinds, withSignature, type Template, type TemplateVars } from '../../../shared/templates';
import { db } from '../../db/schema';
import { allTemplates } from '../../db/templates';

const MAX_FOUND = 8;

export function TemplatePicker({ vars, onInsert }: { vars: Omit<TemplateVars, 'agent'> & { agent: { name: string } }; onInsert: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const templates = useLiveQuery(() => allTemplates(db), []);
  const [query, setQuery] = useState('');
  if (!templates) return null;
  const lang = i18n.language.startsWith('ru') ? 'ru' : 'en';
  // The agent's language first; the other one stays reachable (a customer may write in it).
  const ordered = [...templates].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));
  const full: TemplateVars = withSignature(vars, ordered.find((x) => x.kind === 'signature')?.body ?? '');
  const insert = (chosen: Template | undefined) => {
    if (!chosen) return;
    onInsert(fill(chosen.body, full));
    setQuery('');
  };
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length ? ordered.filter((x) => words.every((w) => `${x.name} ${x.body}`.toLowerCase().includes(w))).slice(0, MAX_FOUND) : [];
  return (
    <span className="template-picker">
      <select aria-label={t('templates.insert')} value="" onChange={(e) => insert(templates.find((x) => x.id === e.target.value))}>
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
      <input
        type="search"
        aria-label={t('templates.find')}
        placeholder={t('templates.find')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            insert(found[0]);
          }
        }}
      />
      {words.length > 0 && found.length === 0 && (
        <p className="template-found muted" role="status">
          {t('templates.noMatch', { query: query.trim() })}
        </p>
      )}
      {found.length > 0 && (
        <ul className="template-found" role="listbox" aria-label={t('templates.found')}>
          {found.map((x) => (
            <li key={x.id} role="option" aria-selected={false} onClick={() => insert(x)}>
              <strong>{x.name}</strong> <span className="muted">{x.body.slice(0, 80)}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
