import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { db } from '../../db/schema';
import { useTranslation } from 'react-i18next';
import { fileSize } from '../../app/format';

export interface ComposerFile {
  name: string;
  type: string;
  base64: string;
  size: number;
}

const MAX_TOTAL_BYTES = 25 * 1024 * 1024;

function readFile(file: File): Promise<ComposerFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, type: file.type, size: file.size, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** `allowNotes`: the source keeps internal notes (email does not). The draft is saved as the agent types. */
export function Composer({ ticketId, onSend, allowNotes }: { ticketId: string; onSend: (text: string, internal: boolean, files: ComposerFile[]) => Promise<void>; allowNotes: boolean }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const textRef = useRef('');
  textRef.current = text;
  const [internal, setInternal] = useState(false);
  const loaded = useRef(false);
  // The saved draft: at start, and when one comes back while the field is empty (an undone reply).
  const draft = useLiveQuery(() => db.drafts.get(ticketId), [ticketId]);
  useEffect(() => {
    if (draft === undefined && !loaded.current) {
      void db.drafts.get(ticketId).then(() => (loaded.current = true));
      return;
    }
    loaded.current = true;
    if (draft && !textRef.current) {
      setText(draft.text);
      setInternal(draft.internal);
    }
  }, [ticketId, draft]);
  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(() => {
      if (text) void db.drafts.put({ ticketId, text, internal, updatedAt: Date.now() });
      // Emptied by hand: the draft goes. Emptied by sending: `send` removed it (an undo may have put it back).
      else if (!sentRef.current) void db.drafts.delete(ticketId);
    }, 300);
    return () => clearTimeout(timer);
  }, [ticketId, text, internal]);
  const [files, setFiles] = useState<ComposerFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const sentRef = useRef(false);
  if (text) sentRef.current = false;
  const send = async () => {
    const body = text.trim();
    if (!body) return;
    // The draft goes before the reply is queued, so an immediate "Undo" finds its text restored, not deleted.
    const attached = internal ? [] : files;
    sentRef.current = true;
    setText('');
    setFiles([]);
    await db.drafts.delete(ticketId);
    try {
      await onSend(body, internal, attached);
    } catch (error) {
      setText(body);
      throw error;
    }
  };
  const attach = async (list: FileList | null) => {
    const added = await Promise.all([...(list ?? [])].map(readFile));
    const all = [...files, ...added];
    if (all.reduce((sum, f) => sum + f.size, 0) > MAX_TOTAL_BYTES) setError(t('ticket.tooBig'));
    else {
      setError(null);
      setFiles(all);
    }
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
      {files.length > 0 && (
        <ul className="attachments" aria-label={t('ticket.attachments')}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              📎 {f.name} <span className="muted">({fileSize(f.size, i18n.language)})</span>{' '}
              <button type="button" className="link" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                {t('ticket.removeFile')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <div className="composer-actions">
        {allowNotes ? (
          <label>
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('ticket.internal')}
          </label>
        ) : (
          <span />
        )}
        {!internal && (
          <label className="attach">
            {t('ticket.attach')}
            <input type="file" multiple onChange={(e) => void attach(e.target.files)} />
          </label>
        )}
        <button type="submit" disabled={!text.trim()}>
          {internal ? t('ticket.addNote') : t('ticket.send')}
        </button>
      </div>
    </form>
  );
}
