/** Ctrl/Cmd+K: every action by name, filtered as the agent types; Enter runs the highlighted one. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import { actions, type ActionContext } from './actions';
import { shown } from './CheatSheet';

export function CommandPalette({ context }: { context: ActionContext }) {
  const { t } = useTranslation();
  const ticketId = useUi((s) => s.ticketId);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const close = () => useUi.getState().setPaletteOpen(false);
  const list = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return actions
      .filter((a) => a.id !== 'palette' && (!a.needsTicket || ticketId))
      .map((a) => ({ action: a, label: t(`keys.${a.id}`) }))
      .filter(({ label, action }) => words.every((w) => label.toLowerCase().includes(w) || action.keys === w));
  }, [query, ticketId, t]);
  const run = (index: number) => {
    const chosen = list[index];
    if (!chosen) return;
    close();
    void chosen.action.run(context);
  };
  return (
    <dialog ref={dialog} className="palette" aria-label={t('keys.palette')} onClose={close}>
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={list[at] ? `palette-${list[at]!.action.id}` : undefined}
        aria-label={t('keys.paletteSearch')}
        placeholder={t('keys.paletteSearch')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setAt((i) => Math.min(i + 1, list.length - 1));
          else if (e.key === 'ArrowUp') setAt((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') run(at);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" aria-label={t('keys.palette')}>
        {list.map(({ action, label }, i) => (
          <li key={action.id} id={`palette-${action.id}`} role="option" aria-selected={i === at} onMouseEnter={() => setAt(i)} onClick={() => run(i)}>
            <span>{label}</span>
            {action.keys && <kbd>{shown(action.keys)}</kbd>}
          </li>
        ))}
        {list.length === 0 && <li className="muted">{t('keys.noMatch')}</li>}
      </ul>
    </dialog>
  );
}
