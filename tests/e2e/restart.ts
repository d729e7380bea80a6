/**
 * The end of every journey that syncs mail: the page reloaded and the host restarted (same data folder,
 * same origin, so the same cache), and then nothing set aside by the start-up check and nothing gone.
 */
import { expect, type Page } from '@playwright/test';
import { byLane, COMPLETE, countedLanes, type CountRow } from '../../renderer/db/ticket-counts';
import { restartHost, type RunningHost } from '../support/browser-mode';

export interface CacheSnapshot {
  tickets: string[];
  messages: string[];
  quarantine: number;
}

/** Every row of one of the cache's IndexedDB stores, read in the page. */
export function storeRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('switchboard');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store) as Promise<T[]>;
}

/** The cache as IndexedDB holds it. */
export async function snapshot(page: Page): Promise<CacheSnapshot> {
  const ids = async (store: string) => (await storeRows<{ id: string }>(page, store)).map((r) => String(r.id)).sort();
  const [tickets, messages, quarantine] = await Promise.all([ids('tickets'), ids('messages'), storeRows(page, 'quarantine')]);
  return { tickets, messages, quarantine: quarantine.length };
}

/** Waits for the start-up check of the cache; says how many rows it set aside. */
async function checked(page: Page): Promise<string> {
  await expect(page.locator('html[data-cache-checked]')).toHaveCount(1, { timeout: 20_000 });
  return (await page.locator('html').getAttribute('data-cache-checked'))!;
}

type CountedTicket = Parameters<typeof countedLanes>[0] & object;

/**
 * The sidebar's counters (renderer/db/ticket-counts.ts) against the tickets themselves, read in one
 * transaction so a sync writing meanwhile cannot split them: every lane — statuses, owners, accounts,
 * channels and the SLA due lanes kept in a row per day — counter minus tickets (all 0).
 */
async function counterDrift(page: Page): Promise<Record<string, number> | null> {
  const read = await page.evaluate(async (complete) => {
    const open = indexedDB.open('switchboard');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const tx = db.transaction(['tickets', 'ticketCounts']);
      const all = <T,>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      const [tickets, counts] = await Promise.all([all<CountedTicket>('tickets'), all<CountRow>('ticketCounts')]);
      if (!counts.some((c) => c.lane === complete)) return null; // not counted yet
      return { counts, tickets: tickets.map(({ status, assigneeId, accountId, channel, slaDueAt }) => ({ status, assigneeId, accountId, channel, slaDueAt })) };
    } finally {
      db.close();
    }
  }, COMPLETE);
  if (!read) return null;
  const drift: Record<string, number> = {};
  for (const [lane, n] of Object.entries(byLane(read.counts))) if (!lane.startsWith('#')) drift[lane] = n;
  for (const t of read.tickets) for (const lane of countedLanes(t)) drift[lane] = (drift[lane] ?? 0) - 1;
  return drift;
}

async function expectCountersAgree(page: Page): Promise<void> {
  await expect.poll(() => counterDrift(page), { timeout: 20_000 }).not.toBeNull();
  const drift = (await counterDrift(page))!;
  expect(Object.entries(drift).filter(([, d]) => d !== 0), JSON.stringify(drift)).toEqual([]);
}

/**
 * Reload, then restart the host: every ticket and message that was there is there, none set aside, and
 * the sidebar's counters agree with them.
 */
export async function expectNothingLostOnRestart(page: Page, host: RunningHost): Promise<void> {
  const before = await snapshot(page);
  expect(before.quarantine).toBe(0);
  await page.reload();
  expect(await checked(page)).toBe('0');
  const reloaded = await snapshot(page);
  expect(reloaded.tickets).toEqual(expect.arrayContaining(before.tickets));
  expect(reloaded.messages).toEqual(expect.arrayContaining(before.messages));
  await expectCountersAgree(page);
  await restartHost(host);
  // A fresh page load (the address may be the same: the host keeps its data folder's key).
  await page.goto('about:blank');
  await page.goto(host.url);
  expect(await checked(page)).toBe('0');
  const restarted = await snapshot(page);
  expect(restarted.quarantine).toBe(0);
  expect(restarted.tickets).toEqual(expect.arrayContaining(before.tickets));
  expect(restarted.messages).toEqual(expect.arrayContaining(before.messages));
  await expectCountersAgree(page);
}
