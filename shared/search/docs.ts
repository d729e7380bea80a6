/**
 * The indexed tickets by ordinal: their ids and the attributes filters and ranking read, in growable
 * typed arrays (a few bytes per ticket instead of an object each).
 */
import type { AnalyzedDoc, DocAttrs } from './analyze';

const GONE = 128;

function grow<T extends Uint8Array | Uint32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export interface DocsSnapshot {
  ids: string[];
  names: string[];
  status: Uint8Array<ArrayBuffer>;
  priority: Uint8Array<ArrayBuffer>;
  channel: Uint8Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  account: Uint32Array<ArrayBuffer>;
  assignee: Uint32Array<ArrayBuffer>;
  times: Float64Array<ArrayBuffer>;
}

export class DocTable {
  /** Ordinal → ticket id ('' once removed). */
  ids: string[] = [];
  private ordinals = new Map<string, number>();
  /** Account and assignee ids, stored once; index 0 is "none". */
  names: string[] = [''];
  private nameIds = new Map<string, number>([['', 0]]);
  status = new Uint8Array(1024);
  priority = new Uint8Array(1024);
  channel = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  account = new Uint32Array(1024);
  assignee = new Uint32Array(1024);
  /** createdAt, updatedAt, slaDueAt (NaN: no clock) of each ordinal. */
  times = new Float64Array(3 * 1024);
  live = 0;

  get size(): number {
    return this.ids.length;
  }

  ordinalOf(ticketId: string): number | undefined {
    return this.ordinals.get(ticketId);
  }

  isLive(ordinal: number): boolean {
    return (this.flags[ordinal]! & GONE) === 0;
  }

  private nameId(name: string | null): number {
    const key = name ?? '';
    let id = this.nameIds.get(key);
    if (id === undefined) {
      id = this.names.push(key) - 1;
      this.nameIds.set(key, id);
    }
    return id;
  }

  add(doc: AnalyzedDoc): number {
    this.remove(doc.ticketId);
    const ordinal = this.ids.push(doc.ticketId) - 1;
    this.ordinals.set(doc.ticketId, ordinal);
    this.set(ordinal, doc.attrs);
    this.live++;
    return ordinal;
  }

  private set(o: number, a: DocAttrs): void {
    const n = o + 1;
    this.status = grow(this.status, n);
    this.priority = grow(this.priority, n);
    this.channel = grow(this.channel, n);
    this.flags = grow(this.flags, n);
    this.account = grow(this.account, n);
    this.assignee = grow(this.assignee, n);
    this.times = grow(this.times, 3 * n);
    this.status[o] = a.status;
    this.priority[o] = a.priority;
    this.channel[o] = a.channel;
    this.flags[o] = a.flags & ~GONE;
    this.account[o] = this.nameId(a.account);
    this.assignee[o] = this.nameId(a.assignee);
    this.times[3 * o] = a.createdAt;
    this.times[3 * o + 1] = a.updatedAt;
    this.times[3 * o + 2] = a.slaDueAt ?? NaN;
  }

  remove(ticketId: string): boolean {
    const ordinal = this.ordinals.get(ticketId);
    if (ordinal === undefined) return false;
    this.ordinals.delete(ticketId);
    this.ids[ordinal] = '';
    this.flags[ordinal]! |= GONE;
    this.live--;
    return true;
  }

  /** Copies the live ordinals into a new table, densely; returns old ordinal → new (-1: gone). */
  compacted(): { table: DocTable; remap: Int32Array } {
    const table = new DocTable();
    const remap = new Int32Array(this.size).fill(-1);
    for (let o = 0; o < this.size; o++) {
      if (!this.isLive(o)) continue;
      const t = 3 * o;
      remap[o] = table.add({
        ticketId: this.ids[o]!,
        terms: [],
        masks: [],
        attrs: {
          account: this.names[this.account[o]!]!,
          assignee: this.assignee[o] ? this.names[this.assignee[o]!]! : null,
          status: this.status[o]!,
          priority: this.priority[o]!,
          channel: this.channel[o]!,
          flags: this.flags[o]!,
          createdAt: this.times[t]!,
          updatedAt: this.times[t + 1]!,
          slaDueAt: Number.isNaN(this.times[t + 2]!) ? null : this.times[t + 2]!,
        },
      });
    }
    return { table, remap };
  }

  snapshot(): DocsSnapshot {
    const n = this.size;
    return {
      ids: this.ids.slice(),
      names: this.names.slice(),
      status: this.status.slice(0, n),
      priority: this.priority.slice(0, n),
      channel: this.channel.slice(0, n),
      flags: this.flags.slice(0, n),
      account: this.account.slice(0, n),
      assignee: this.assignee.slice(0, n),
      times: this.times.slice(0, 3 * n),
    };
  }

  static restore(s: DocsSnapshot): DocTable {
    const table = new DocTable();
    table.ids = s.ids.slice();
    table.names = s.names.slice();
    table.nameIds = new Map(table.names.map((name, i) => [name, i]));
    table.status = s.status;
    table.priority = s.priority;
    table.channel = s.channel;
    table.flags = s.flags;
    table.account = s.account;
    table.assignee = s.assignee;
    table.times = s.times;
    table.ids.forEach((id, o) => {
      if (id && table.isLive(o)) {
        table.ordinals.set(id, o);
        table.live++;
      }
    });
    return table;
  }
}
