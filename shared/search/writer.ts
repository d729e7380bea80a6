/** Writes a segment term by term, in sorted order, without holding the postings twice. */
import { BLOCK, type Segment } from './segment';

const encoder = new TextEncoder();

export class SegmentWriter {
  private lexicon = new Uint8Array(1 << 16);
  private l = 0;
  private termLength: number[] = [];
  private blockStart: number[] = [];
  private postStart: number[] = [];
  private postings = new Uint8Array(1 << 16);
  private p = 0;

  /** Adds a term with its postings as flat [ordinal, rank, …], ordinals ascending. Empty lists are skipped. */
  add(term: string, list: ArrayLike<number>): void {
    if (list.length === 0) return;
    if (this.l + term.length * 3 > this.lexicon.length) {
      const grown = new Uint8Array(Math.max(this.lexicon.length * 2, this.l + term.length * 3));
      grown.set(this.lexicon);
      this.lexicon = grown;
    }
    const written = encoder.encodeInto(term, this.lexicon.subarray(this.l)).written;
    // A term over 255 bytes (no word is: words() stops at 64 characters) is left out.
    if (written > 255) return;
    if (this.termLength.length % BLOCK === 0) this.blockStart.push(this.l);
    this.termLength.push(written);
    this.l += written;
    this.postStart.push(this.p);
    let previous = 0;
    for (let k = 0; k < list.length; k += 2) {
      if (this.p + 8 > this.postings.length) {
        const grown = new Uint8Array(this.postings.length * 2);
        grown.set(this.postings);
        this.postings = grown;
      }
      let value = (list[k]! - previous) * 4 + list[k + 1]!;
      previous = list[k]!;
      while (value >= 0x80) {
        this.postings[this.p++] = (value & 0x7f) | 0x80;
        value = Math.floor(value / 128);
      }
      this.postings[this.p++] = value;
    }
  }

  finish(): Segment {
    return {
      lexicon: this.lexicon.slice(0, this.l),
      termLength: Uint8Array.from(this.termLength),
      blockStart: Uint32Array.from(this.blockStart),
      postStart: Uint32Array.from([...this.postStart, this.p]),
      postings: this.postings.slice(0, this.p),
    };
  }
}

/** Builds a segment from terms with their postings as flat [ordinal, rank, ordinal, rank, …] ascending. */
export function buildSegment(entries: Iterable<[string, ArrayLike<number>]>): Segment {
  const writer = new SegmentWriter();
  for (const [term, list] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) writer.add(term, list);
  return writer.finish();
}

export const emptySegment: Segment = buildSegment([]);
