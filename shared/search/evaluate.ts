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
  postings(terms: readonly string[], minRank?: number): { ords: Int32Array; scores: Float32Array };
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
  const required: List[] = [];
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
    const lists = terms.map((t) => index.postings(t, minRank));
    if (!clause.negated) required.push(...lists);
    else if (lists.length > 0) excluded.push(lists.reduce(intersect));
  }
  // Words that are all stopwords cannot be looked up: nothing matches rather than everything.
  if (required.length === 0 && onlyStopwords) return { ords: new Int32Array(0), scores: new Float32Array(0) };
  required.sort((a, b) => a.ords.length - b.ords.length);
  let result = required.length > 0 ? required.reduce(intersect) : allLive(index.docs);
  for (const list of excluded) result = subtract(result, list);
  if (tests.length === 0) return result;
  const keep: number[] = [];
  for (let i = 0; i < result.ords.length; i++) if (tests.every((t) => t(result.ords[i]!))) keep.push(i);
  return { ords: Int32Array.from(keep, (i) => result.ords[i]!), scores: Float32Array.from(keep, (i) => result.scores[i]!) };
}

/** The k-th largest value (1-based) of `values`, which it reorders: quickselect, linear on average. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return values[want]!;
  }
  return values[want]!;
}

/** Reused by every query: the final scores, and a copy of them that quickselect may reorder. */
let final = new Float64Array(0);
let work = new Float64Array(0);

/** Indexes of the `limit` highest scores, best first (ties: the newer ordinal first). */
function topK(scores: Float64Array, limit: number): number[] {
  let threshold = -Infinity;
  if (scores.length > limit) {
    if (work.length < scores.length) work = new Float64Array(scores.length * 2);
    const copy = work.subarray(0, scores.length);
    copy.set(scores);
    threshold = limit > 0 ? kthLargest(copy, limit) : Infinity;
  }
  const picked: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! >= threshold) picked.push(i);
  return picked.sort((a, b) => scores[b]! - scores[a]! || b - a).slice(0, limit);
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
  if (final.length < merged.ords.length) final = new Float64Array(merged.ords.length * 2);
  const scores = final.subarray(0, merged.ords.length);
  for (let i = 0; i < scores.length; i++) {
    const o = merged.ords[i]!;
    const ageDays = Math.max(0, (context.now - docs.updatedAt(o)) / DAY);
    scores[i] = (merged.scores[i]! + 1) * (1 + 1 / (1 + ageDays / 30)) * (docs.flags(o) & FLAG.vip ? 1.3 : 1);
  }
  return {
    hits: topK(scores, limit).map((i) => ({ ticketId: docs.idAt(merged.ords[i]!), score: scores[i]! })),
    total: scores.length,
    terms: [...new Set(highlight)],
    phrases,
  };
}
