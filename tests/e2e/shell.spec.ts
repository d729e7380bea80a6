import { inboxRows, demoLoaded } from './journeys';
import { expect, test } from './host';

test('pausing sync keeps changes on this computer until the agent resumes; the pause survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const bar = page.locator('footer.statusbar');
  await bar.getByRole('button', { name: 'Pause sync' }).click();
  await expect(bar).toContainText('Sync paused');

  const row = inboxRows(page).filter({ has: page.locator('.status-open') }).first();
  const ticketId = await row.getAttribute('data-ticket-id');
  await row.click();
  await page.locator('section.ticket').getByLabel('Status').selectOption('pending');
  await expect(page.locator(`[data-ticket-id="${ticketId}"] .badge.status`)).toHaveText('Pending');
  await expect(bar).toContainText('1 change waiting to sync');

  // Main holds the pause: a reload (or another window) is still paused, and nothing was sent.
  await page.reload();
  await expect(bar).toContainText('Sync paused');
  await page.waitForTimeout(1500); // a running engine sends within milliseconds of the start
  await expect(bar).toContainText('1 change waiting to sync');

  await bar.getByRole('button', { name: 'Resume sync' }).click();
  await expect(bar).toContainText('Up to date');
  await expect(bar).not.toContainText('waiting to sync');
  await expect(page.locator(`[data-ticket-id="${ticketId}"] .badge.status`)).toHaveText('Pending');
});

test('About lists the version and the licences of what the app ships; desktop settings are not offered in a browser', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog');
  await expect(settings.getByText(/Switchboard \d+\.\d+\.\d+ · browser mode/)).toBeVisible();
  await expect(settings.getByRole('group', { name: 'Desktop', exact: true })).toHaveCount(0);
  await settings.getByText('Open-source licences').click();
  await expect(settings.getByText(/Switchboard is built with \d+ open-source packages/)).toBeVisible();
  const dexie = settings.locator('.licences summary').filter({ hasText: /^dexie \d/ });
  await expect(dexie).toHaveText(/Apache-2\.0/);
  await dexie.click();
  await expect(settings.locator('.licences pre').filter({ hasText: 'Apache License' }).first()).toBeVisible();
  await expect(settings.getByText(/Runs on Node \d+/)).toBeVisible();
});
