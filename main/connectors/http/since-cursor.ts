/**
 * The cursor of an API that lists items "updated since T", ascending, page by page, where T has whole
 * seconds (RT's TicketSQL, Freshdesk's updated_since): a round pages through everything since T; the next
 * round starts at the latest time seen and skips the items it already has from that very second.
 */
export interface SinceCursor {
  since: string;
  page: number;
  /** The latest update time seen in this round: the next round starts there. */
  max: string;
  /** Items already pulled as of `since`: skipped unless changed. */
  skip?: string[];
  /** This round's items last updated at `max`. */
  atMax?: string[];
}

export function readSinceCursor(cursor: string | null, epoch: string): SinceCursor {
  return cursor ? (JSON.parse(cursor) as SinceCursor) : { since: epoch, page: 1, max: epoch };
}

/** Walks one page: which items to fetch (not already had), and the cursor after this page. */
export function advance(c: SinceCursor, items: Array<{ id: string; updated: string }>, lastPage: boolean): { fetch: string[]; next: SinceCursor } {
  let max = c.max;
  let atMax = [...(c.atMax ?? [])];
  const fetch: string[] = [];
  for (const item of items) {
    if (item.updated > max) [max, atMax] = [item.updated, []];
    if (item.updated === max) atMax.push(item.id);
    if (!(item.updated === c.since && c.skip?.includes(item.id))) fetch.push(item.id);
  }
  const next: SinceCursor = lastPage ? { since: max, page: 1, max, skip: atMax } : { since: c.since, page: c.page + 1, max, skip: c.skip, atMax };
  return { fetch, next };
}
