import { describe, expect, it } from 'vitest';
import { parseDate, parseQuery } from '../../../shared/search/query';

const NOW = new Date(2026, 10, 22, 15, 0).getTime();
const ok = (q: string) => {
  const r = parseQuery(q, NOW);
  if (!r.ok) throw new Error(`${q}: ${r.error.code}`);
  return r.query.groups;
};
const error = (q: string) => {
  const r = parseQuery(q, NOW);
  if (r.ok) throw new Error(`${q} parsed`);
  return { ...r.error, part: q.slice(r.error.from, r.error.to) };
};

describe('search query language', () => {
  it('reads words, phrases, negation and a prefix on the last word while typing', () => {
    expect(ok('refund "credit card" -spam payme')).toEqual([
      [
        { kind: 'text', text: 'refund', phrase: false, subjectOnly: false, prefix: false, negated: false },
        { kind: 'text', text: 'credit card', phrase: true, subjectOnly: false, prefix: false, negated: false },
        { kind: 'text', text: 'spam', phrase: false, subjectOnly: false, prefix: false, negated: true },
        { kind: 'text', text: 'payme', phrase: false, subjectOnly: false, prefix: true, negated: false },
      ],
    ]);
    // A finished word (followed by a space) is not a prefix.
    expect(ok('refund ')[0]![0]).toMatchObject({ prefix: false });
  });

  it('reads every operator', () => {
    const [clauses] = ok('from:anna@bigbank.ru to:"Ops Team" cc:acme.com subject:invoice status:pending priority:urgent tag:refund assignee:me account:support channel:chat is:vip is:breached is:unread has:attachment after:2026-11-01 before:7d');
    expect(clauses!.map((c) => (c.kind === 'filter' ? [c.filter.kind, c.filter.value] : [c.kind, 'value' in c ? c.value : c.text]))).toEqual([
      ['address', 'anna@bigbank.ru'],
      ['address', 'Ops Team'],
      ['address', 'acme.com'],
      ['text', 'invoice'],
      ['status', 'pending'],
      ['priority', 'urgent'],
      ['tag', 'refund'],
      ['assignee', 'me'],
      ['account', 'support'],
      ['channel', 'chat'],
      ['is', 'vip'],
      ['is', 'breached'],
      ['is', 'unread'],
      ['has', 'attachment'],
      ['after', new Date(2026, 10, 1).getTime()],
      ['before', NOW - 7 * 86_400_000],
    ]);
  });

  it('splits groups at OR and negates operators', () => {
    const groups = ok('from:anna OR -status:closed оплата');
    expect(groups).toHaveLength(2);
    expect(groups[1]![0]).toMatchObject({ kind: 'filter', negated: true, filter: { kind: 'status', value: 'closed' } });
  });

  it('points at the bad part of a malformed query', () => {
    expect(error('refund "credit card')).toMatchObject({ code: 'unclosed_quote', part: '"credit card' });
    expect(error('status:frozen refund')).toMatchObject({ code: 'bad_value', part: 'status:frozen', allowed: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] });
    expect(error('frm:anna')).toMatchObject({ code: 'unknown_operator', part: 'frm:', suggestion: 'from' });
    expect(error('refund from:')).toMatchObject({ code: 'empty_value', part: 'from:' });
    expect(error('after:yesterday-ish')).toMatchObject({ code: 'bad_date', part: 'after:yesterday-ish' });
    expect(error('after:2026-02-30')).toMatchObject({ code: 'bad_date' });
    expect(error('OR refund')).toMatchObject({ code: 'dangling_or', part: 'OR' });
    expect(error('refund OR')).toMatchObject({ code: 'dangling_or' });
  });

  it('never throws, whatever is typed', () => {
    const alphabet = ['a', 'я', ' ', '"', '-', ':', 'from', 'OR', 'is', 'status', '7d', '@', '\u0000', '('];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let q = '';
      for (let k = 0; k < 8; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        q += alphabet[seed % alphabet.length];
      }
      expect(() => parseQuery(q, NOW)).not.toThrow();
    }
  });

  it('keeps times and URLs as words', () => {
    expect(ok('10:30 https://acme.com/x')[0]!.map((c) => c.kind)).toEqual(['text', 'text']);
  });

  it('reads dates: days, today, yesterday and ages', () => {
    expect(parseDate('today', NOW)).toBe(new Date(2026, 10, 22).getTime());
    expect(parseDate('yesterday', NOW)).toBe(new Date(2026, 10, 21).getTime());
    expect(parseDate('2w', NOW)).toBe(NOW - 14 * 86_400_000);
    expect(parseDate('12h', NOW)).toBe(NOW - 12 * 3_600_000);
    expect(parseDate('soon', NOW)).toBeNull();
  });
});
