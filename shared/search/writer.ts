/** Writes a segment term by term, in sorted order, without holding the postings twice. */
import type { Segment } from './segment';

export class SegmentWriter {
  private terms: string[] = [];
  private termStart: number[] = [0];
  private postStart: number[] = [];
  private postings = new Uint8Array(1 << 16);
  private p = 0;

  /** Adds a term with its postings as flat [ordinal, mask, …], ordinals ascending. Empty lists are skipped. */
  add(term: string, list: ArrayLike<number>): void {
    if (list.length === 0) return;
    this.terms.push(term);
    this.termStart.push(this.termStart[this.termStart.length - 1]! + term.length);
    this.postStart.push(this.p);
    let previous = 0;
    for (let k = 0; k < list.length; k += 2) {
      if (this.p + 8 > this.postings.length) {
        const grown = new Uint8Array(this.postings.length * 2);
        grown.set(this.postings);
        this.postings = grown;
      }
      let delta = list[k]! - previous;
      previous = list[k]!;
      while (delta >= 0x80) {
        this.postings[this.p++] = (delta & 0x7f) | 0x80;
        delta = Math.floor(delta / 128);
      }
      this.postings[this.p++] = delta;
      this.postings[this.p++] = list[k + 1]!;
    }
  }

  finish(): Segment {
    return {
      lexicon: this.terms.join(''),
      termStart: Uint32Array.from(this.termStart),
      postStart: Uint32Array.from([...this.postStart, this.p]),
      postings: this.postings.slice(0, this.p),
    };
  }
}

/** Builds a segment from terms with their postings as flat [ordinal, mask, ordinal, mask, …] ascending. */
export function buildSegment(entries: Iterable<[string, ArrayLike<number>]>): Segment {
  const writer = new SegmentWriter();
  for (const [term, list] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) writer.add(term, list);
  return writer.finish();
}

export const emptySegment: Segment = buildSegment([]);
