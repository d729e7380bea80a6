/** User journeys shared by browser mode and Electron: the same steps, whichever shell runs the app. */
import { expect, type Page } from '@playwright/test';

export const inboxRows = (page: Page) => page.getByRole('listbox', { name: 'Tickets' }).getByRole('option');

/** Open the demo inbox, open a ticket, change its status, reload, and find the change kept. */
export async function changeStatusAndReload(page: Page, reload: () => Promise<void>): Promise<void> {
  await expect(page.getByText('Demo workspace: these tickets and customers are sample data')).toBeVisible();
  await expect(inboxRows(page).first()).toBeVisible();
  // The whole demo arrives page by page; wait until it is all cached.
  await expect.poll(() => inboxRows(page).count()).toBeGreaterThan(100);

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
  await expect(page.locator(`[data-ticket-id="${ticketId}"] .badge.status`)).toHaveText('Pending');
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  await expect(page.locator('section.ticket').getByLabel('Status')).toHaveValue('pending');
}
