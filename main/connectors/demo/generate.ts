/**
 * Builds the demo workspace: about 200 tickets in English and Russian, deterministic for a given anchor
 * time, so the demo "server" can be rebuilt identically on every start.
 */
import type { Agent, Attachment, Customer, Message, Priority, Team, Ticket, TicketStatus } from '../../../shared/domain';
import { DEMO_LINES } from '../../../shared/support-lines';
import { localId } from '../../../shared/domain';
import { seededRandom as rng } from '../../../shared/random';
import { corpus, emailFor, people, type Lang, type TopicName } from './corpus';
import { targetsFromDue } from '../../../shared/sla/due';

export const DEMO_ACCOUNT_ID = 'demo';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface DemoData {
  agents: Agent[];
  /** The teams: the topics' own, and the higher support lines tickets are escalated to. */
  teams: Team[];
  customers: Customer[];
  tickets: Ticket[];
  messages: Map<string, Message[]>;
}


function weighted<T>(random: () => number, options: [T, number][]): T {
  let r = random() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return options[options.length - 1]![0];
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export const demoAgents: Agent[] = [
  { id: 'demo:agent-1', accountId: DEMO_ACCOUNT_ID, name: 'Alex Morgan', email: 'alex@support.example.com' },
  { id: 'demo:agent-2', accountId: DEMO_ACCOUNT_ID, name: 'Мария Иванова', email: 'maria@support.example.com' },
  { id: 'demo:agent-3', accountId: DEMO_ACCOUNT_ID, name: 'Sam Lee', email: 'sam@support.example.com' },
  { id: 'demo:agent-4', accountId: DEMO_ACCOUNT_ID, name: 'Дмитрий Соколов', email: 'dmitry@support.example.com' },
];
/** The agent the demo signs in as. */
export const demoMe = demoAgents[0]!;

const slaTargetMs: Record<Priority, number> = { urgent: HOUR, high: 4 * HOUR, normal: 8 * HOUR, low: 24 * HOUR };

function makeCustomers(random: () => number): (Customer & { lang: Lang })[] {
  const all: (Customer & { lang: Lang })[] = [];
  for (const lang of ['en', 'ru'] as const) {
    const { names, organizations, domain } = people[lang];
    names.forEach((name, i) => {
      const organization = random() < 0.6 ? pick(random, organizations) : null;
      all.push({
        id: `${DEMO_ACCOUNT_ID}:c-${lang}-${i}`,
        accountId: DEMO_ACCOUNT_ID,
        name,
        email: emailFor(name, domain),
        organization,
        vip: false,
        lang,
      });
    });
  }
  // Several VIPs, spread across both languages.
  for (const i of [0, 5, 11, 24, 29, 35]) all[i]!.vip = true;
  return all;
}

interface Blanks {
  order: string;
  amount: string;
  date: string;
}

/** One ticket's order number, amount and date, so its subject and its messages tell the same story. */
function blanksFor(random: () => number, createdAt: number, lang: Lang): Blanks {
  const date = new Date(createdAt - Math.floor(random() * 5) * DAY);
  return {
    order: `#${40_000 + Math.floor(random() * 9_999)}`,
    amount: lang === 'ru' ? `${(1 + Math.floor(random() * 90)) * 100} ₽` : `€${(5 + Math.floor(random() * 190)).toFixed(2)}`,
    date: date.toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long' }),
  };
}

const fill = (text: string, blanks: Blanks): string =>
  text.replaceAll('{order}', blanks.order).replaceAll('{amount}', blanks.amount).replaceAll('{date}', blanks.date);

const attachmentsFor = (random: () => number, id: string, lang: Lang): Attachment[] =>
  random() < 0.12
    ? [
        {
          id: `${id}:a1`,
          name: pick(random, lang === 'ru' ? ['скриншот.png', 'счёт.pdf'] : ['screenshot.png', 'invoice.pdf']),
          size: 20_000 + Math.floor(random() * 900_000),
          type: random() < 0.5 ? 'image/png' : 'application/pdf',
        },
      ]
    : [];

const statusWeights: [TicketStatus, number][] = [
  ['new', 20], ['open', 35], ['pending', 15], ['on-hold', 5], ['solved', 15], ['closed', 10],
];
const priorityWeights: [Priority, number][] = [['low', 15], ['normal', 50], ['high', 25], ['urgent', 10]];
const topics: TopicName[] = ['billing', 'login', 'delivery', 'outage', 'refund'];
/** The team each topic goes to, as a helpdesk files tickets under groups. */
const teams: Record<TopicName, string> = { billing: 'Billing', refund: 'Billing', login: 'Technical', outage: 'Technical', delivery: 'Logistics' };

/** The demo workspace as it stands at `anchor` (epoch ms). Same anchor, same data. */
export function generateDemo(anchor: number, count = 200): DemoData {
  const random = rng(20261122);
  // Ratings from their own sequence, so adding them left the rest of the demo as it was.
  const ratings = rng(7);
  const customers = makeCustomers(random);
  const tickets: Ticket[] = [];
  const messages = new Map<string, Message[]>();

  for (let i = 0; i < count; i++) {
    const customer = pick(random, customers);
    const { lang } = customer;
    const topicName = pick(random, topics);
    const topic = corpus[lang][topicName];
    const variant = Math.floor(random() * topic.subjects.length);
    const status = weighted(random, statusWeights);
    const priority = weighted(random, priorityWeights);
    const remoteId = String(1001 + i);
    const id = localId(DEMO_ACCOUNT_ID, remoteId);
    const open = status !== 'solved' && status !== 'closed';

    // Every SLA state is represented among open tickets: breached, at risk, comfortably ok.
    const slaRoll = random();
    const slaDueAt = !open || status === 'pending' ? null
      : slaRoll < 0.18 ? anchor - (10 * MIN + Math.floor(random() * 2 * DAY))
      : slaRoll < 0.36 ? anchor + 3 * MIN + Math.floor(random() * 25 * MIN)
      : anchor + HOUR + Math.floor(random() * 3 * DAY);
    const createdAt = slaDueAt !== null
      ? Math.min(slaDueAt - slaTargetMs[priority], anchor - 5 * MIN)
      : anchor - Math.floor(random() * 14 * DAY) - HOUR;

    const blanks = blanksFor(random, createdAt, lang);
    const length = status === 'new' ? 1 : 2 + Math.floor(random() * 5);
    const thread: Message[] = [];
    let at = createdAt;
    const assignee = status === 'new' && random() < 0.7 ? null : pick(random, demoAgents);
    for (let k = 0; k < length; k++) {
      const fromCustomer = k === 0 || (k % 2 === 0 && random() < 0.8);
      const internal = !fromCustomer && k > 1 && random() < 0.25;
      const agent = assignee ?? demoMe;
      const body = k === 0 ? topic.opening[variant]!
        : internal ? pick(random, topic.notes)
        : fromCustomer ? pick(random, topic.followUps)
        : pick(random, topic.agentReplies);
      const messageId = `${id}:m${k + 1}`;
      thread.push({
        id: messageId,
        ticketId: id,
        accountId: DEMO_ACCOUNT_ID,
        author: fromCustomer ? { name: customer.name, email: customer.email } : { name: agent.name, email: agent.email },
        direction: fromCustomer ? 'in' : 'out',
        internal,
        createdAt: at,
        text: fill(body, blanks),
        attachments: fromCustomer ? attachmentsFor(random, messageId, lang) : [],
      });
      at = Math.min(at + 20 * MIN + Math.floor(random() * 6 * HOUR), anchor - MIN);
    }
    const firstReply = thread.find((m) => m.direction === 'out' && !m.internal);
    // Most solved tickets get a survey answer, mostly good.
    const rating = ratings();
    const satisfaction = open || rating > 0.7 ? undefined : rating < 0.6 ? 'good' : 'bad';
    const last = thread[thread.length - 1]!;
    tickets.push({
      id,
      accountId: DEMO_ACCOUNT_ID,
      remoteId,
      subject: fill(topic.subjects[variant]!, blanks),
      status,
      sourceStatus: status,
      priority,
      channel: weighted(random, [['email', 60], ['web', 20], ['chat', 12], ['phone', 8]]),
      customerId: customer.id,
      assigneeId: assignee?.id ?? null,
      tags: [topicName, ...(customer.vip ? ['vip'] : []), lang === 'ru' ? 'lang-ru' : 'lang-en'],
      createdAt,
      updatedAt: last.createdAt,
      firstResponseAt: firstReply?.createdAt ?? null,
      // The due time is the first answer's until it is given, then the resolution's.
      ...targetsFromDue(firstReply ? { resolution: slaDueAt } : { firstResponse: slaDueAt }, { firstResponseAt: firstReply?.createdAt ?? null }),
      preview: last.text.slice(0, 140),
      messageCount: thread.length,
      version: '0',
      team: teams[topicName],
      ...(satisfaction ? { satisfaction } : {}),
    });
    messages.set(id, thread);
  }
  return {
    agents: demoAgents,
    teams: [...new Set([...Object.values(teams), ...Object.values(DEMO_LINES)])].map((name) => ({ id: `${DEMO_ACCOUNT_ID}:team:${name}`, accountId: DEMO_ACCOUNT_ID, name })),
    customers: customers.map(({ lang: _lang, ...c }) => c),
    tickets,
    messages,
  };
}
