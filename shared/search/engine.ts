/**
 * The search index of the cache: an immutable segment (the bulk, compact) plus the tickets indexed since
 * (a small map), merged by `compact()`. Tickets are documents; `search` evaluates a parsed query with
 * ranking by field weights, recency and VIP.
 */
import { type AnalyzedDoc, RANK_WEIGHT } from './analyze';
import { DocTable, type DocsSnapshot } from './docs';
import { evaluate, type SearchContext, type SearchResult } from './evaluate';
import type { SearchQuery } from './query';
import { decodeInto, decodePostings, find, postingBytes, prefixRange, type Segment, termAt, termCount } from './segment';
import { emptySegment, SegmentWriter } from './writer';

export const SNAPSHOT_VERSION = 2;

const weight = Float32Array.from(RANK_WEIGHT);

export interface IndexSnapshot {
  version: number;
  segment: Segment;
  docs: DocsSnapshot;
}


/** A posting list: ordinals ascending, with the field weight of each. */
export interface Postings {
  ords: Int32Array;
  scores: Float32Array;
}

export class SearchIndex {
  private base: Segment = emptySegment;
  /** Term → [ordinal, rank, …] of tickets indexed since the segment was built (ordinals above its own). */
  private delta = new Map<string, number[]>();
  docs = new DocTable();
  /** Tickets indexed since the last compaction. */
  pending = 0;
  /** Reused per query: a weight per ordinal, zero between uses; a term's postings being decoded. */
  private scratch = new Float32Array(0);
  private termOrds = new Int32Array(0);
  private termScores = new Float32Array(0);
  private ranks = new Uint8Array(0);

  add(doc: AnalyzedDoc): void {
    const ordinal = this.docs.add(doc);
    doc.terms.forEach((term, i) => {
      let list = this.delta.get(term);
      if (!list) this.delta.set(term, (list = []));
      list.push(ordinal, doc.ranks[i]!);
    });
    this.pending++;
  }

  remove(ticketId: string): void {
    if (this.docs.remove(ticketId)) this.pending++;
  }

  has(ticketId: string): boolean {
    return this.docs.ordinalOf(ticketId) !== undefined;
  }

  /** Merges the recent tickets into a new segment, dropping removed ones; ordinals follow ticket ids. */
  compact(): void {
    const { table, remap } = this.docs.compacted();
    const writer = new SegmentWriter();
    const deltaTerms = [...this.delta.keys()].sort();
    let packed = new Int32Array(1024);
    let n = 0;
    const push = (o: number, rank: number) => {
      const to = remap[o]!;
      if (to < 0) return;
      if (n === packed.length) {
        const grown = new Int32Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[n++] = to * 4 + rank;
    };
    const write = (term: string) => {
      // Renumbering reorders: sort the (ordinal, rank) pairs, packed in one number each.
      const sorted = packed.subarray(0, n).sort();
      const list = new Array<number>(2 * n);
      for (let k = 0; k < n; k++) {
        list[2 * k] = sorted[k]! >> 2;
        list[2 * k + 1] = sorted[k]! & 3;
      }
      writer.add(term, list);
      n = 0;
    };
    const takeRecent = (term: string) => {
      const recent = this.delta.get(term);
      if (recent) for (let k = 0; k < recent.length; k += 2) push(recent[k]!, recent[k + 1]!);
    };
    let d = 0;
    const count = termCount(this.base);
    for (let i = 0; i <= count; i++) {
      const term = i < count ? termAt(this.base, i) : null;
      while (d < deltaTerms.length && (term === null || deltaTerms[d]! < term)) {
        takeRecent(deltaTerms[d]!);
        write(deltaTerms[d++]!);
      }
      if (term === null) break;
      const { ords, ranks } = decodePostings(this.base, i);
      for (let k = 0; k < ords.length; k++) push(ords[k]!, ranks[k]!);
      if (deltaTerms[d] === term) takeRecent(deltaTerms[d++]!);
      write(term);
    }
    this.base = writer.finish();
    this.delta.clear();
    this.docs = table;
    this.pending = 0;
  }

  snapshot(): IndexSnapshot {
    if (this.delta.size > 0 || this.pending > 0) this.compact();
    return { version: SNAPSHOT_VERSION, segment: this.base, docs: this.docs.snapshot() };
  }

  static restore(snapshot: IndexSnapshot): SearchIndex {
    const index = new SearchIndex();
    index.base = snapshot.segment;
    index.docs = DocTable.restore(snapshot.docs);
    return index;
  }

  /** Bytes held in typed arrays and strings (about what a snapshot stores). */
  get bytes(): number {
    const s = this.base;
    return s.lexicon.byteLength + s.termLength.byteLength + s.blockStart.byteLength + s.postStart.byteLength + s.postings.byteLength + this.docs.byteSize;
  }

  /** Union of the postings of some terms, with the weight of each ticket's best occurrence; `minRank`
   * keeps only occurrences at least that good (the subject: RANK.subject). */
  postings(terms: readonly string[], minRank = 0): Postings {
    if (terms.length === 1) {
      const n = this.decode(terms[0]!, minRank);
      return { ords: this.termOrds.slice(0, n), scores: this.termScores.slice(0, n) };
    }
    const size = this.docs.size;
    if (this.scratch.length < size) this.scratch = new Float32Array(Math.max(size, this.scratch.length * 2));
    const scratch = this.scratch;
    const touched: number[] = [];
    for (const term of terms) {
      const n = this.decode(term, minRank);
      const { termOrds, termScores } = this;
      for (let k = 0; k < n; k++) {
        const o = termOrds[k]!;
        if (scratch[o] === 0) touched.push(o);
        if (termScores[k]! > scratch[o]!) scratch[o] = termScores[k]!;
      }
    }
    // Many tickets touched: a walk over every ordinal beats sorting them.
    let ords: Int32Array;
    if (touched.length * 16 > size) {
      ords = new Int32Array(touched.length);
      let n = 0;
      for (let o = 0; o < size; o++) if (scratch[o] !== 0) ords[n++] = o;
    } else ords = Int32Array.from(touched).sort();
    const scores = new Float32Array(ords.length);
    for (let k = 0; k < ords.length; k++) {
      scores[k] = scratch[ords[k]!]!;
      scratch[ords[k]!] = 0;
    }
    return { ords, scores };
  }

  /**
   * Decodes one term's postings into termOrds/termScores (reused by every term: a query's prefix expands
   * to many terms, and allocating arrays for each costs more than reading them), the segment's first,
   * then the recent tickets' (whose ordinals are higher); returns how many.
   */
  private decode(term: string, minRank: number): number {
    const i = find(this.base, term);
    const recent = this.delta.get(term) ?? [];
    const bytes = i >= 0 ? postingBytes(this.base, i) : 0;
    const size = bytes + recent.length / 2;
    if (this.termOrds.length < size) {
      this.termOrds = new Int32Array(size * 2);
      this.termScores = new Float32Array(size * 2);
      this.ranks = new Uint8Array(size * 2);
    }
    const { termOrds: ords, termScores: scores, ranks, docs } = this;
    // Decoded straight into the arrays, then filtered in place.
    const decoded = i >= 0 ? decodeInto(this.base, i, ords, ranks) : 0;
    let n = 0;
    for (let k = 0; k < decoded; k++) {
      const o = ords[k]!;
      if (ranks[k]! < minRank || !docs.isLive(o)) continue;
      ords[n] = o;
      scores[n++] = weight[ranks[k]!]!;
    }
    for (let k = 0; k < recent.length; k += 2) {
      const o = recent[k]!;
      if (recent[k + 1]! < minRank || !docs.isLive(o)) continue;
      ords[n] = o;
      scores[n++] = weight[recent[k + 1]!]!;
    }
    return n;
  }

  /** Terms starting with `prefix`, the most frequent first, at most `limit`. */
  expand(prefix: string, limit: number): string[] {
    const found = new Map<string, number>();
    for (const i of prefixRange(this.base, prefix, limit * 8)) found.set(termAt(this.base, i), postingBytes(this.base, i));
    for (const [term, list] of this.delta) if (term.startsWith(prefix)) found.set(term, (found.get(term) ?? 0) + list.length);
    return [...found].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([term]) => term);
  }

  search(query: SearchQuery, context: SearchContext, limit = 200): SearchResult {
    return evaluate(this, query, context, limit);
  }
}

export type { SearchContext, SearchResult };
