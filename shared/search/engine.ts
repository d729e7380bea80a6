/**
 * The search index of the cache: an immutable segment (the bulk, compact) plus the tickets indexed since
 * (a small map), merged by `compact()`. Tickets are documents; `search` evaluates a parsed query with
 * ranking by field weights, recency and VIP.
 */
import { type AnalyzedDoc, FIELD_WEIGHT } from './analyze';
import { DocTable, type DocsSnapshot } from './docs';
import { evaluate, type SearchContext, type SearchResult } from './evaluate';
import type { SearchQuery } from './query';
import { forEachPosting, find, postingBytes, prefixRange, type Segment, termAt, termCount } from './segment';
import { emptySegment, SegmentWriter } from './writer';

export const SNAPSHOT_VERSION = 1;

export interface IndexSnapshot {
  version: number;
  segment: Segment;
  docs: DocsSnapshot;
}

/** Sum of the weights of the fields in a mask. */
const maskWeight = Float32Array.from({ length: 256 }, (_, mask) => FIELD_WEIGHT.reduce((sum, w, bit) => sum + (mask & (1 << bit) ? w : 0), 0));

/** A posting list: ordinals ascending, with the field weight of each. */
export interface Postings {
  ords: Int32Array;
  scores: Float32Array;
}

export class SearchIndex {
  private base: Segment = emptySegment;
  /** Term → [ordinal, mask, …] of tickets indexed since the segment was built (ordinals above its own). */
  private delta = new Map<string, number[]>();
  docs = new DocTable();
  /** Tickets indexed since the last compaction. */
  pending = 0;
  /** Reused per query: a weight per ordinal, zero between uses. */
  private scratch = new Float32Array(0);

  add(doc: AnalyzedDoc): void {
    const ordinal = this.docs.add(doc);
    doc.terms.forEach((term, i) => {
      let list = this.delta.get(term);
      if (!list) this.delta.set(term, (list = []));
      list.push(ordinal, doc.masks[i]!);
    });
    this.pending++;
  }

  remove(ticketId: string): void {
    if (this.docs.remove(ticketId)) this.pending++;
  }

  has(ticketId: string): boolean {
    return this.docs.ordinalOf(ticketId) !== undefined;
  }

  /** Merges the recent tickets into a new segment, dropping removed ones and renumbering densely. */
  compact(): void {
    const { table, remap } = this.docs.compacted();
    const writer = new SegmentWriter();
    const deltaTerms = [...this.delta.keys()].sort();
    let d = 0;
    const list: number[] = [];
    const take = (term: string) => {
      const recent = this.delta.get(term);
      if (recent) for (let k = 0; k < recent.length; k += 2) if (remap[recent[k]!]! >= 0) list.push(remap[recent[k]!]!, recent[k + 1]!);
    };
    const n = termCount(this.base);
    for (let i = 0; i <= n; i++) {
      const term = i < n ? termAt(this.base, i) : null;
      while (d < deltaTerms.length && (term === null || deltaTerms[d]! < term)) {
        list.length = 0;
        take(deltaTerms[d]!);
        writer.add(deltaTerms[d++]!, list);
      }
      if (term === null) break;
      list.length = 0;
      forEachPosting(this.base, i, (o, mask) => {
        if (remap[o]! >= 0) list.push(remap[o]!, mask);
      });
      if (deltaTerms[d] === term) take(deltaTerms[d++]!);
      writer.add(term, list);
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

  /** Bytes held in typed arrays and the lexicon (what a snapshot stores). */
  get bytes(): number {
    const s = this.base;
    return s.lexicon.length * 2 + s.termStart.byteLength + s.postStart.byteLength + s.postings.byteLength + this.docs.size * 26;
  }

  /** Union of the postings of some terms; `requiredMask` keeps only occurrences in those fields. */
  postings(terms: readonly string[], requiredMask = 0): Postings {
    const size = this.docs.size;
    if (this.scratch.length < size) this.scratch = new Float32Array(Math.max(size, this.scratch.length * 2));
    const scratch = this.scratch;
    const touched: number[] = [];
    const visit = (o: number, mask: number) => {
      if (requiredMask && !(mask & requiredMask)) return;
      if (!this.docs.isLive(o)) return;
      if (scratch[o] === 0) touched.push(o);
      scratch[o] = Math.max(scratch[o]!, maskWeight[mask]! || 0.01);
    };
    for (const term of terms) {
      const i = find(this.base, term);
      if (i >= 0) forEachPosting(this.base, i, visit);
      const recent = this.delta.get(term);
      if (recent) for (let k = 0; k < recent.length; k += 2) visit(recent[k]!, recent[k + 1]!);
    }
    const ords = Int32Array.from(touched);
    if (terms.length > 1) ords.sort();
    const scores = new Float32Array(ords.length);
    for (let k = 0; k < ords.length; k++) {
      scores[k] = scratch[ords[k]!]!;
      scratch[ords[k]!] = 0;
    }
    return { ords, scores };
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
