/** After closing or solving: offer to send the customer the satisfaction request (a template, editable in Settings). */
import { useTranslation } from 'react-i18next';
import { fill, type TemplateVars } from '../../../shared/templates';
import { db } from '../../db/schema';
import { allTemplates } from '../../db/templates';

export function SatisfactionOffer({ vars, onSend, onDone }: { vars: Omit<TemplateVars, 'agent'> & { agent: { name: string } }; onSend: (text: string) => Promise<void>; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const send = async () => {
    const lang = i18n.language.startsWith('ru') ? 'ru' : 'en';
    const templates = await allTemplates(db);
    const pick = (kind: string) => templates.find((x) => x.kind === kind && x.lang === lang) ?? templates.find((x) => x.kind === kind);
    const request = pick('satisfaction');
    if (!request) return onDone();
    const base = { ...vars, agent: { name: vars.agent.name, signature: '' } };
    const signature = fill(pick('signature')?.body ?? '', base);
    await onSend(fill(request.body, { ...vars, agent: { name: vars.agent.name, signature } }));
    onDone();
  };
  return (
    <div className="satisfaction-offer" role="region" aria-label={t('satisfaction.title')}>
      <span>{t('satisfaction.ask', { name: vars.customer.name || vars.customer.email })}</span>{' '}
      <button type="button" onClick={() => void send()}>
        {t('satisfaction.send')}
      </button>{' '}
      <button type="button" className="link" onClick={onDone}>
        {t('satisfaction.skip')}
      </button>
    </div>
  );
}
