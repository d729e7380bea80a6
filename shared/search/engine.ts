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
  /** Reused per query: a term's postings being decoded, and the union of several terms' (two buffers). */
  private termOrds = new Int32Array(0);
  private termScores = new Float32Array(0);
  private ranks = new Uint8Array(0);
  private unionOrds = new Int32Array(0);
  private unionScores = new Float32Array(0);
  private nextOrds = new Int32Array(0);
  private nextScores = new Float32Array(0);
  /** By ordinal: 1 + a ticket's place in the list an AND restricts to, zero between queries. */
  private mark = new Int32Array(0);

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

  /**
   * Union of the postings of some terms, with the weight of each ticket's best occurrence; `minRank`
   * keeps only occurrences at least that good (the subject: RANK.subject). With `within`: only the
   * tickets it holds, its weight added to theirs — an AND that walks the terms' postings once against a
   * mark per ticket, where merging two decoded lists costs several times more.
   */
  postings(terms: readonly string[], minRank = 0, within?: Postings): Postings {
    if (within) return this.within(terms, minRank, within);
    if (terms.length === 1) {
      const n = this.decode(terms[0]!, minRank);
      return { ords: this.termOrds.slice(0, n), scores: this.termScores.slice(0, n) };
    }
    // Merged term by term, the smallest first (a prefix's terms are mostly small), between two buffers.
    const sized = terms.map((term) => ({ term, size: this.sizeOf(term) })).sort((x, y) => x.size - y.size);
    const total = sized.reduce((n, t) => n + t.size, 0);
    if (this.unionOrds.length < total) {
      this.unionOrds = new Int32Array(total);
      this.unionScores = new Float32Array(total);
      this.nextOrds = new Int32Array(total);
      this.nextScores = new Float32Array(total);
    }
    let m = 0;
    for (const { term } of sized) {
      const n = this.decode(term, minRank);
      const { termOrds, termScores, unionOrds: ao, unionScores: as, nextOrds: bo, nextScores: bs } = this;
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < m && j < n) {
        const x = ao[i]!;
        const y = termOrds[j]!;
        if (x < y) {
          bo[k] = x;
          bs[k++] = as[i++]!;
        } else if (y < x) {
          bo[k] = y;
          bs[k++] = termScores[j++]!;
        } else {
          bo[k] = x;
          bs[k++] = Math.max(as[i++]!, termScores[j++]!); // a ticket's best occurrence
        }
      }
      for (; i < m; i++, k++) {
        bo[k] = ao[i]!;
        bs[k] = as[i]!;
      }
      for (; j < n; j++, k++) {
        bo[k] = termOrds[j]!;
        bs[k] = termScores[j]!;
      }
      [this.unionOrds, this.nextOrds, this.unionScores, this.nextScores] = [bo, ao, bs, as];
      m = k;
    }
    const ords = this.unionOrds.slice(0, m);
    const scores = this.unionScores.slice(0, m);
    return { ords, scores };
  }

  private within(terms: readonly string[], minRank: number, within: Postings): Postings {
    // One term: its decoded postings and the list merged (no mark to set and clear).
    if (terms.length === 1) {
      const n = this.decode(terms[0]!, minRank);
      const { termOrds, termScores } = this;
      const count = Math.min(n, within.ords.length);
      const ords = new Int32Array(count);
      const scores = new Float32Array(count);
      let i = 0;
      let j = 0;
      let found = 0;
      while (i < within.ords.length && j < n) {
        const x = within.ords[i]!;
        const y = termOrds[j]!;
        if (x < y) i++;
        else if (x > y) j++;
        else {
          ords[found] = x;
          scores[found++] = within.scores[i++]! + termScores[j++]!;
        }
      }
      return { ords: ords.subarray(0, found), scores: scores.subarray(0, found) };
    }
    const size = this.docs.size;
    if (this.mark.length < size) this.mark = new Int32Array(Math.max(size, this.mark.length * 2));
    const { mark } = this;
    const count = within.ords.length;
    for (let k = 0; k < count; k++) mark[within.ords[k]!] = k + 1;
    const best = new Float32Array(count);
    for (const term of terms) {
      const n = this.decode(term, minRank);
      const { termOrds, termScores } = this;
      for (let k = 0; k < n; k++) {
        const c = mark[termOrds[k]!]!;
        if (c !== 0 && termScores[k]! > best[c - 1]!) best[c - 1] = termScores[k]!;
      }
    }
    let found = 0;
    for (let k = 0; k < count; k++) {
      mark[within.ords[k]!] = 0; // zero again for the next query
      if (best[k]! > 0) found++;
    }
    const ords = new Int32Array(found);
    const scores = new Float32Array(found);
    for (let k = 0, n = 0; k < count; k++) {
      if (best[k]! === 0) continue;
      ords[n] = within.ords[k]!;
      scores[n++] = within.scores[k]! + best[k]!;
    }
    return { ords, scores };
  }

  /** At least how many tickets the terms' postings hold together (to take the rarest first). */
  size(terms: readonly string[]): number {
    return terms.reduce((n, term) => n + this.sizeOf(term), 0);
  }

  /**
   * Decodes one term's postings into termOrds/termScores (reused by every term: a query's prefix expands
   * to many terms, and allocating arrays for each costs more than reading them), the segment's first,
   * then the recent tickets' (whose ordinals are higher); returns how many.
   */
  private decode(term: string, minRank: number): number {
    const i = find(this.base, term);
    const recent = this.delta.get(term) ?? [];
    const size = (i >= 0 ? postingBytes(this.base, i) : 0) + recent.length / 2;
    if (this.termOrds.length < size) {
      this.termOrds = new Int32Array(size * 2);
      this.termScores = new Float32Array(size * 2);
      this.ranks = new Uint8Array(size * 2);
    }
    const { termOrds: ords, termScores: scores, ranks, docs } = this;
    // Decoded straight into the arrays, then filtered in place.
    const decoded = i >= 0 ? decodeInto(this.base, i, ords, ranks) : 0;
    let n = 0;
    if (minRank === 0 && docs.live === docs.size) {
      // Nothing to leave out (no ticket removed since the last compaction): only the weights to look up.
      for (; n < decoded; n++) scores[n] = weight[ranks[n]!]!;
    } else for (let k = 0; k < decoded; k++) {
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

  /** At least how many tickets a term's postings hold (their bytes in the segment, and the recent ones). */
  private sizeOf(term: string): number {
    const i = find(this.base, term);
    return (i >= 0 ? postingBytes(this.base, i) : 0) + (this.delta.get(term)?.length ?? 0) / 2;
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
