/**
 * An immutable, compact inverted index: the sorted terms in one string with offsets, and for each term
 * its postings — ticket ordinals ascending, each stored as one varint of (gap × 4 + rank) — in one byte
 * array. A posting of a common word takes one byte. Typed arrays keep it small and cheap to persist.
 */

export interface Segment {
  /** All terms, sorted, concatenated as UTF-8 (terms hold no characters beyond the BMP, so byte order
   * is JavaScript's string order). */
  lexicon: Uint8Array<ArrayBuffer>;
  /** The byte length of each term (at most 255). */
  termLength: Uint8Array<ArrayBuffer>;
  /** Where every BLOCK-th term starts; the terms between follow by their lengths. */
  blockStart: Uint32Array<ArrayBuffer>;
  /** Postings of term i are postings.subarray(postStart[i], postStart[i + 1]). */
  postStart: Uint32Array<ArrayBuffer>;
  postings: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A term's UTF-8 bytes, written into a buffer reused by every lookup (a query looks up dozens of terms,
 * and each Uint8Array a TextEncoder makes is an allocation Chromium charges dearly for). A term with a
 * surrogate (an address or tag beyond the BMP) is left to the TextEncoder, as the writer encodes it. */
let keyBytes = new Uint8Array(64);
function keyOf(term: string): { bytes: Uint8Array; length: number } {
  if (keyBytes.length < term.length * 3) keyBytes = new Uint8Array(term.length * 3);
  let n = 0;
  for (let k = 0; k < term.length; k++) {
    const c = term.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) {
      const bytes = encoder.encode(term);
      return { bytes, length: bytes.length };
    }
    if (c < 0x80) keyBytes[n++] = c;
    else if (c < 0x800) {
      keyBytes[n++] = 0xc0 | (c >> 6);
      keyBytes[n++] = 0x80 | (c & 63);
    } else {
      keyBytes[n++] = 0xe0 | (c >> 12);
      keyBytes[n++] = 0x80 | ((c >> 6) & 63);
      keyBytes[n++] = 0x80 | (c & 63);
    }
  }
  return { bytes: keyBytes, length: n };
}
type Key = ReturnType<typeof keyOf>;

/** Terms per block of `blockStart`. */
export const BLOCK = 32;

export function termCount(segment: Segment): number {
  return segment.termLength.length;
}

function termStart(segment: Segment, i: number): number {
  let start = segment.blockStart[Math.floor(i / BLOCK)]!;
  for (let k = i - (i % BLOCK); k < i; k++) start += segment.termLength[k]!;
  return start;
}

export function termAt(segment: Segment, i: number): string {
  const start = termStart(segment, i);
  return decoder.decode(segment.lexicon.subarray(start, start + segment.termLength[i]!));
}

/** Compares term i with `key` (UTF-8) byte by byte; with `prefix`, a term that starts with key is equal. */
function compareAt(segment: Segment, i: number, key: Key, prefix = false): number {
  const { lexicon } = segment;
  const start = termStart(segment, i);
  const length = segment.termLength[i]!;
  const n = Math.min(length, key.length);
  for (let k = 0; k < n; k++) {
    const d = lexicon[start + k]! - key.bytes[k]!;
    if (d !== 0) return d;
  }
  return prefix && length >= key.length ? 0 : length - key.length;
}

function lowerBound(segment: Segment, key: Key): number {
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
  const key = keyOf(term);
  const i = lowerBound(segment, key);
  return i < termCount(segment) && compareAt(segment, i, key) === 0 ? i : -1;
}

/** Indexes of the terms starting with `prefix`, at most `limit` of them. */
export function prefixRange(segment: Segment, prefix: string, limit: number): number[] {
  const key = keyOf(prefix);
  const out: number[] = [];
  for (let i = lowerBound(segment, key); i < termCount(segment) && out.length < limit && compareAt(segment, i, key, true) === 0; i++) out.push(i);
  return out;
}

/** The postings of term i: ordinals ascending, with the rank of each. */
export function decodePostings(segment: Segment, i: number): { ords: Int32Array; ranks: Uint8Array } {
  const size = postingBytes(segment, i);
  const ords = new Int32Array(size);
  const ranks = new Uint8Array(size);
  const n = decodeInto(segment, i, ords, ranks);
  return { ords: ords.subarray(0, n), ranks: ranks.subarray(0, n) };
}

/** Decodes term i's postings into the given arrays (at least postingBytes long); returns how many. */
export function decodeInto(segment: Segment, i: number, ords: Int32Array, ranks: Uint8Array): number {
  const { postings } = segment;
  let p = segment.postStart[i]!;
  const end = segment.postStart[i + 1]!;
  let n = 0;
  let ordinal = 0;
  while (p < end) {
    // Integer arithmetic: a value is gap × 4 + rank, far below 2^31 (gaps are below the ticket count).
    let byte = postings[p++]!;
    let value = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = postings[p++]!;
      value |= (byte & 0x7f) << shift;
    }
    ordinal += value >>> 2;
    ords[n] = ordinal;
    ranks[n++] = value & 3;
  }
  return n;
}

/** How many tickets term i occurs in (an upper bound is enough to order the work: bytes / 2). */
export function postingBytes(segment: Segment, i: number): number {
  return segment.postStart[i + 1]! - segment.postStart[i]!;
}
