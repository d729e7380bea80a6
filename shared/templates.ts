/**
 * Reply templates, built the way support answers are: greeting, apology, solution, thanks, signature; for
 * incidents, what caused it, what was done, whether it is fully solved, how to avoid it; and the
 * satisfaction request sent on closing. Placeholders like {{customer.firstName}} are filled from the
 * ticket; one the ticket cannot fill stays visible, so the agent sees what to write there — and a reply
 * that still has one is not sent (`unfilled`): the customer never receives "{{agent.name}}".
 */
export const templateKinds = [
  'greeting', 'apology', 'solution', 'thanks', 'signature',
  'incidentCause', 'incidentActions', 'incidentStatus', 'incidentPrevention',
  'satisfaction', 'article',
] as const;
export type TemplateKind = (typeof templateKinds)[number];

export interface Template {
  id: string;
  kind: TemplateKind;
  lang: 'en' | 'ru';
  name: string;
  body: string;
}

export interface TemplateVars {
  customer: { name: string; email: string };
  ticket: { id: string; subject: string };
  agent: { name: string; signature: string };
}

export const placeholders = ['customer.firstName', 'customer.name', 'customer.email', 'ticket.id', 'ticket.subject', 'agent.name', 'agent.signature'] as const;

/** A customer's name fit to greet them by: an address (all some sources know) is no name. */
const personName = (name: string) => (name.includes('@') ? '' : name.trim());

export function fill(body: string, vars: TemplateVars): string {
  const name = personName(vars.customer.name);
  const values: Record<string, string> = {
    'customer.firstName': name.split(/\s+/)[0] ?? '',
    'customer.name': name,
    'customer.email': vars.customer.email,
    'ticket.id': vars.ticket.id,
    'ticket.subject': vars.ticket.subject,
    'agent.name': vars.agent.name,
    'agent.signature': vars.agent.signature,
  };
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => (values[key] ? values[key]! : whole));
}

/** Placeholders left in a text, each once, as written ("{{agent.name}}"): a reply with any is not sent. */
export function unfilled(text: string): string[] {
  return [...new Set(text.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? [])];
}

/** The signature template filled in, for {{agent.signature}}. */
export function withSignature(vars: Omit<TemplateVars, 'agent'> & { agent: { name: string } }, signature: string): TemplateVars {
  return { ...vars, agent: { name: vars.agent.name, signature: fill(signature, { ...vars, agent: { name: vars.agent.name, signature: '' } }) } };
}

/**
 * The language a customer writes in, for what is sent to them unasked (the satisfaction request): Russian
 * when their messages are mostly Cyrillic letters, else English. `texts`: what the customer wrote.
 */
export function languageOf(texts: readonly string[]): 'en' | 'ru' {
  const letters = texts.join(' ');
  const cyrillic = letters.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  const latin = letters.match(/[A-Za-z]/g)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

/** A snippet added to a draft: at the cursor, as a paragraph of its own (a blank line before and after). */
export function insertParagraph(text: string, at: number, snippet: string): { text: string; cursor: number } {
  const before = text.slice(0, at).replace(/[ \t]+$/, '');
  const after = text.slice(at).replace(/^[ \t]+/, '');
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const tail = after === '' ? '' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const next = before + lead + snippet + tail + after;
  return { text: next, cursor: (before + lead + snippet).length };
}

const t = (id: string, kind: TemplateKind, lang: 'en' | 'ru', name: string, body: string): Template => ({ id: `default:${id}:${lang}`, kind, lang, name, body });

/** The set every workspace starts with; the agent edits them (an edited one is kept under the same id). */
export const defaultTemplates: Template[] = [
  t('greeting', 'greeting', 'en', 'Greeting', 'Hello {{customer.firstName}},\n\nThank you for contacting us about "{{ticket.subject}}".'),
  t('apology', 'apology', 'en', 'Apology', 'I am sorry for the trouble this has caused you.'),
  t('solution', 'solution', 'en', 'Solution', 'Here is how to solve it:\n\n1. \n2. \n\nIf anything is still not working, just reply to this message (ticket #{{ticket.id}}).'),
  t('thanks', 'thanks', 'en', 'Thanks', 'Thank you for your patience.'),
  t('signature', 'signature', 'en', 'Signature', 'Best regards,\n{{agent.name}}'),
  t('cause', 'incidentCause', 'en', 'Incident: what caused it', 'What happened: '),
  t('actions', 'incidentActions', 'en', 'Incident: what we did', 'What we did: '),
  t('status', 'incidentStatus', 'en', 'Incident: is it fully solved', 'The problem is fully solved now; nothing more is needed on your side.'),
  t('prevention', 'incidentPrevention', 'en', 'Incident: how to avoid it', 'To keep it from happening again, we '),
  t('satisfaction', 'satisfaction', 'en', 'Satisfaction request', 'Hello {{customer.firstName}},\n\nWe have closed ticket #{{ticket.id}}. How did we do? Reply with "good" or "bad" and a few words — every answer is read.\n\n{{agent.signature}}'),
  t('greeting', 'greeting', 'ru', 'Приветствие', 'Здравствуйте, {{customer.firstName}}!\n\nСпасибо, что написали нам по поводу «{{ticket.subject}}».'),
  t('apology', 'apology', 'ru', 'Извинение', 'Приносим извинения за доставленные неудобства.'),
  t('solution', 'solution', 'ru', 'Решение', 'Чтобы решить вопрос:\n\n1. \n2. \n\nЕсли что-то не получится, просто ответьте на это письмо (обращение №{{ticket.id}}).'),
  t('thanks', 'thanks', 'ru', 'Благодарность', 'Спасибо за терпение.'),
  t('signature', 'signature', 'ru', 'Подпись', 'С уважением,\n{{agent.name}}'),
  t('cause', 'incidentCause', 'ru', 'Инцидент: причина', 'Что произошло: '),
  t('actions', 'incidentActions', 'ru', 'Инцидент: что сделано', 'Что мы сделали: '),
  t('status', 'incidentStatus', 'ru', 'Инцидент: решено ли полностью', 'Проблема полностью устранена, с вашей стороны ничего делать не нужно.'),
  t('prevention', 'incidentPrevention', 'ru', 'Инцидент: как избежать', 'Чтобы это не повторилось, мы '),
  t('satisfaction', 'satisfaction', 'ru', 'Запрос оценки', 'Здравствуйте, {{customer.firstName}}!\n\nМы закрыли обращение №{{ticket.id}}. Как мы справились? Ответьте «хорошо» или «плохо» и пару слов — мы читаем каждый ответ.\n\n{{agent.signature}}'),
];

/** The defaults with the agent's edits over them, and the agent's own; `deleted` hides a default. */
export function mergeTemplates(saved: ReadonlyArray<Template & { deleted?: boolean }>): Template[] {
  const byId = new Map<string, Template & { deleted?: boolean }>(defaultTemplates.map((d) => [d.id, d]));
  for (const s of saved) byId.set(s.id, s);
  return [...byId.values()].filter((x) => !x.deleted);
}
