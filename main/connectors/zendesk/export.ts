/**
 * Where a Zendesk sync stands, and how the incremental ticket export is worked through within the
 * account's rate limit. A page holds up to 1,000 tickets and each needs a request for its comments, so a
 * first sync runs two walks over the export: the listing walk goes ahead, a page a pull, and puts every
 * ticket in the inbox as its record says (the export is oldest first: the newest would otherwise come
 * hours later); the filling walk follows, reading each ticket's comments in chunks within each pull's time
 * budget. The cursor says how far into its page the filling is, so a 429 or a restart resumes there.
 * Once the filling has caught up, the two walk together: a small page of changes is read whole at once.
 */
import type { ZdTicket } from './map';

export interface ExportCursor {
  v: 2;
  /** The listing walk: the export cursor of the next page to list (null: the first, start_time=0). */
  list: string | null;
  /** The listing walk reached the end of the stream in this round (it waits for the filling). */
  listed: boolean;
  /** The filling walk: the export cursor of the page being filled, and how many of its tickets are in. */
  page: string | null;
  offset: number;
  /** Tickets with comments in, during a first sync; and the account's ticket count, when Zendesk said. */
  done: number;
  total: number | null;
}

export interface ExportPage {
  tickets: ZdTicket[];
  after_cursor: string | null;
  end_of_stream: boolean;
}

/** A page with more tickets than this is listed first and then filled in; a smaller one is read whole at once. */
export const LIST_FIRST_ABOVE = 50;
/** At most this many tickets' comments per pull (the pull's time budget usually ends it sooner). */
export const CHUNK = 200;
/** How long a pull may go on: a call between the page and main must answer well within 30 s. */
export const PULL_BUDGET_MS = 20_000;

const start = (): ExportCursor => ({ v: 2, list: null, listed: false, page: null, offset: 0, done: 0, total: null });

/** The cursor as stored; one of an earlier version (the export's own cursor, as text) goes on from there. */
export function readCursor(cursor: string | null): ExportCursor {
  if (cursor === null || cursor === '') return start();
  try {
    const value = JSON.parse(cursor) as Partial<ExportCursor>;
    if (value?.v === 2 && (typeof value.page === 'string' || value.page === null) && Number.isInteger(value.offset) && 'list' in value) {
      return { ...start(), ...value, v: 2 };
    }
  } catch {
    // the export's own cursor, written by an earlier version
  }
  return { ...start(), list: cursor, page: cursor };
}

export const exportPath = (page: string | null) => (page === null ? 'incremental/tickets/cursor.json?start_time=0' : `incremental/tickets/cursor.json?cursor=${encodeURIComponent(page)}`);

/** A ticket record the client can use; a malformed one is left out (and logged by the caller). */
export const isTicket = (t: ZdTicket | null | undefined): t is ZdTicket => typeof t?.id === 'number' && typeof t.status === 'string' && typeof t.updated_at === 'string';

/** Zendesk's incremental export lists deleted tickets, with status "deleted" and scrubbed fields. */
export const isDeleted = (t: ZdTicket) => t.status === 'deleted';

/** The export pages fetched lately, by the cursor they were asked with: a page worked on over many pulls is fetched once. */
export class PageCache {
  private readonly pages = new Map<string, { at: number; page: ExportPage }>();

  constructor(private readonly maxAgeMs = 15 * 60_000) {}

  get(key: string | null, now: number): ExportPage | undefined {
    const entry = this.pages.get(key ?? '');
    return entry && now - entry.at < this.maxAgeMs ? entry.page : undefined;
  }

  set(key: string | null, page: ExportPage, now: number): void {
    if (this.pages.size >= 4) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key ?? '', { at: now, page });
  }

  /** A page worked through: asked again later, its cursor brings what changed since. */
  drop(key: string | null): void {
    this.pages.delete(key ?? '');
  }
}
