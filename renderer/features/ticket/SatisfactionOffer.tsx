/**
 * After solving or closing: offer to send the customer the satisfaction request (a template, editable in
 * Settings) in their language — the one their messages are written in, or the agent's choice. It goes as a
 * reply that keeps the ticket's status (the source does not reopen it for this), with undo like any reply.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fill, unfilled, withSignature, type TemplateVars } from '../../../shared/templates';
import { db } from '../../db/schema';
import { allTemplates } from '../../db/templates';

type Vars = Omit<TemplateVars, 'agent'> & { agent: { name: string } };

/** `onEdit`: a request that cannot go as it is (a placeholder left) goes to the reply box instead, to finish there. */
export function SatisfactionOffer({ vars, language, onSend, onEdit, onDone }: { vars: Vars; language: 'en' | 'ru'; onSend: (text: string) => Promise<void>; onEdit: (text: string) => Promise<void>; onDone: () => void }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState(language);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    const templates = await allTemplates(db);
    const pick = (kind: string) => templates.find((x) => x.kind === kind && x.lang === lang) ?? templates.find((x) => x.kind === kind);
    const request = pick('satisfaction');
    if (!request) return onDone();
    const text = fill(request.body, withSignature(vars, pick('signature')?.body ?? ''));
    // As any reply: a placeholder that cannot be filled (the customer's name unknown) is not sent.
    const left = unfilled(text);
    if (left.length > 0) {
      await onEdit(text);
      return setError(t('satisfaction.unfilled', { names: left.join(', ') }));
    }
    await onSend(text);
    onDone();
  };
  return (
    <div className="satisfaction-offer" role="region" aria-label={t('satisfaction.title')}>
      <span>{t('satisfaction.ask', { name: vars.customer.name || vars.customer.email })}</span>{' '}
      <select aria-label={t('satisfaction.language')} value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'ru')}>
        <option value="en">English</option>
        <option value="ru">Русский</option>
      </select>{' '}
      <button type="button" onClick={() => void send()}>
        {t('satisfaction.send')}
      </button>{' '}
      <button type="button" className="link" onClick={onDone}>
        {t('satisfaction.skip')}
      </button>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
