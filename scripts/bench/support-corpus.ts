/**
 * Realistic English and Russian support conversations for the search benchmark, deterministic per
 * ticket number: the demo workspace's requests and replies, plus product and error details, order
 * numbers, quoted history, signatures and internal notes, so the vocabulary grows as real mail's does.
 */
import { corpus, emailFor, type Lang, type TopicName } from '../../main/connectors/demo/corpus';
import { seededRandom } from '../../shared/random';
import type { Message } from '../../shared/domain';

export interface BenchPerson {
  name: string;
  email: string;
}

export interface BenchTicket {
  n: number;
  lang: Lang;
  subject: string;
  customer: BenchPerson & { id: string; organization: string | null; vip: boolean };
  status: 'new' | 'open' | 'pending' | 'on-hold' | 'solved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  createdAt: number;
  updatedAt: number;
  messages: Array<{ text: string; internal: boolean; author: BenchPerson; direction: 'in' | 'out'; createdAt: number; attachments: Array<{ name: string }> }>;
}

const topics: TopicName[] = ['billing', 'login', 'delivery', 'outage', 'refund'];
const first = {
  en: ['Olivia', 'James', 'Emma', 'Liam', 'Ava', 'Noah', 'Mia', 'Lucas', 'Sophia', 'Ethan', 'Isabella', 'Mason', 'Charlotte', 'Logan', 'Amelia', 'Henry', 'Harper', 'Jack', 'Evelyn', 'Leo', 'Grace', 'Daniel', 'Chloe', 'Ryan', 'Zoe', 'Owen', 'Lily', 'Caleb', 'Nora', 'Isaac'],
  ru: ['Анна', 'Иван', 'Екатерина', 'Сергей', 'Ольга', 'Алексей', 'Наталья', 'Павел', 'Татьяна', 'Михаил', 'Юлия', 'Андрей', 'Елена', 'Дмитрий', 'Ирина', 'Артём', 'Мария', 'Никита', 'Светлана', 'Роман', 'Дарья', 'Кирилл', 'Полина', 'Глеб', 'Вера', 'Фёдор', 'Алиса', 'Тимур', 'Ксения', 'Степан'],
};
const last = {
  en: ['Bennett', 'Carter', 'Dawson', 'Foster', 'Grant', 'Hughes', 'Jensen', 'Kim', 'Lopez', 'Murphy', 'Novak', 'Patel', 'Quinn', 'Reyes', 'Shaw', 'Turner', 'Vance', 'Walsh', 'Young', 'Zimmerman', 'Holloway', 'Okafor', 'Brooks', 'Mercer', 'Ellis', 'Fischer', 'Garcia', 'Harris', 'Ivanova', 'Jordan'],
  ru: ['Смирнов', 'Петров', 'Волков', 'Кузнецов', 'Новиков', 'Морозов', 'Лебедев', 'Козлов', 'Орлов', 'Фёдоров', 'Егоров', 'Никитин', 'Павлов', 'Семёнов', 'Захаров', 'Белов', 'Соколов', 'Попов', 'Васильев', 'Зайцев', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв', 'Медведев', 'Ершов', 'Тихонов', 'Крылов', 'Жуков', 'Гончаров'],
};
const orgWords = ['North', 'Blue', 'Acme', 'Helio', 'Pine', 'Silver', 'Rapid', 'Urban', 'Nova', 'Green', 'Iron', 'Polar', 'Solar', 'Vector', 'Delta', 'Prime', 'Cedar', 'Harbor', 'Summit', 'Falcon'];
const orgKinds = ['wind', 'soft', 'logistics', 'labs', 'retail', 'media', 'clinic', 'foods', 'systems', 'works'];
const features = {
  en: ['billing page', 'export to CSV', 'mobile app', 'dashboard', 'invoice PDF', 'password reset', 'two-factor login', 'team settings', 'API keys', 'webhooks', 'order history', 'shipping label', 'tracking page', 'discount code', 'checkout', 'calendar sync', 'search filter', 'report builder', 'user import', 'single sign-on'],
  ru: ['страница оплаты', 'выгрузка в Excel', 'мобильное приложение', 'личный кабинет', 'счёт в PDF', 'восстановление пароля', 'двухфакторный вход', 'настройки команды', 'ключи API', 'история заказов', 'трек-номер', 'промокод', 'корзина', 'синхронизация календаря', 'фильтр поиска', 'конструктор отчётов', 'импорт пользователей', 'уведомления', 'тариф', 'договор'],
};
const devices = { en: ['iPhone', 'Android phone', 'Windows laptop', 'MacBook', 'Chrome', 'Firefox', 'iPad', 'Safari'], ru: ['айфоне', 'андроиде', 'ноутбуке', 'макбуке', 'браузере Chrome', 'планшете', 'рабочем компьютере', 'Яндекс Браузере'] };
const details = {
  en: [
    'The {feature} on my {device} shows error {code} since {day}.',
    'I tried again this morning and the {feature} still fails with code {code}.',
    'Order {order} was placed on {day}; the {feature} does not show it.',
    'My colleague sees the same problem with the {feature}, so it is not just my {device}.',
    'Could you please escalate this? We have a deadline and the {feature} is blocking us.',
    'Screenshot attached. The error {code} appears right after I open the {feature}.',
  ],
  ru: [
    'На {device} раздел «{feature}» выдаёт ошибку {code} с {day}.',
    'Попробовал ещё раз утром — «{feature}» по-прежнему не работает, код {code}.',
    'Заказ {order} оформлен {day}, но в разделе «{feature}» его нет.',
    'У коллеги та же проблема с разделом «{feature}», значит дело не в моём {device}.',
    'Передайте, пожалуйста, выше: у нас сроки, а «{feature}» нас тормозит.',
    'Скриншот во вложении. Ошибка {code} появляется сразу после открытия раздела «{feature}».',
  ],
};
const days = { en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'the weekend', 'yesterday'], ru: ['понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'выходных', 'вчерашнего дня'] };
const signatures = { en: ['Best regards,\n{agent}\nCustomer Support', 'Kind regards,\n{agent}\nSupport team'], ru: ['С уважением,\n{agent}\nСлужба поддержки', 'Всего доброго,\n{agent}\nОтдел поддержки клиентов'] };
const agents = { en: ['Maria Lopez', 'Tom Fischer', 'Priya Shah'], ru: ['Ольга Ким', 'Денис Орлов', 'Марина Белова'] };
const statuses = ['new', 'open', 'open', 'pending', 'on-hold', 'solved', 'solved', 'closed'] as const;
const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
const DAY = 86_400_000;
export const CORPUS_NOW = Date.UTC(2026, 10, 1);

/** About one customer per five tickets: customers write more than once. */
function customerOf(n: number, lang: Lang): BenchTicket['customer'] {
  const k = Math.floor(n / 5);
  const r = seededRandom(k * 31 + 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const name = `${pick(first[lang])} ${pick(last[lang])}`;
  const org = `${pick(orgWords)}${pick(orgKinds)}`;
  const domain = `${org.toLowerCase()}${k % 97}.${lang === 'ru' ? 'ru' : 'com'}`;
  return { id: `c${k}`, name, email: emailFor(`${name} ${k}`, domain), organization: r() < 0.6 ? org : null, vip: r() < 0.03 };
}

export function benchTicket(n: number): BenchTicket {
  const r = seededRandom(n * 7919 + 13);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const lang: Lang = r() < 0.45 ? 'ru' : 'en';
  const topic = corpus[lang][pick(topics)];
  const s = Math.floor(r() * topic.subjects.length);
  const order = `${lang === 'ru' ? 'Р' : 'A'}-${100000 + Math.floor(r() * 900000)}`;
  const fill = (text: string) =>
    text
      .replace(/\{order\}/g, order)
      .replace(/\{amount\}/g, lang === 'ru' ? `${1000 + Math.floor(r() * 50000)} ₽` : `$${10 + Math.floor(r() * 900)}.${Math.floor(r() * 90) + 10}`)
      .replace(/\{date\}/g, new Date(CORPUS_NOW - Math.floor(r() * 400) * DAY).toISOString().slice(0, 10))
      .replace(/\{feature\}/g, () => pick(features[lang]))
      .replace(/\{device\}/g, () => pick(devices[lang]))
      .replace(/\{code\}/g, () => `E${Math.floor(r() * 9000) + 1000}`)
      .replace(/\{day\}/g, () => pick(days[lang]));
  const customer = customerOf(n, lang);
  const agentName = pick(agents[lang]);
  const agent = { name: agentName, email: emailFor(agentName, 'switchboard.example') };
  const createdAt = CORPUS_NOW - Math.floor(r() * 720) * DAY - Math.floor(r() * DAY);
  const count = 1 + Math.floor(r() * 5);
  const messages: BenchTicket['messages'] = [];
  let previous = '';
  for (let m = 0; m < count; m++) {
    const at = createdAt + m * Math.floor(r() * DAY + 3_600_000);
    const fromCustomer = m % 2 === 0;
    const note = !fromCustomer && m >= 3 && r() < 0.4;
    let text: string;
    if (m === 0) text = [fill(topic.opening[s]!), ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => fill(pick(details[lang])))].join(' ');
    else if (note) text = fill(pick(topic.notes));
    else if (fromCustomer) text = `${fill(pick(topic.followUps))} ${fill(pick(details[lang]))}`;
    else text = `${fill(pick(topic.agentReplies))}\n\n-- \n${pick(signatures[lang]).replace('{agent}', agentName)}`;
    // Half the replies carry the previous message quoted, as mail clients do.
    if (m > 0 && !note && r() < 0.5) text += `\n\n${lang === 'ru' ? `${new Date(at).toISOString().slice(0, 10)}, ${customer.name} пишет:` : `On ${new Date(at).toUTCString()}, ${customer.name} wrote:`}\n${previous.split('\n').map((l) => `> ${l}`).join('\n')}`;
    const attachments = r() < 0.15 ? [{ name: pick(['screenshot.png', 'invoice.pdf', 'счёт.pdf', 'error-log.txt', 'скриншот.jpg', 'receipt.pdf']) }] : [];
    messages.push({ text, internal: note, author: fromCustomer ? customer : agent, direction: fromCustomer ? 'in' : 'out', createdAt: at, attachments });
    if (!note) previous = text;
  }
  return {
    n, lang, subject: `${topic.subjects[s]!}${r() < 0.3 ? ` (${order})` : ''}`, customer,
    status: pick(statuses), priority: pick(priorities), tags: r() < 0.4 ? [pick(['billing', 'vip', 'bug', 'refund', 'доставка', 'escalated'])] : [],
    createdAt, updatedAt: messages[messages.length - 1]!.createdAt, messages,
  };
}

/** The searchable text of a ticket as one string, for engines that index plain documents. */
export function plainText(t: BenchTicket): string {
  return [t.subject, t.customer.name, t.customer.email, t.customer.organization ?? '', ...t.messages.flatMap((m) => [m.author.name, m.text, ...m.attachments.map((a) => a.name)])].join('\n');
}

/** A bench ticket's messages as the cache holds them. */
export function cachedMessages(t: BenchTicket, ticketId: string, accountId: string): Message[] {
  return t.messages.map((m, i) => ({
    id: `${ticketId}:${i}`, ticketId, accountId, author: m.author, direction: m.direction, internal: m.internal,
    createdAt: m.createdAt, text: m.text, attachments: m.attachments.map((a, k) => ({ id: `a${k}`, name: a.name, size: 1000, type: 'application/octet-stream' })),
  }));
}
