import { inboxRows, demoLoaded } from './journeys';
import { expect, test } from './host';

test('undo send: within the window the reply goes back into the draft and is never sent', async ({ page, host }) => {
  await page.goto(host.url);
  const row = inboxRows(page).first();
  await row.click();
  const view = page.locator('section.ticket');
  await view.getByRole('textbox', { name: 'Reply' }).fill('Oops, wrong customer.');
  await view.getByRole('button', { name: 'Send reply' }).click();
  const toast = page.getByRole('status').filter({ hasText: /Sending your reply in \d+ s/ });
  await expect(toast).toBeVisible();
  await expect(view.locator('.message.out').filter({ hasText: 'Oops, wrong customer.' })).toHaveCount(1);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(view.locator('.message.out').filter({ hasText: 'Oops, wrong customer.' })).toHaveCount(0);
  await expect(view.getByRole('textbox', { name: 'Reply' })).toHaveValue('Oops, wrong customer.');
  await page.waitForTimeout(11_000); // past the window: nothing went out
  await expect(page.locator('footer.statusbar')).not.toContainText('waiting to sync');
  await expect(view.locator('.message.out').filter({ hasText: 'Oops, wrong customer.' })).toHaveCount(0);
});

test('the Outbox lists what waits; a change is undone there before it is sent', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const bar = page.locator('footer.statusbar');
  await bar.getByRole('button', { name: 'Pause sync' }).click();
  const row = inboxRows(page).filter({ has: page.locator('.status-open') }).first();
  const ticketId = await row.getAttribute('data-ticket-id');
  await row.click();
  const original = await page.locator('section.ticket').getByLabel('Priority').inputValue();
  const chosen = original === 'low' ? 'high' : 'low';
  const label = chosen === 'low' ? 'Low' : 'High';
  await page.locator('section.ticket').getByLabel('Priority').selectOption(chosen);
  await bar.getByRole('button', { name: '1 change waiting to sync' }).click();

  const outbox = page.getByRole('region', { name: 'Outbox' });
  const entry = outbox.locator('.outbox-row');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`Priority → ${label}`);
  await expect(entry).toContainText('Waiting to send');
  const priorityOf = (id: string | null) => page.evaluate(async (id) => {
    const open = indexedDB.open('switchboard');
    const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
    const ticket = await new Promise<{ priority: string }>((r) => {
      const get = db.transaction('tickets').objectStore('tickets').get(id!);
      get.onsuccess = () => r(get.result as { priority: string });
    });
    db.close();
    return ticket.priority;
  }, id);
  expect(await priorityOf(ticketId)).toBe(chosen); // the optimistic effect

  await entry.getByRole('button', { name: 'Undo' }).click();
  await expect(outbox.getByText('Everything has reached its source.')).toBeVisible();
  expect(await priorityOf(ticketId)).toBe(original); // rolled back
  await bar.getByRole('button', { name: 'Resume sync' }).click();
  await page.getByRole('button', { name: /All open/ }).click();
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  await expect(page.locator('section.ticket').getByLabel('Priority')).toHaveValue(original);
});
