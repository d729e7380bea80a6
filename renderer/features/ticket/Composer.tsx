import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** `allowNotes`: the source keeps internal notes (email does not). */
export function Composer({ onSend, allowNotes }: { onSend: (text: string, internal: boolean) => Promise<void>; allowNotes: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const send = async () => {
    if (!text.trim()) return;
    await onSend(text.trim(), internal);
    setText('');
  };
  return (
    <form
      className={`composer ${internal ? 'internal' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        aria-label={internal ? t('ticket.internal') : t('ticket.reply')}
        placeholder={internal ? t('ticket.notePlaceholder') : t('ticket.replyPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      <div className="composer-actions">
        {allowNotes ? (
          <label>
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('ticket.internal')}
          </label>
        ) : (
          <span />
        )}
        <button type="submit" disabled={!text.trim()}>
          {internal ? t('ticket.addNote') : t('ticket.send')}
        </button>
      </div>
    </form>
  );
}
