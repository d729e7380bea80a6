/** The ticket's tags as one comma-separated field; Enter or leaving the field saves a change. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const parseTags = (text: string) => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))].slice(0, 100);

export function TagsControl({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(tags.join(', '));
  const joined = tags.join(', ');
  useEffect(() => setText(joined), [joined]); // by value: a live query hands over a new array each time
  const save = () => {
    const next = parseTags(text);
    if (next.join('\u0000') !== tags.join('\u0000')) void onChange(next);
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
            save();
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
    </label>
  );
}
