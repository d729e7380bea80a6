/** Settings → Templates: edit the defaults, write new templates and knowledge-base articles. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, type Language } from '../../i18n';
import { placeholders, templateKinds, type Template, type TemplateKind } from '../../../shared/templates';
import { db } from '../../db/schema';
import { allTemplates, deleteTemplate, resetTemplates, saveTemplate } from '../../db/templates';

const blank = (lang: 'en' | 'ru'): Template => ({ id: `own:${crypto.randomUUID()}`, kind: 'solution', lang, name: '', body: '' });

export function TemplatesSection() {
  const { t, i18n } = useTranslation();
  const templates = useLiveQuery(() => allTemplates(db), []);
  const [editing, setEditing] = useState<Template | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [editing?.id]);
  if (!templates) return null;
  const update = (patch: Partial<Template>) => editing && (setEditing({ ...editing, ...patch }), setSaved(false));
  return (
    <fieldset className="templates">
      <legend>{t('templates.title')}</legend>
      <label>
        {t('templates.choose')}
        <select value={editing?.id ?? ''} onChange={(e) => setEditing(templates.find((x) => x.id === e.target.value) ?? null)}>
          <option value="">—</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {t(`templates.kind.${x.kind}`)} · {x.name} ({x.lang})
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setEditing(blank(i18n.language.startsWith('ru') ? 'ru' : 'en'))}>
        {t('templates.add')}
      </button>{' '}
      <button type="button" className="link" onClick={() => void resetTemplates(db).then(() => setEditing(null))}>
        {t('templates.reset')}
      </button>
      {editing && (
        <form
          className="template-editor"
          aria-label={t('templates.editor')}
          onSubmit={(e) => {
            e.preventDefault();
            void saveTemplate(db, editing).then(() => setSaved(true));
          }}
        >
          <label>
            {t('templates.name')}
            <input required value={editing.name} onChange={(e) => update({ name: e.target.value })} />
          </label>
          <label>
            {t('templates.kindLabel')}
            <select value={editing.kind} onChange={(e) => update({ kind: e.target.value as TemplateKind })}>
              {templateKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`templates.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('templates.lang')}
            <select value={editing.lang} onChange={(e) => update({ lang: e.target.value as Language })}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageNames[l]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('templates.body')}
            <textarea rows={6} value={editing.body} onChange={(e) => update({ body: e.target.value })} />
          </label>
          <p className="muted">{t('templates.placeholders', { list: placeholders.map((p) => `{{${p}}}`).join(' ') })}</p>
          <button type="submit">{t('templates.save')}</button>{' '}
          <button type="button" onClick={() => void deleteTemplate(db, editing).then(() => setEditing(null))}>
            {t('templates.delete')}
          </button>
          {saved && <span role="status"> {t('templates.saved')}</span>}
        </form>
      )}
    </fieldset>
  );
}
