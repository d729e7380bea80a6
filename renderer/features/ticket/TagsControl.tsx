/** The ticket's tags as one comma-separated field; Enter or leaving the field saves a change. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const parseTags = (text: string) => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))].slice(0, 100);

export function TagsControl({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(tags.join(', '));
  const joined = tags.join(', ');
  // What was last sent: the ticket's tags follow a moment later (a live query), and until then a second
  // save of the same value (Enter, then the blur it causes) must not queue the change twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    setText(joined);
    sent.current = null;
  }, [joined]); // by value: a live query hands over a new array each time
  const save = () => {
    const next = parseTags(text);
    const key = next.join('\u0000');
    if (key === tags.join('\u0000') || key === sent.current) return;
    sent.current = key;
    void onChange(next);
  };
  return (
    <label className="tags">
      {t('tags.label')}
      <input
        value={text}
        placeholder={t('tags.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            (e.target as HTMLInputElement).blur(); // saves, once (onBlur)
          }
        }}
      />
    </label>
  );
}
