import { inboxRows, demoLoaded } from './journeys';
import { expect, test } from './host';

test('snooze: the ticket leaves the inbox for "Snoozed" and comes back when woken; s focuses snooze', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const nav = page.getByRole('navigation', { name: 'Views' });
  const openCount = async () => Number(await nav.getByRole('button', { name: /All open/ }).locator('.count').textContent());
  const before = await openCount();

  const row = inboxRows(page).first();
  const ticketId = (await row.getAttribute('data-ticket-id'))!;
  await row.click();
  await page.locator('section.ticket h1').click(); // out of any field, so keys are shortcuts
  await page.keyboard.press('s');
  const snoozeSelect = page.locator('.snooze select');
  await expect(snoozeSelect).toBeFocused();
  await snoozeSelect.selectOption('tomorrow');
  await expect(page.locator('.badge.snoozed')).toContainText('Snoozed until');
  await expect(page.locator(`[data-ticket-id="${ticketId}"]`)).toHaveCount(0);
  await expect.poll(openCount).toBe(before - 1);

  await nav.getByRole('button', { name: /Snoozed/ }).click();
  await expect(nav.getByRole('button', { name: /Snoozed/ }).locator('.count')).toHaveText('1');
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  await page.getByRole('button', { name: 'Wake now' }).click();
  await expect(page.locator(`[data-ticket-id="${ticketId}"]`)).toHaveCount(0); // gone from Snoozed
  await nav.getByRole('button', { name: /All open/ }).click();
  await expect(page.locator(`[data-ticket-id="${ticketId}"]`)).toHaveCount(1);
  await expect.poll(openCount).toBe(before);
});
