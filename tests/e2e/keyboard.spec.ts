import { expect, test } from './host';
import { inboxRows } from './journeys';

const openCount = async (page: import('@playwright/test').Page) => Number(await page.getByRole('button', { name: /All open/ }).locator('.count').textContent());

test('keyboard-only triage: j opens the first ticket, e solves twenty in a row, ? shows the keys', async ({ page, host }) => {
  await page.goto(host.url);
  await expect.poll(() => inboxRows(page).count()).toBeGreaterThan(100);
  const before = await openCount(page);
  await page.keyboard.press('j');
  await expect(page.locator('section.ticket h1')).toBeVisible();
  const first = await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-ticket-id');
  for (let i = 0; i < 20; i++) await page.keyboard.press('e');
  await expect.poll(() => openCount(page)).toBe(before - 20);
  await expect(page.getByText(/waiting to sync/)).toHaveCount(0);
  await expect(page.locator(`[data-ticket-id="${first}"]`)).toHaveCount(0); // solved tickets leave "All open"

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Solve and go to the next');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // Keys typed into the reply box stay there.
  await page.keyboard.press('r');
  await page.keyboard.type('jekyll');
  await expect(page.locator('.composer textarea')).toHaveValue('jekyll');
});

test('a draft survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const row = inboxRows(page).first();
  const id = await row.getAttribute('data-ticket-id');
  await row.click();
  await page.getByRole('textbox', { name: 'Reply' }).fill('Half-written answer about the refund');
  await page.waitForTimeout(600); // saved as the agent types (after a short pause)
  await page.reload();
  await page.locator(`[data-ticket-id="${id}"]`).click();
  await expect(page.getByRole('textbox', { name: 'Reply' })).toHaveValue('Half-written answer about the refund');
});
