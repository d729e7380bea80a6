/** User journeys shared by browser mode and Electron: the same steps, whichever shell runs the app. */
import { expect, type Page } from '@playwright/test';

export const inboxRows = (page: Page) => page.getByRole('listbox', { name: 'Tickets' }).getByRole('option');

/** The demo is fully cached: its open count is in (the list itself renders only what is on screen). */
export async function demoLoaded(page: Page): Promise<void> {
  const open = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /All open/ }).locator('.count');
  await expect.poll(async () => Number(await open.textContent()), { timeout: 20_000 }).toBeGreaterThan(100);
}

/** Scrolls the (virtualized) list until the ticket's row is rendered, and returns it. Bounded: 60 screens. */
export async function showTicket(page: Page, ticketId: string) {
  const row = page.locator(`[data-ticket-id="${ticketId}"]`);
  const list = page.locator('.list-scroll');
  await list.evaluate((el) => el.scrollTo(0, 0));
  for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
    await list.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
    await page.waitForTimeout(50);
  }
  await expect(row).toHaveCount(1);
  return row;
}

/** Open the demo inbox, open a ticket, change its status, reload, and find the change kept. */
export async function changeStatusAndReload(page: Page, reload: () => Promise<void>): Promise<void> {
  await expect(page.getByText('Demo workspace: these tickets and customers are sample data')).toBeVisible();
  await expect(inboxRows(page).first()).toBeVisible();
  // The whole demo arrives page by page; wait until it is all cached.
  await demoLoaded(page);

  // Both languages are in the demo inbox.
  const subjects = await page.locator('.subject').allTextContents();
  expect(subjects.some((s) => /[а-яё]/i.test(s))).toBe(true);
  expect(subjects.some((s) => /^[A-Za-z0-9 '’?#"-]+$/.test(s))).toBe(true);

  const row = inboxRows(page).filter({ has: page.locator('.status-open') }).first();
  const ticketId = await row.getAttribute('data-ticket-id');
  await row.click();
  const view = page.locator('section.ticket');
  await expect(view.locator('h1')).toHaveText((await row.locator('.subject').textContent())!);
  await view.getByLabel('Status').selectOption('pending');

  const changed = page.locator(`[data-ticket-id="${ticketId}"]`);
  await expect(changed.locator('.badge.status')).toHaveText('Pending');
  await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();
  await expect(page.getByText(/waiting to sync/)).toHaveCount(0);

  await reload();
  const again = await showTicket(page, ticketId!);
  await expect(again.locator('.badge.status')).toHaveText('Pending');
  await again.click();
  await expect(page.locator('section.ticket').getByLabel('Status')).toHaveValue('pending');
}
