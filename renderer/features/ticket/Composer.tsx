import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Message, TicketStatus } from '../../../shared/domain';
import { statusAfterReply } from '../../../shared/apply-op';
import { fill, insertParagraph, unfilled, withSignature, type TemplateVars } from '../../../shared/templates';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { useUi } from '../../stores/ui';
import { allTemplates } from '../../db/templates';
import { useTranslation } from 'react-i18next';
import type { AttachedFile } from '../../../shared/mutation';
import { attached, ready, useAttachments } from './use-attachments';
import { FileName } from './FileName';
import { TemplatePicker } from './TemplatePicker';
import { withoutBidi } from '../../../shared/display-names';
import { threadOf } from '../../db/thread';

/**
 * Customer messages on the ticket that were not there when the draft began: the collision check before
 * sending. Told by id, not by date (a customer's clock can be anything).
 */
async function arrivedSince(ticketId: string, known: ReadonlySet<string>): Promise<Message[]> {
  return threadOf(db, ticketId).filter((m) => m.direction === 'in' && !known.has(m.id)).toArray();
}


/**
 * `allowNotes`: the source keeps internal notes (email does not). The draft is saved as the agent types;
 * before a reply goes, a customer message that arrived since the draft began is shown and the agent asked.
 */
export type ReplyMode = 'reply' | 'replyAll' | 'forward';

export interface Outgoing {
  text: string;
  internal: boolean;
  files: AttachedFile[];
  /** Email only: who it goes to (`forwardTo` for a forward). */
  mode?: ReplyMode;
  forwardTo?: string[];
  /**
   * "Reply and set": the status the agent picked for after this reply, at the source as here. Absent: the
   * one rule (statusAfterReply), applied to the ticket as it is when the reply is queued — a status the
   * agent set while the reply was on its way is not undone by the one shown when Send was pressed.
   */
  status?: TicketStatus;
  /** "Remind me if no answer in N days": the ticket leaves the views and comes back then, or when the customer answers. */
  remindDays?: number;
}

const REMIND_DAYS = [1, 3, 7] as const;

/** `email`: offers reply, reply all and forward (helpdesks keep their own recipients). */
/** `status`: the ticket's now; `statuses`: those its source has (offered for "Reply and set"). */
/** `allowFiles`: the source takes files with a reply. */
export function Composer({ ticketId, onSend, allowNotes, allowFiles, email, vars, status, statuses }: { ticketId: string; onSend: (out: Outgoing) => Promise<void>; allowNotes: boolean; allowFiles: boolean; email: boolean; vars: Omit<TemplateVars, 'agent'> & { agent: { name: string } }; status: TicketStatus; statuses: readonly TicketStatus[] }) {
  const { t, i18n } = useTranslation();
  const { commands } = useApp();
  // What the reply leaves the status at: the one rule (shared/apply-op.ts) unless the agent picks another.
  const [chosenStatus, setChosenStatus] = useState<TicketStatus | null>(null);
  const [remindDays, setRemindDays] = useState(0);
  const [text, setText] = useState('');
  /**
   * The thread's message ids when the draft began (null: no draft yet). A promise, so a reply sent right
   * after the first keystroke is checked against the whole thread, not against ids still being read.
   */
  const known = useRef<Promise<Set<string>> | null>(null);
  const begin = () => {
    known.current ??= threadOf(db, ticketId)
      .primaryKeys()
      .then((ids) => new Set(ids));
  };
  const area = useRef<HTMLTextAreaElement>(null);
  const [collision, setCollision] = useState<Message[] | null>(null);
  const [mode, setMode] = useState<ReplyMode>('reply');
  const [forwardTo, setForwardTo] = useState('');
  const forwardList = forwardTo.split(/[\s,;]+/).filter(Boolean);
  const forwardOk = forwardList.length > 0 && forwardList.every((a) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a));
  const textRef = useRef('');
  textRef.current = text;
  const [internal, setInternal] = useState(false);
  const afterStatus = chosenStatus ?? statusAfterReply(status, internal, statuses);
  const loaded = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const { files, add, remove, replace, size } = useAttachments(setError);
  const readyFiles = files.filter((f) => f.received === f.size);
  const filesKey = readyFiles.map((f) => f.fileId).join();
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
      replace((draft.files ?? []).map((f) => ({ ...f, received: f.size })));
      known.current = draft.known ? Promise.resolve(new Set(draft.known)) : null;
    }
  }, [ticketId, draft, replace]);
  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(() => {
      // A draft from before the check knew nothing keeps knowing nothing (no check), rather than an empty list.
      // Written only if the text is still what is in the field when the ids are known: a reply sent meanwhile
      // deleted the draft, and a late write would bring it back (with the ids of an older thread).
      if (text) {
        void (known.current ?? Promise.resolve(null)).then((ids) => {
          if (textRef.current === text) return commands.saveDraft({ ticketId, text, internal, known: ids ? [...ids] : undefined, ...(readyFiles.length ? { files: attached(readyFiles) } : {}) });
        });
      }
      // Emptied by hand: the draft goes. Emptied by sending: `send` removed it (an undo may have put it back).
      else if (!sentRef.current) void commands.dropDraft(ticketId);
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the files by their ids
  }, [ticketId, text, internal, filesKey]);
  const sentRef = useRef(false);
  if (text) sentRef.current = false;
  const templates = useLiveQuery(() => allTemplates(db), []);
  const send = async (checked = false) => {
    const written = text.trim();
    if (!written) return;
    // Every placeholder filled before anything goes (also one the agent typed); one that cannot be filled
    // stops the reply here, saying which: the customer never receives "{{agent.name}}".
    const lang = i18n.language.startsWith('ru') ? 'ru' : 'en';
    const signature = [...(templates ?? [])].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang)).find((x) => x.kind === 'signature')?.body ?? '';
    const body = fill(written, withSignature(vars, signature));
    const left = unfilled(body);
    if (left.length > 0) {
      setError(t('composer.unfilled', { names: left.join(', ') }));
      return;
    }
    if (!checked && !internal && known.current !== null) {
      const arrived = await arrivedSince(ticketId, await known.current);
      if (arrived.length > 0) return setCollision(arrived);
    }
    setCollision(null);
    known.current = null;
    if (!internal && !ready(files)) return setError(t('composer.stillAttaching'));
    // The draft goes before the reply is queued, so an immediate "Undo" finds its text restored, not deleted.
    const sentFiles = internal || !allowFiles ? [] : attached(files);
    sentRef.current = true;
    setText('');
    replace([]);
    await commands.dropDraft(ticketId);
    try {
      await onSend({ text: body, internal, files: sentFiles, ...(chosenStatus ? { status: chosenStatus } : {}), ...(remindDays && !internal ? { remindDays } : {}), ...(email && !internal ? { mode, ...(mode === 'forward' ? { forwardTo: forwardList } : {}) } : {}) });
      setChosenStatus(null);
      setRemindDays(0);
    } catch (error) {
      setText(body);
      replace(files);
      throw error;
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
      {collision && (
        <div className="collision" role="alert">
          <p>{t('composer.collision', { count: collision.length })}</p>
          <ul>
            {collision.map((m) => (
              <li key={m.id}>
                <strong><bdi>{withoutBidi(m.author.name) || m.author.email}</bdi>:</strong> {m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void send(true)}>
            {t('composer.sendAnyway')}
          </button>{' '}
          <button type="button" onClick={() => { known.current = known.current?.then((ids) => new Set([...ids, ...collision.map((m) => m.id)])) ?? null; setCollision(null); area.current?.focus(); }}>
            {t('composer.keepEditing')}
          </button>
        </div>
      )}
      {email && !internal && (
        <div className="reply-mode">
          <select aria-label={t('composer.mode')} value={mode} onChange={(e) => setMode(e.target.value as ReplyMode)}>
            <option value="reply">{t('composer.reply')}</option>
            <option value="replyAll">{t('composer.replyAll')}</option>
            <option value="forward">{t('composer.forward')}</option>
          </select>
          {mode === 'forward' && (
            <input aria-label={t('composer.forwardTo')} placeholder={t('composer.forwardTo')} value={forwardTo} onChange={(e) => setForwardTo(e.target.value)} />
          )}
        </div>
      )}
      <textarea
        ref={area}
        aria-label={internal ? t('ticket.internal') : t('ticket.reply')}
        placeholder={internal ? t('ticket.notePlaceholder') : t('ticket.replyPlaceholder')}
        value={text}
        onChange={(e) => {
          if (e.target.value) begin();
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      {files.length > 0 && (
        <ul className="attachments" aria-label={t('ticket.attachments')}>
          {files.map((f) => (
            <li key={f.fileId}>
              📎 <FileName name={f.name} /> <span className="muted">({size(f.size)})</span>{' '}
              {f.received < f.size && (
                <progress max={f.size} value={f.received} aria-label={t('composer.attaching', { name: f.name })} />
              )}{' '}
              <button type="button" className="link" onClick={() => remove(f.fileId)}>
                {t('ticket.removeFile')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {internal && email && <p className="muted note-where">{t('composer.emailNote')}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <div className="composer-actions">
        <TemplatePicker
          vars={vars}
          onInsert={(snippet) => {
            // A paragraph of its own at the cursor, the cursor after it.
            const next = insertParagraph(text, area.current?.selectionStart ?? text.length, snippet);
            begin();
            setText(next.text);
            requestAnimationFrame(() => {
              area.current?.focus();
              area.current?.setSelectionRange(next.cursor, next.cursor);
            });
          }}
        />
        <button type="button" aria-keyshortcuts="m" onClick={() => useUi.getState().setPicker('macro')}>
          {t('macros.button')} <kbd>m</kbd>
        </button>
        {allowNotes ? (
          <label>
            <input type="checkbox" className="note-toggle" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> {t('ticket.internal')}
          </label>
        ) : (
          <span />
        )}
        {!internal && allowFiles && (
          <label className="attach">
            {t('ticket.attach')}
            <input type="file" multiple onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }} />
          </label>
        )}
        <label className="reply-status">
          {internal ? t('composer.noteAndSet') : t('composer.replyAndSet')}
          <select value={afterStatus} onChange={(e) => setChosenStatus(e.target.value as TicketStatus)}>
            {/* A reply never makes a ticket new again. */}
            {[...new Set([...statuses.filter((s) => s !== 'new'), afterStatus])].map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {!internal && (
          <label className="remind">
            {t('composer.remind')}
            <select value={remindDays} onChange={(e) => setRemindDays(Number(e.target.value))}>
              <option value={0}>{t('composer.remindNever')}</option>
              {REMIND_DAYS.map((d) => (
                <option key={d} value={d}>
                  {t('composer.remindDays', { count: d })}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" disabled={!text.trim() || (!internal && !ready(files)) || (email && !internal && mode === 'forward' && !forwardOk)}>
          {internal ? t('ticket.addNote') : t('ticket.send')}
        </button>
      </div>
    </form>
  );
}
