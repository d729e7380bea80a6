import { changeStatusAndReload, inboxRows, demoLoaded } from './journeys';
import { expect, restartHost, startBrowserMode, stopHost, test } from './host';

test('the demo inbox: open a ticket, change its status, reload, the change is kept', async ({ page, host }) => {
  await page.goto(host.url);
  await changeStatusAndReload(page, async () => {
    await page.reload();
  });
});

test('a reply shows at once and is sent; the thread keeps it after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const ticketId = await inboxRows(page).first().getAttribute('data-ticket-id');
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  const view = page.locator('section.ticket');
  await view.getByRole('textbox', { name: 'Reply' }).fill('Спасибо! Мы вернули деньги на карту.');
  await view.getByRole('button', { name: 'Send reply' }).click();
  const reply = view.locator('.message.out').filter({ hasText: 'Спасибо! Мы вернули деньги на карту.' });
  await expect(reply).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /Sending your reply in \d+ s/ })).toBeVisible(); // the undo window
  await expect(reply.getByText('Waiting to sync')).toHaveCount(0, { timeout: 30_000 });
  await page.reload();
  await page.locator(`[data-ticket-id="${ticketId}"]`).click();
  await expect(page.locator('.message.out').filter({ hasText: 'Спасибо! Мы вернули деньги на карту.' })).toHaveCount(1);
});

test('without the token, or with a wrong one, the page says the link has expired', async ({ page, host }) => {
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await page.goto(`${host.origin}/#token=not-the-token`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await expect(inboxRows(page)).toHaveCount(0);
  // The right address pasted into the same tab opens the app at once, no reload.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.goto(host.url);
  await expect(inboxRows(page).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('the host restarts: the open tab carries on by itself; with --new-token, pasting the new address into the tab is enough', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const ticket = inboxRows(page).first();
  const subject = (await ticket.locator('.subject').textContent()) ?? '';
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // Same data folder, same key: the tab reconnects, and a change made after the restart reaches the host.
  await restartHost(host);
  await ticket.click();
  await page.locator('section.ticket').getByLabel('Status').selectOption('on-hold');
  await expect(page.locator('section.ticket').getByText('Waiting to sync')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toHaveCount(0);

  // A new key (the old address leaked, say): the tab says so, and takes the new address without a reload.
  const port = Number(new URL(host.url).port);
  await stopHost(host);
  Object.assign(host, await startBrowserMode(host.dataDir, [...host.args, '--new-token'], { port, env: host.env }));
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible({ timeout: 20_000 });
  await page.goto(host.url);
  await expect(inboxRows(page).filter({ hasText: subject })).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('the UI follows the system language and can be switched in Settings', async ({ browser, host }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: /Все открытые/ })).toBeVisible();
  await expect(page.getByText('Демо-пространство: эти обращения и клиенты — пример')).toBeVisible();

  await page.getByRole('button', { name: 'Настройки' }).click();
  await page.getByLabel('Язык').selectOption('en');
  await expect(page.getByRole('button', { name: /All open/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: /All open/ })).toBeVisible();
  await context.close();
});

test('one click removes the demo and its cached tickets; it can be brought back', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(inboxRows(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await expect(page.getByText('Demo workspace: these tickets')).toHaveCount(0);
  const cached = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('switchboard');
        open.onsuccess = () => {
          const count = open.result.transaction('tickets').objectStore('tickets').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(cached).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Restore demo workspace' }).click();
  await expect(inboxRows(page).first()).toBeVisible();
});

test('Ctrl-C stops browser mode cleanly and frees its port', async ({ host }) => {
  expect(await stopHost(host)).toBe(0);
  await expect(fetch(host.origin)).rejects.toThrow();
});

test('KPIs of the demo, computed offline from the cache, exported as CSV', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  // The demo's tickets show their SLA targets in the ticket view, not only a badge in the list.
  await inboxRows(page).first().click();
  await expect(page.locator('section.ticket').getByRole('list', { name: 'SLA targets' }).getByRole('listitem')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'KPIs' }).click();
  const all = page.getByRole('row', { name: /All tickets on this computer/ });
  await expect(all.getByRole('cell').first()).toHaveText('200');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(await (await downloading).path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('period_start,tickets,avg_first_response_min,avg_resolution_min,overdue_backlog,sla_compliance_percent,satisfaction_percent');
  expect(csv.filter(Boolean)).toHaveLength(15); // header and 14 days

  // Satisfaction from the rated tickets; a team (the source's group) narrows every figure.
  await expect(all.getByRole('cell').last()).toHaveText(/^\d+(\.\d)?% of \d+ rated$/);
  // Every team the source knows is offered, also one with no tickets yet.
  await expect(page.getByLabel('Tickets of').locator('option[value="team:Second line"]')).toHaveCount(1);
  await page.getByLabel('Tickets of').selectOption('team:Billing');
  const billing = Number(await all.getByRole('cell').first().textContent());
  expect(billing).toBeGreaterThan(0);
  expect(billing).toBeLessThan(200);
});
