/**
 * A keyboard-first list in a dialog: type to filter, arrows to move, Enter to choose, Escape to leave.
 * The command palette (Ctrl/Cmd+K) and the triage pickers (t, p, a, #) are both this.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

export interface FilterItem {
  id: string;
  label: string;
  /** Shown at the right: a key, a count. */
  hint?: string;
}

/** `items(query)`: what to list for the text typed so far (the caller filters, and may add "new: …"). */
/** `loading`: the choices are still being read; an Enter meanwhile chooses as soon as they are there (a quick agent's key is never lost). */
export function FilterDialog({ label, placeholder, items, onChoose, onClose, empty, loading = false }: { label: string; placeholder: string; items: (query: string) => FilterItem[]; onChoose: (item: FilterItem) => void; onClose: () => void; empty: string; loading?: boolean }) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const list = useMemo(() => items(query), [items, query]);
  const choose = (index: number) => {
    const chosen = list[index];
    if (!chosen) return;
    // Closed at once, not at the next render: focus is back on the page before the agent's next key
    // (t, Enter, p in quick succession: the p is the page's, not the closing dialog's field's).
    dialog.current?.close();
    onClose();
    onChoose(chosen);
  };
  const enterWhileLoading = useRef(false);
  useEffect(() => {
    if (loading || !enterWhileLoading.current) return;
    enterWhileLoading.current = false;
    choose(at);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the choices arrive
  }, [loading]);
  const key = (id: string) => `filter-${id.replace(/[^\w-]/g, '_')}`;
  return (
    <dialog ref={dialog} className="palette" aria-label={label} onClose={onClose}>
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="filter-list"
        aria-activedescendant={list[at] ? key(list[at]!.id) : undefined}
        aria-label={placeholder}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setAt((i) => Math.min(i + 1, list.length - 1));
          else if (e.key === 'ArrowUp') setAt((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') {
            if (loading) enterWhileLoading.current = true;
            else choose(at);
          }
          else return;
          e.preventDefault();
        }}
      />
      <ul id="filter-list" role="listbox" aria-label={label}>
        {list.map((item, i) => (
          <li key={item.id} id={key(item.id)} role="option" aria-selected={i === at} onMouseEnter={() => setAt(i)} onClick={() => choose(i)}>
            <span>{item.label}</span>
            {item.hint && <kbd>{item.hint}</kbd>}
          </li>
        ))}
        {list.length === 0 && <li className="muted">{empty}</li>}
      </ul>
    </dialog>
  );
}

/** The items whose label has every word typed (or whose hint is what was typed). */
export function matching(items: readonly FilterItem[], query: string): FilterItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => words.every((w) => item.label.toLowerCase().includes(w) || item.hint === w));
}
