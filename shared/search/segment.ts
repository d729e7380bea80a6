/**
 * An immutable, compact inverted index: the sorted terms in one string with offsets, and for each term
 * its postings — ticket ordinals ascending, delta- and varint-encoded, each followed by its field mask —
 * in one byte array. Typed arrays keep it small and cheap to persist; a lookup is a binary search.
 */

export interface Segment {
  /** All terms, sorted, concatenated. */
  lexicon: string;
  /** Term i is lexicon.slice(termStart[i], termStart[i + 1]). */
  termStart: Uint32Array;
  /** Postings of term i are postings.subarray(postStart[i], postStart[i + 1]). */
  postStart: Uint32Array;
  postings: Uint8Array;
}

export function termCount(segment: Segment): number {
  return segment.termStart.length - 1;
}

export function termAt(segment: Segment, i: number): string {
  return segment.lexicon.slice(segment.termStart[i], segment.termStart[i + 1]);
}

/** Compares term i with `key` in code-unit order, without copying the term. */
function compareAt(segment: Segment, i: number, key: string): number {
  const { lexicon, termStart } = segment;
  const start = termStart[i]!;
  const length = termStart[i + 1]! - start;
  const n = Math.min(length, key.length);
  for (let k = 0; k < n; k++) {
    const d = lexicon.charCodeAt(start + k) - key.charCodeAt(k);
    if (d !== 0) return d;
  }
  return length - key.length;
}

/** The first term index not less than `key`. */
export function lowerBound(segment: Segment, key: string): number {
  let lo = 0;
  let hi = termCount(segment);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(segment, mid, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function find(segment: Segment, term: string): number {
  const i = lowerBound(segment, term);
  return i < termCount(segment) && compareAt(segment, i, term) === 0 ? i : -1;
}

/** Indexes of the terms starting with `prefix`, at most `limit` of them. */
export function prefixRange(segment: Segment, prefix: string, limit: number): number[] {
  const out: number[] = [];
  const { lexicon, termStart } = segment;
  for (let i = lowerBound(segment, prefix); i < termCount(segment) && out.length < limit; i++) {
    if (!lexicon.startsWith(prefix, termStart[i]!) || termStart[i + 1]! - termStart[i]! < prefix.length) break;
    out.push(i);
  }
  return out;
}

/** Calls `visit(ordinal, mask)` for each posting of term i. */
export function forEachPosting(segment: Segment, i: number, visit: (ordinal: number, mask: number) => void): void {
  const { postings } = segment;
  let p = segment.postStart[i]!;
  const end = segment.postStart[i + 1]!;
  let ordinal = 0;
  while (p < end) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = postings[p++]!;
      delta += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    ordinal += delta;
    visit(ordinal, postings[p++]!);
  }
}

/** How many tickets term i occurs in (an upper bound is enough to order the work: bytes / 2). */
export function postingBytes(segment: Segment, i: number): number {
  return segment.postStart[i + 1]! - segment.postStart[i]!;
}
