/**
 * Evaluates a parsed query against the index: the text clauses of a group intersect (smallest list
 * first), negations subtract, filters test each candidate's attributes, groups unite. Ranking: the field
 * weights of the matched words, then recency and VIP.
 */
import { channels, FLAG, RANK, TERM } from './analyze';
import type { DocTable } from './docs';
import type { Clause, Filter, SearchQuery } from './query';
import { fold, isStopword, stem, words } from './text';
import { priorities, ticketStatuses } from '../statuses';

/** What evaluation needs of the index (the index passes itself). */
export interface IndexReader {
  docs: DocTable;
  postings(terms: readonly string[], minRank?: number, within?: { ords: Int32Array; scores: Float32Array }): { ords: Int32Array; scores: Float32Array };
  size(terms: readonly string[]): number;
  expand(prefix: string, limit: number): string[];
}

export interface SearchContext {
  now: number;
  /** Agent ids of the agent at the keyboard (assignee:me). */
  me: ReadonlySet<string>;
  /** Agent ids whose name or address contains the value (assignee:bob). */
  assignees(value: string): ReadonlySet<string>;
  /** Account ids whose name or id contains the value. */
  accounts(value: string): ReadonlySet<string>;
}

export interface SearchHit {
  ticketId: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** All matches, of which `hits` are the best. */
  total: number;
  /** Index terms the query matched, to highlight. */
  terms: string[];
  /** Phrases as term sequences: hits must still be checked against their text. */
  phrases: string[][];
}

/** Terms a prefix expands to; more would make the first letters of a word slow and vague. */
const PREFIX_TERMS = 16;
const DAY = 86_400_000;
const MINUTE = 60_000;

type List = { ords: Int32Array; scores: Float32Array };

/** The ordinals in both, written over `a` (each list is the query's own: no arrays made). */
function intersect(a: List, b: List): List {
  const { ords, scores } = a;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ords.length && j < b.ords.length) {
    const x = a.ords[i]!;
    const y = b.ords[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      ords[n] = x;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    }
  }
  return { ords: ords.subarray(0, n), scores: scores.subarray(0, n) };
}

function subtract(a: List, b: List): List {
  const keep: number[] = [];
  let j = 0;
  for (let i = 0; i < a.ords.length; i++) {
    while (j < b.ords.length && b.ords[j]! < a.ords[i]!) j++;
    if (j >= b.ords.length || b.ords[j] !== a.ords[i]) keep.push(i);
  }
  return { ords: Int32Array.from(keep, (i) => a.ords[i]!), scores: Float32Array.from(keep, (i) => a.scores[i]!) };
}

/** The term lists one clause requires (each list: any of its terms), and words to highlight. */
function clauseTerms(index: IndexReader, clause: Clause, highlight: string[], phrases: string[][]): { terms: string[][]; minRank: number } {
  switch (clause.kind) {
    case 'text': {
      // Stopwords are not indexed: they are left out (a clause of stopwords alone requires nothing).
      const all = words(clause.text);
      const ws = all.filter((w, i) => !isStopword(w) || (clause.prefix && i === all.length - 1));
      const lists = ws.map((w, i) => {
        const term = stem(w);
        if (!clause.prefix || i < ws.length - 1) return [term];
        const expanded = index.expand(w, PREFIX_TERMS);
        return expanded.includes(term) ? expanded : [term, ...expanded];
      });
      if (!clause.negated) lists.forEach((l) => highlight.push(...l.slice(0, 8)));
      if (clause.phrase && all.length > 1 && !clause.negated) phrases.push(all.map(stem));
      return { terms: lists, minRank: clause.subjectOnly ? RANK.subject : 0 };
    }
    case 'address': {
      const v = fold(clause.value).replace(/^@/, '');
      const parts = v.includes('@') ? v.split('@').filter(Boolean) : v.includes('.') ? [v] : words(v);
      return { terms: parts.map((p) => [TERM[clause.field] + p]), minRank: 0 };
    }
    case 'tag':
      return { terms: [[TERM.tag + fold(clause.value)]], minRank: 0 };
    case 'filter':
      return { terms: [], minRank: 0 };
  }
}

function filterTest(docs: DocTable, filter: Filter, context: SearchContext): (o: number) => boolean {
  switch (filter.kind) {
    case 'status': {
      const v = ticketStatuses.indexOf(filter.value);
      return (o) => docs.status(o) === v;
    }
    case 'priority': {
      const v = priorities.indexOf(filter.value);
      return (o) => docs.priority(o) === v;
    }
    case 'channel': {
      const v = channels.indexOf(filter.value);
      return (o) => docs.channel(o) === v;
    }
    case 'is':
      if (filter.value === 'vip') return (o) => (docs.flags(o) & FLAG.vip) !== 0;
      if (filter.value === 'unread') return (o) => (docs.flags(o) & FLAG.unread) !== 0;
      if (filter.value === 'flagged') return (o) => (docs.flags(o) & FLAG.flagged) !== 0;
      // Breached: an SLA clock past due on a ticket still open.
      return (o) => docs.status(o) < 4 && (docs.slaDueAt(o) ?? Infinity) < context.now;
    case 'has':
      return (o) => (docs.flags(o) & FLAG.attachment) !== 0;
    case 'assignee': {
      const ids = filter.value === 'me' ? context.me : context.assignees(filter.value);
      return (o) => ids.has(docs.assigneeName(o) ?? '');
    }
    case 'account': {
      const ids = context.accounts(filter.value);
      return (o) => ids.has(docs.accountName(o));
    }
    case 'before':
      return (o) => docs.createdAt(o) < filter.value;
    case 'after':
      return (o) => docs.createdAt(o) >= filter.value;
  }
}

function allLive(docs: DocTable): List {
  const ords: number[] = [];
  for (let o = 0; o < docs.size; o++) if (docs.isLive(o)) ords.push(o);
  return { ords: Int32Array.from(ords), scores: new Float32Array(ords.length) };
}

function group(index: IndexReader, clauses: Clause[], context: SearchContext, highlight: string[], phrases: string[][]): List {
  const required: Array<{ terms: string[]; minRank: number; size: number }> = [];
  const excluded: List[] = [];
  const tests: Array<(o: number) => boolean> = [];
  let onlyStopwords = false;
  for (const clause of clauses) {
    if (clause.kind === 'filter') {
      const test = filterTest(index.docs, clause.filter, context);
      tests.push(clause.negated ? (o) => !test(o) : test);
      continue;
    }
    const { terms, minRank } = clauseTerms(index, clause, highlight, phrases);
    if (terms.length === 0 && clause.kind === 'text') {
      onlyStopwords ||= !clause.negated;
      continue;
    }
    if (!clause.negated) required.push(...terms.map((t) => ({ terms: t, minRank, size: index.size(t) })));
    else if (terms.length > 0) excluded.push(terms.map((t) => index.postings(t, minRank)).reduce(intersect));
  }
  // Words that are all stopwords cannot be looked up: nothing matches rather than everything.
  if (required.length === 0 && onlyStopwords) return { ords: new Int32Array(0), scores: new Float32Array(0) };
  // The rarest word first; each next one keeps only the tickets found so far that it occurs in.
  required.sort((a, b) => a.size - b.size);
  let result: List | null = null;
  for (const { terms, minRank } of required) {
    result = index.postings(terms, minRank, result ?? undefined);
    if (result.ords.length === 0) break;
  }
  result ??= allLive(index.docs);
  for (const list of excluded) result = subtract(result, list);
  if (tests.length === 0) return result;
  const keep: number[] = [];
  for (let i = 0; i < result.ords.length; i++) if (tests.every((t) => t(result.ords[i]!))) keep.push(i);
  return { ords: Int32Array.from(keep, (i) => result.ords[i]!), scores: Float32Array.from(keep, (i) => result.scores[i]!) };
}

/**
 * The `limit` best of the scored matches, kept in a min-heap as they are scored (most matches fall below
 * the heap's worst and cost one comparison), best first; ties: the later, newer ordinal first.
 */
class Best {
  private readonly scores: Float64Array;
  private readonly at: Int32Array;
  private n = 0;

  constructor(private readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.at = new Int32Array(limit);
  }

  /** The score a match must reach to be kept (an equal score is kept: it is the newer ticket). */
  get bar(): number {
    return this.n < this.limit ? -Infinity : this.limit > 0 ? this.scores[0]! : Infinity;
  }

  /** Offers match i; each offer's i is higher than the last one's, so an equal score wins. */
  offer(i: number, score: number): void {
    const { scores, at } = this;
    if (this.n < this.limit) {
      let k = this.n++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (scores[parent]! <= score) break;
        scores[k] = scores[parent]!;
        at[k] = at[parent]!;
        k = parent;
      }
      scores[k] = score;
      at[k] = i;
    } else if (this.limit > 0 && score >= scores[0]!) {
      // Replace the worst and sift down (the worse child of two equal scores is the older one).
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= this.n) break;
        const right = child + 1;
        if (right < this.n && (scores[right]! < scores[child]! || (scores[right] === scores[child] && at[right]! < at[child]!))) child = right;
        if (score < scores[child]! || (score === scores[child] && i < at[child]!)) break;
        scores[k] = scores[child]!;
        at[k] = at[child]!;
        k = child;
      }
      scores[k] = score;
      at[k] = i;
    }
  }

  /** The kept matches as [i, score], best first. */
  sorted(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let k = 0; k < this.n; k++) out.push([this.at[k]!, this.scores[k]!]);
    return out.sort((x, y) => y[1] - x[1] || y[0] - x[0]);
  }
}

/**
 * Each ticket's ranking factor by ordinal — recency (a ticket updated now counts twice one updated long
 * ago) and VIP — as of one minute: computed once per table and minute, then for new ordinals only (a
 * ticket's attributes never change under its ordinal: re-indexing gives it a new one). A query then
 * multiplies instead of working out each match's age.
 */
const boosts = new WeakMap<DocTable, { minute: number; upTo: number; factor: Float32Array }>();

function boostsOf(docs: DocTable, now: number): Float32Array {
  const minute = Math.floor(now / MINUTE);
  let cached = boosts.get(docs);
  if (!cached || cached.minute !== minute) boosts.set(docs, (cached = { minute, upTo: 0, factor: new Float32Array(docs.size) }));
  if (cached.factor.length < docs.size) {
    const grown = new Float32Array(Math.max(docs.size, cached.factor.length * 2));
    grown.set(cached.factor);
    cached.factor = grown;
  }
  const at = minute * MINUTE;
  for (let o = cached.upTo; o < docs.size; o++) {
    const ageDays = Math.max(0, (at - docs.updatedAt(o)) / DAY);
    cached.factor[o] = (1 + 1 / (1 + ageDays / 30)) * (docs.flags(o) & FLAG.vip ? 1.3 : 1);
  }
  cached.upTo = docs.size;
  return cached.factor;
}

export function evaluate(index: IndexReader, query: SearchQuery, context: SearchContext, limit: number): SearchResult {
  const highlight: string[] = [];
  const phrases: string[][] = [];
  const docs = index.docs;
  const lists = query.groups.map((clauses) => group(index, clauses, context, highlight, phrases));
  // Groups unite: an ordinal keeps its best text score.
  let merged = lists[0] ?? { ords: new Int32Array(0), scores: new Float32Array(0) };
  if (lists.length > 1) {
    const best = new Map<number, number>();
    for (const list of lists) list.ords.forEach((o, i) => best.set(o, Math.max(best.get(o) ?? 0, list.scores[i]!)));
    const ords = Int32Array.from(best.keys()).sort();
    merged = { ords, scores: Float32Array.from(ords, (o) => best.get(o)!) };
  }
  const top = new Best(limit);
  const { ords, scores } = merged;
  const factor = boostsOf(docs, context.now);
  let bar = -Infinity;
  for (let i = 0; i < ords.length; i++) {
    const score = (scores[i]! + 1) * factor[ords[i]!]!;
    if (score < bar) continue; // most matches, once the best are found
    top.offer(i, score);
    bar = top.bar;
  }
  return {
    hits: top.sorted().map(([i, score]) => ({ ticketId: docs.idAt(ords[i]!), score })),
    total: ords.length,
    terms: [...new Set(highlight)],
    phrases,
  };
}
