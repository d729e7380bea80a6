import { describe, expect, it } from 'vitest';
import { analyze, type DocInput } from '../../../shared/search/analyze';
import { SearchIndex } from '../../../shared/search/engine';
import type { SearchContext } from '../../../shared/search/evaluate';
import { parseQuery } from '../../../shared/search/query';

const NOW = Date.UTC(2026, 10, 22, 12);
const DAY = 86_400_000;

function doc(id: string, subject: string, body: string, extra: Partial<DocInput> = {}): DocInput {
  const customer = extra.customer ?? { name: 'Customer ' + id, email: `${id}@example.test`, organization: null };
  return {
    ticketId: id,
    accountId: 'acc-mail',
    subject,
    status: 'open',
    priority: 'normal',
    channel: 'email',
    assigneeId: null,
    tags: [],
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - DAY,
    slaDueAt: null,
    unread: false,
    vip: false,
    customer,
    messages: [{ text: body, internal: false, author: customer, attachments: [] }],
    ...extra,
  };
}

/** A fixed corpus: each query below names the tickets it must find, best first where order matters. */
const corpus: DocInput[] = [
  doc('t1', 'Оплата не прошла', 'Добрый день! Пытался оплатить заказ 4512 картой, деньги списались.', {
    vip: true,
    customer: { name: 'Анна Петрова', email: 'anna@bigbank.ru', organization: 'Bigbank' },
    messages: [{ text: 'Деньги списались, а заказ не оплачен.', internal: false, author: { name: 'Анна Петрова', email: 'anna@bigbank.ru' }, attachments: [{ name: 'чек.pdf' }] }],
  }),
  doc('t2', 'Вопрос по доставке', 'Как можно изменить адрес? Оплатой займусь позже.', { customer: { name: 'Иван', email: 'ivan@mail.example', organization: null } }),
  doc('t3', 'Refund for order 991', 'I was charged twice for my order. Please refund the duplicate payment.', {
    status: 'pending',
    tags: ['refund', 'billing'],
    assigneeId: 'agent-me',
    customer: { name: 'Bob Stone', email: 'bob@acme.com', organization: 'Acme' },
    messages: [
      { text: 'I was charged twice for my order.\n\nOn Mon, Anna wrote:\n> shipping update', internal: false, author: { name: 'Bob Stone', email: 'bob@acme.com' }, to: [{ name: 'Support', email: 'help@switchboard.test' }], attachments: [] },
      { text: 'Checked the ledger, refund is due.', internal: true, author: { name: 'Me', email: 'me@switchboard.test' }, attachments: [] },
    ],
  }),
  doc('t4', 'Shipping delayed', 'My parcel has not shipped yet. Where is it?', { updatedAt: NOW - 200 * DAY, createdAt: NOW - 210 * DAY, customer: { name: 'Carla', email: 'carla@acme.com', organization: 'Acme' } }),
  doc('t5', 'Payment refunded?', 'Has my refund been processed? Crédit card ending 4242.', { status: 'closed', slaDueAt: NOW - DAY, updatedAt: NOW - 2 * DAY }),
  doc('t6', 'Shipping question', 'Is shipping free for refund returns?', { slaDueAt: NOW - 3600_000, unread: true, flagged: true }),
];

const context: SearchContext = {
  now: NOW,
  me: new Set(['agent-me']),
  assignees: (v) => new Set(['agent-me', 'agent-bob'].filter((id) => id.includes(v))),
  accounts: (v) => new Set(['acc-mail', 'acc-rt'].filter((id) => id.includes(v))),
};

function build(compact: boolean): SearchIndex {
  const index = new SearchIndex();
  corpus.forEach((d) => index.add(analyze(d)));
  if (compact) index.compact();
  return index;
}

function ids(index: SearchIndex, q: string): string[] {
  const parsed = parseQuery(q, NOW);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return index.search(parsed.query, context).hits.map((h) => h.ticketId);
}

const sorted = (a: string[]) => [...a].sort();

describe.each([false, true])('search index (compacted: %s)', (compacted) => {
  const index = build(compacted);

  it('finds word forms: "оплата" finds "оплатой" and "оплатить"', () => {
    expect(sorted(ids(index, 'оплата '))).toEqual(['t1', 't2']);
    // Subject matches rank above body matches; t1 is also VIP.
    expect(ids(index, 'оплата ')[0]).toBe('t1');
  });

  it('requires all words, subtracts negations, and unites OR groups', () => {
    expect(sorted(ids(index, 'refund order '))).toEqual(['t3']);
    // t3 mentions shipping only in its quoted history: still a mention.
    expect(sorted(ids(index, 'refund -shipping '))).toEqual(['t5']);
    expect(sorted(ids(index, 'доставке OR delayed'))).toEqual(['t2', 't4']);
  });

  it('matches the last word as a prefix while typing', () => {
    expect(sorted(ids(index, 'refu'))).toEqual(['t3', 't5', 't6']);
    expect(sorted(ids(index, 'ship'))).toEqual(['t3', 't4', 't6']);
  });

  it('weighs quoted history down: a word only quoted ranks below the same word written', () => {
    expect(ids(index, 'shipping ').slice(-1)).toEqual(['t3']);
  });

  it('reads correspondents, tags and subject only', () => {
    expect(ids(index, 'from:anna@bigbank.ru')).toEqual(['t1']);
    expect(sorted(ids(index, 'from:acme.com'))).toEqual(['t3', 't4']);
    expect(ids(index, 'from:"bob stone"')).toEqual(['t3']);
    expect(ids(index, 'to:help@switchboard.test')).toEqual(['t3']);
    expect(ids(index, 'tag:Refund')).toEqual(['t3']);
    expect(sorted(ids(index, 'subject:refund'))).toEqual(['t3', 't5']);
  });

  it('filters by status, assignee, account, flags and dates', () => {
    expect(ids(index, 'refund status:closed')).toEqual(['t5']);
    expect(ids(index, 'assignee:me')).toEqual(['t3']);
    expect(ids(index, 'account:rt')).toEqual([]);
    expect(ids(index, 'from:acme.com is:vip')).toEqual([]);
    expect(ids(index, 'is:vip')).toEqual(['t1']);
    expect(ids(index, 'is:breached')).toEqual(['t6']);
    expect(ids(index, 'is:unread')).toEqual(['t6']);
    expect(ids(index, 'is:flagged')).toEqual(['t6']);
    expect(ids(index, 'has:attachment')).toEqual(['t1']);
    expect(ids(index, 'before:100d')).toEqual(['t4']);
    expect(ids(index, 'refund -status:closed')).toEqual(expect.arrayContaining(['t3', 't6']));
  });

  it('finds internal notes, attachment names and customers, and folds diacritics', () => {
    expect(ids(index, 'ledger ')).toEqual(['t3']);
    expect(ids(index, 'чек ')).toEqual(['t1']);
    expect(ids(index, 'bigbank ')).toEqual(['t1']);
    expect(ids(index, 'credit 4242')).toEqual(['t5']);
  });

  it('returns phrases to check and terms to highlight', () => {
    const parsed = parseQuery('"charged twice" refu', NOW);
    if (!parsed.ok) throw new Error('parse');
    const result = index.search(parsed.query, context);
    expect(result.hits.map((h) => h.ticketId)).toEqual(['t3']);
    expect(result.phrases).toEqual([['charg', 'twice']]);
    expect(result.terms).toEqual(expect.arrayContaining(['charg', 'twice', 'refund']));
  });
});

describe('search index updates', () => {
  it('replaces a re-indexed ticket, forgets a removed one, and survives a snapshot', () => {
    const index = build(true);
    index.add(analyze({ ...corpus[3]!, subject: 'Parcel lost', messages: [] }));
    index.remove('t1');
    expect(ids(index, 'delayed ')).toEqual([]);
    expect(ids(index, 'parcel ')).toEqual(['t4']);
    expect(ids(index, 'оплата ')).toEqual(['t2']);
    const restored = SearchIndex.restore(structuredClone(index.snapshot()));
    expect(ids(restored, 'parcel ')).toEqual(['t4']);
    expect(ids(restored, 'оплата ')).toEqual(['t2']);
    expect(restored.docs.live).toBe(5);
    restored.add(analyze(corpus[0]!));
    expect(sorted(ids(restored, 'оплата '))).toEqual(['t1', 't2']);
  });
});

describe('search index under churn', () => {
  it('answers like a fresh index after adds, updates, removals and compactions in any order', () => {
    const vocabulary = ['refund', 'invoice', 'оплата', 'оплатой', 'доставка', 'parcel', 'login', 'пароль', 'crash', 'export'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
    const live = new Map<string, DocInput>();
    const churned = new SearchIndex();
    for (let step = 0; step < 600; step++) {
      const id = `t${Math.floor(random() * 120)}`;
      const action = random();
      if (action < 0.7) {
        const d = doc(id, `${pick()} ${pick()}`, `${pick()} ${pick()} ${pick()}`, { status: random() < 0.5 ? 'open' : 'solved', updatedAt: NOW - Math.floor(random() * 50) * DAY });
        live.set(id, d);
        churned.add(analyze(d));
      } else if (action < 0.9) {
        live.delete(id);
        churned.remove(id);
      } else churned.compact();
    }
    const fresh = new SearchIndex();
    [...live.values()].reverse().forEach((d) => fresh.add(analyze(d)));
    for (const q of ['refund ', 'оплата ', 'parcel login', 'expo', 'status:solved', '-crash доставка', 'from:example.test']) {
      expect(sorted(ids(churned, q)), q).toEqual(sorted(ids(fresh, q)));
    }
    expect(churned.docs.live).toBe(live.size);
  });
});

describe('search stopwords', () => {
  it('leaves very common words out of the index and out of the required words, not out of phrases', () => {
    const index = new SearchIndex();
    index.add(analyze(doc('r1', 'Не могу войти после сброса пароля', 'The code is not accepted.')));
    index.add(analyze(doc('r2', 'Войти в кабинет', 'Can I change the plan?')));
    expect(ids(index, 'не могу войти')).toEqual(['r1']);
    expect(sorted(ids(index, 'войти '))).toEqual(['r1', 'r2']);
    expect(ids(index, 'the code ')).toEqual(['r1']);
    // Stopwords alone find nothing (rather than everything).
    expect(ids(index, 'the and ')).toEqual([]);
    expect(ids(index, 'не ')).toEqual([]);
  });
});
