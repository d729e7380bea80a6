/**
 * Settings → Macros: the list, an editor (name, own key, the actions as JSON in the documented format),
 * remove, bring back the defaults, and a file to share with the team (export, import — a file that does
 * not match is refused whole, saying where).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Macro } from '../../../shared/macro-file';
import { db } from '../../db/schema';
import { allMacros, deleteMacro, exportMacros, importMacros, resetMacros, saveMacro } from '../../db/macros';

interface Draft {
  id: string;
  name: string;
  key: string;
  actions: string;
}

const draftOf = (m: Macro): Draft => ({ id: m.id, name: m.name, key: m.key ?? '', actions: JSON.stringify(m.actions, null, 2) });

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function MacrosSection() {
  const { t } = useTranslation();
  const macros = useLiveQuery(() => allMacros(db), []);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  if (!macros) return null;
  const save = async (draft: Draft) => {
    let actions: unknown;
    try {
      actions = JSON.parse(draft.actions);
    } catch {
      return setMessage({ text: t('macros.invalid', { problem: 'the actions are not JSON' }), error: true });
    }
    const parsed = Macro.safeParse({ id: draft.id, name: draft.name, actions, ...(draft.key ? { key: draft.key } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return setMessage({ text: t('macros.invalid', { problem: `${issue.path.join('.')}: ${issue.message}` }), error: true });
    }
    await saveMacro(db, parsed.data);
    setEditing(null);
    setMessage(null);
  };
  const load = async (file: File) => {
    const result = await importMacros(db, await file.text());
    setMessage('problem' in result ? { text: result.problem, error: true } : { text: t('macros.imported', { count: result.imported }) });
  };
  return (
    <fieldset className="macros">
      <legend>{t('macros.title')}</legend>
      <p className="muted">{t('macros.hint')}</p>
      <ul>
        {macros.map((m) => (
          <li key={m.id}>
            {m.name} {m.key && <kbd>m {m.key}</kbd>}{' '}
            <button type="button" className="link" onClick={() => setEditing(draftOf(m))}>{t('macros.edit')}</button>{' '}
            <button type="button" className="link" aria-label={`${t('macros.remove')}: ${m.name}`} onClick={() => void deleteMacro(db, m)}>{t('macros.remove')}</button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={() => setEditing({ id: `own:${crypto.randomUUID()}`, name: '', key: '', actions: '[\n  { "type": "setStatus", "status": "solved" }\n]' })}>{t('macros.add')}</button>
        <button type="button" onClick={() => void exportMacros(db).then((json) => download('switchboard-macros.json', json))}>{t('macros.export')}</button>
        <label className="file-button">
          {t('macros.import')}
          <input type="file" accept="application/json,.json" onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void load(file); }} />
        </label>
        <button type="button" className="link" onClick={() => void resetMacros(db)}>{t('macros.reset')}</button>
      </div>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>{message.text}</p>}
      {editing && (
        <form className="macro-editor" aria-label={t('macros.edit')} onSubmit={(e) => { e.preventDefault(); void save(editing); }}>
          <label>
            {t('macros.name')}
            <input required value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
          </label>
          <label>
            {t('macros.key')}
            <input maxLength={1} value={editing.key} onChange={(e) => setEditing({ ...editing, key: e.target.value.toLowerCase() })} />
          </label>
          <label>
            {t('macros.actions')}
            <textarea rows={8} spellCheck={false} value={editing.actions} onChange={(e) => setEditing({ ...editing, actions: e.target.value })} />
          </label>
          <div className="form-actions">
            <button type="submit">{t('macros.save')}</button>
            <button type="button" onClick={() => setEditing(null)}>{t('macros.cancel')}</button>
          </div>
        </form>
      )}
    </fieldset>
  );
}
