/**
 * The indexed tickets by ordinal: their ids and the attributes filters and ranking read, in typed
 * arrays (a few bytes per ticket instead of an object each). Since the last compaction, ordinals follow
 * the ticket ids' sort order, so the ids are one string and finding a ticket's ordinal is a binary
 * search; tickets indexed since then get the next ordinals and a small map.
 */
import type { AnalyzedDoc, DocAttrs } from './analyze';

const GONE = 128;
/** The id is the account id, ':', then what sortedIds holds (ids are `${accountId}:${remoteId}`). */
const SHORT = 64;
const MINUTE = 60_000;
/** slaDueAt of a ticket without an SLA clock. */
const NO_CLOCK = 0xffffffff;

function grow<T extends Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export interface DocsSnapshot {
  sortedIds: string;
  sortedStart: Uint32Array<ArrayBuffer>;
  names: string[];
  /** status, priority, channel, flags per ordinal. */
  bytes: Uint8Array<ArrayBuffer>;
  account: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
  assignee: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
  /** createdAt, updatedAt, slaDueAt in minutes, per ordinal. */
  minutes: Uint32Array<ArrayBuffer>;
}

export class DocTable {
  /** Ordinals below sortedCount: ids sorted, concatenated; id o is sortedIds.slice(sortedStart[o], sortedStart[o + 1]). */
  private sortedIds = '';
  private sortedStart = new Uint32Array(1);
  private sortedCount = 0;
  /** Ordinals from sortedCount on: tickets indexed since. */
  private recentIds: string[] = [];
  private recentOrdinals = new Map<string, number>();
  /** Account and assignee ids, stored once; index 0 is "none". */
  names: string[] = [''];
  private nameIds = new Map<string, number>([['', 0]]);
  private bytes = new Uint8Array(4 * 64);
  /** Name ids: two bytes each until there are more than 65,535 names. */
  private account: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> = new Uint16Array(64);
  private assignee: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> = new Uint16Array(64);
  private minutes = new Uint32Array(3 * 64);
  live = 0;

  get size(): number {
    return this.sortedCount + this.recentIds.length;
  }

  idAt(o: number): string {
    if (o >= this.sortedCount) return this.recentIds[o - this.sortedCount]!;
    const stored = this.sortedIds.slice(this.sortedStart[o], this.sortedStart[o + 1]);
    return this.bytes[4 * o + 3]! & SHORT ? `${this.accountName(o)}:${stored}` : stored;
  }

  ordinalOf(ticketId: string): number | undefined {
    const recent = this.recentOrdinals.get(ticketId);
    if (recent !== undefined) return recent;
    let lo = 0;
    let hi = this.sortedCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const id = this.idAt(mid);
      if (id < ticketId) lo = mid + 1;
      else if (id > ticketId) hi = mid;
      else return this.isLive(mid) ? mid : undefined;
    }
    return undefined;
  }

  isLive(o: number): boolean {
    return (this.bytes[4 * o + 3]! & GONE) === 0;
  }
  status(o: number): number {
    return this.bytes[4 * o]!;
  }
  priority(o: number): number {
    return this.bytes[4 * o + 1]!;
  }
  channel(o: number): number {
    return this.bytes[4 * o + 2]!;
  }
  flags(o: number): number {
    return this.bytes[4 * o + 3]! & ~(GONE | SHORT);
  }
  accountName(o: number): string {
    return this.names[this.account[o]!]!;
  }
  assigneeName(o: number): string | null {
    return this.assignee[o] ? this.names[this.assignee[o]!]! : null;
  }
  createdAt(o: number): number {
    return this.minutes[3 * o]! * MINUTE;
  }
  updatedAt(o: number): number {
    return this.minutes[3 * o + 1]! * MINUTE;
  }
  slaDueAt(o: number): number | null {
    const m = this.minutes[3 * o + 2]!;
    return m === NO_CLOCK ? null : m * MINUTE;
  }

  private nameId(name: string | null): number {
    const key = name ?? '';
    let id = this.nameIds.get(key);
    if (id === undefined) {
      id = this.names.push(key) - 1;
      this.nameIds.set(key, id);
      if (id > 0xffff && this.account instanceof Uint16Array) {
        this.account = Uint32Array.from(this.account);
        this.assignee = Uint32Array.from(this.assignee);
      }
    }
    return id;
  }

  add(doc: AnalyzedDoc): number {
    this.remove(doc.ticketId);
    const o = this.size;
    this.recentIds.push(doc.ticketId);
    this.recentOrdinals.set(doc.ticketId, o);
    this.set(o, doc.attrs);
    this.live++;
    return o;
  }

  private set(o: number, a: DocAttrs): void {
    this.bytes = grow(this.bytes, 4 * (o + 1));
    this.account = grow(this.account, o + 1);
    this.assignee = grow(this.assignee, o + 1);
    this.minutes = grow(this.minutes, 3 * (o + 1));
    this.bytes.set([a.status, a.priority, a.channel, a.flags & ~(GONE | SHORT)], 4 * o);
    this.account[o] = this.nameId(a.account);
    this.assignee[o] = this.nameId(a.assignee);
    this.minutes[3 * o] = Math.floor(a.createdAt / MINUTE);
    this.minutes[3 * o + 1] = Math.floor(a.updatedAt / MINUTE);
    this.minutes[3 * o + 2] = a.slaDueAt === null ? NO_CLOCK : Math.floor(a.slaDueAt / MINUTE);
  }

  remove(ticketId: string): boolean {
    const o = this.ordinalOf(ticketId);
    if (o === undefined) return false;
    this.recentOrdinals.delete(ticketId);
    this.bytes[4 * o + 3]! |= GONE;
    this.live--;
    return true;
  }

  private attrs(o: number): DocAttrs {
    return {
      account: this.accountName(o), assignee: this.assigneeName(o), status: this.status(o), priority: this.priority(o), channel: this.channel(o),
      flags: this.flags(o), createdAt: this.createdAt(o), updatedAt: this.updatedAt(o), slaDueAt: this.slaDueAt(o),
    };
  }

  /** The live tickets in a new table, ordinals in id order; returns old ordinal → new (-1: gone). */
  compacted(): { table: DocTable; remap: Int32Array } {
    const live: Array<[string, number]> = [];
    for (let o = 0; o < this.size; o++) if (this.isLive(o)) live.push([this.idAt(o), o]);
    live.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const table = new DocTable();
    const n = live.length;
    // Sized exactly: a compacted table only grows again by what is indexed next.
    table.bytes = new Uint8Array(4 * n);
    table.account = this.account instanceof Uint16Array ? new Uint16Array(n) : new Uint32Array(n);
    table.assignee = this.account instanceof Uint16Array ? new Uint16Array(n) : new Uint32Array(n);
    table.minutes = new Uint32Array(3 * n);
    const remap = new Int32Array(this.size).fill(-1);
    const stored: string[] = [];
    table.sortedStart = new Uint32Array(live.length + 1);
    live.forEach(([id, old], o) => {
      const attrs = this.attrs(old);
      table.set(o, attrs);
      // The account id is stored once for all its tickets, not in each id.
      const short = id.startsWith(`${attrs.account}:`);
      stored.push(short ? id.slice(attrs.account.length + 1) : id);
      if (short) table.bytes[4 * o + 3]! |= SHORT;
      table.sortedStart[o + 1] = table.sortedStart[o]! + stored[o]!.length;
      remap[old] = o;
    });
    table.sortedIds = stored.join('');
    table.sortedCount = table.live = live.length;
    return { table, remap };
  }

  /** The table as stored; only a compacted table (nothing recent) is. */
  snapshot(): DocsSnapshot {
    if (this.recentIds.length > 0) throw new Error('compact before taking a snapshot');
    const n = this.size;
    return {
      sortedIds: this.sortedIds, sortedStart: this.sortedStart.slice(), names: this.names.slice(),
      bytes: this.bytes.slice(0, 4 * n), account: this.account.slice(0, n), assignee: this.assignee.slice(0, n), minutes: this.minutes.slice(0, 3 * n),
    };
  }

  static restore(s: DocsSnapshot): DocTable {
    const table = new DocTable();
    Object.assign(table, { sortedIds: s.sortedIds, sortedStart: s.sortedStart, names: s.names.slice(), bytes: s.bytes, account: s.account, assignee: s.assignee, minutes: s.minutes });
    table.nameIds = new Map(table.names.map((name, i) => [name, i]));
    table.sortedCount = s.sortedStart.length - 1;
    for (let o = 0; o < table.sortedCount; o++) if (table.isLive(o)) table.live++;
    return table;
  }

  /** Bytes held (ids as one-byte characters, as V8 stores Latin text). */
  get byteSize(): number {
    return this.sortedIds.length + this.sortedStart.byteLength + this.bytes.byteLength + this.account.byteLength + this.assignee.byteLength + this.minutes.byteLength;
  }
}
