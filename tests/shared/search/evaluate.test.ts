/**
 * The evaluator against a plain reading of the documents, over generated corpora and queries: words that
 * must all occur, negated words, OR between groups, the last word as a prefix; the index churned by adds,
 * re-adds, removals and compactions. Ranking is not checked here (engine.test.ts does); which tickets match,
 * and how many, is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type DocInput } from '../../../shared/search/analyze';
import { SearchIndex } from '../../../shared/search/engine';
import { parseQuery } from '../../../shared/search/query';

const NOW = Date.UTC(2026, 11, 7);
// Consonant words: no stemmer step applies, so a word is its own term; some are prefixes of others.
const vocabulary = ['brq', 'brqx', 'brqxt', 'krn', 'krnz', 'plt', 'zvd', 'zvdm', 'gxr', 'wtch'];
const word = fc.constantFrom(...vocabulary);

function doc(id: string, words: string[]): DocInput {
  const author = { name: 'Qx', email: 'qx@example.test' };
  return {
    ticketId: id, accountId: 'acc', subject: words.slice(0, 2).join(' '), status: 'open', priority: 'normal', channel: 'email', assigneeId: null,
    tags: [], createdAt: NOW - 86_400_000, updatedAt: NOW - 3_600_000, slaDueAt: null, unread: false, vip: false,
    customer: { name: 'Qx', email: 'qx@example.test', organization: null },
    messages: [{ text: words.slice(2).join(' '), internal: false, author, attachments: [] }],
  };
}

const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 0, max: 40 }), words: fc.array(word, { maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
);
const term = fc.record({ word, negated: fc.boolean() });
const query = fc.record({ groups: fc.array(fc.array(term, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), typing: fc.boolean() });

describe('search evaluation', () => {
  it('finds exactly the tickets a plain reading finds, whatever the corpus, its churn and the query', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.array(query, { minLength: 1, maxLength: 8 }), (steps, queries) => {
        const index = new SearchIndex();
        const live = new Map<string, Set<string>>();
        for (const s of steps) {
          if (s.kind === 'add') {
            index.add(analyze(doc(`acc:${s.id}`, s.words)));
            live.set(`acc:${s.id}`, new Set(s.words));
          } else if (s.kind === 'remove') {
            index.remove(`acc:${s.id}`);
            live.delete(`acc:${s.id}`);
          } else index.compact();
        }
        for (const q of queries) {
          const text = q.groups.map((g) => g.map((t) => `${t.negated ? '-' : ''}${t.word}`).join(' ')).join(' OR ') + (q.typing ? '' : ' ');
          const parsed = parseQuery(text, NOW);
          if (!parsed.ok) throw new Error(`${text}: ${parsed.error.code}`);
          // The last word, while typed and not negated, matches any word it begins.
          const last = q.groups.at(-1)!.at(-1)!;
          const has = (words: Set<string>, t: { word: string; negated: boolean }) =>
            q.typing && t === last && !t.negated ? [...words].some((w) => w.startsWith(t.word)) : words.has(t.word);
          // A group of negations alone keeps every ticket without those words.
          const groupMatches = (words: Set<string>, g: (typeof q.groups)[number]) => g.every((t) => (t.negated ? !words.has(t.word) : has(words, t)));
          const expected = [...live].filter(([, words]) => q.groups.some((g) => groupMatches(words, g))).map(([id]) => id).sort();
          const result = index.search(parsed.query, { now: NOW, me: new Set(), assignees: () => new Set(), accounts: () => new Set() }, 1000);
          expect(result.hits.map((h) => h.ticketId).sort(), text).toEqual(expected);
          expect(result.total, text).toBe(expected.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the best of many matches, in the order ranking all of them gives, ties to the newer ticket', () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 6 }), { minLength: 1, maxLength: 80 }), word, fc.integer({ min: 0, max: 12 }), (docs, w, limit) => {
        const index = new SearchIndex();
        docs.forEach((words, i) => index.add(analyze(doc(`acc:${String(i).padStart(2, '0')}`, words))));
        const parsed = parseQuery(w, NOW);
        if (!parsed.ok) throw new Error(w);
        const context = { now: NOW, me: new Set<string>(), assignees: () => new Set<string>(), accounts: () => new Set<string>() };
        const all = index.search(parsed.query, context, 1000).hits;
        // Ranked in full: the best score first; of equal scores, the ticket indexed later.
        for (let k = 1; k < all.length; k++) expect(all[k - 1]!.score > all[k]!.score || (all[k - 1]!.score === all[k]!.score && all[k - 1]!.ticketId > all[k]!.ticketId)).toBe(true);
        expect(index.search(parsed.query, context, limit).hits).toEqual(all.slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });
});

describe('looking up a term beyond the BMP', () => {
  it('finds a tag or an address with an emoji or a rare script in it, as the index wrote it', () => {
    const index = new SearchIndex();
    const author = { name: 'Fan', email: '𠀀fan@example.test' };
    index.add(analyze({ ...doc('acc:1', ['brq']), tags: ['🔥hot'], messages: [{ text: 'brq', internal: false, author, attachments: [] }] }));
    index.add(analyze(doc('acc:2', ['brq'])));
    for (const compacted of [false, true]) {
      if (compacted) index.compact();
      for (const q of ['tag:🔥hot', 'from:𠀀fan@example.test']) {
        const parsed = parseQuery(q, NOW);
        if (!parsed.ok) throw new Error(parsed.error.code);
        expect(index.search(parsed.query, { now: NOW, me: new Set(), assignees: () => new Set(), accounts: () => new Set() }).hits.map((h) => h.ticketId), q).toEqual(['acc:1']);
      }
    }
  });
});
