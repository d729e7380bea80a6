import { expect, test } from './host';
import { inboxRows, demoLoaded } from './journeys';

/** x on the open ticket and on the next one: two selected for a bulk change; their ids. */
async function selectTwo(page: import('@playwright/test').Page): Promise<string[]> {
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('2 selected');
  return page.locator('.row.checked').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')!));
}

const openCount = async (page: import('@playwright/test').Page) => Number(await page.getByRole('button', { name: /All open/ }).locator('.count').textContent());

test('keyboard-only triage: j opens the first ticket, e solves twenty in a row, ? shows the keys', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const before = await openCount(page);
  await page.keyboard.press('j');
  await expect(page.locator('section.ticket h1')).toBeVisible();
  const first = await page.locator('[role="option"][aria-current="true"]').getAttribute('data-ticket-id');
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

test('the keyboard reaches everything: x selects for a bulk change, n writes a note, # edits tags, Ctrl+K runs any action', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  await page.keyboard.press('j');
  const selected = await selectTwo(page);
  expect(selected).toHaveLength(2);
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await bar.getByLabel('Priority').selectOption('urgent');
  await expect(page.getByRole('status').filter({ hasText: 'Changed 2 tickets.' })).toBeVisible();
  for (const id of selected) await expect(page.locator(`[data-ticket-id="${id}"] .badge.priority`)).toHaveText('Urgent');

  await page.locator('section.ticket h1').click();
  await page.keyboard.press('n');
  await expect(page.locator('.composer textarea')).toBeFocused();
  await expect(page.locator('.composer .note-toggle')).toBeChecked();
  await page.keyboard.press('Escape');
  await page.locator('section.ticket h1').click();
  await page.keyboard.press('#');
  const tags = page.locator('.tags input');
  await expect(tags).toBeFocused();
  const before = await tags.inputValue();
  await page.keyboard.press('End');
  await page.keyboard.type(`${before ? ', ' : ''}refund`);
  await page.keyboard.press('Enter');
  await expect(tags).not.toBeFocused();
  await expect(tags).toHaveValue([before, 'refund'].filter(Boolean).join(', '));
  await expect(page.locator('.statusbar')).not.toContainText('waiting to sync', { timeout: 15_000 }); // the source took it

  await page.locator('section.ticket h1').click();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill('snoozed');
  await expect(palette.getByRole('option')).toHaveText(['Show snoozed tickets']);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Snoozed/ })).toHaveAttribute('aria-current', 'page');
});

test('t, p and a pick from a list that filters as you type; Escape leaves it unchanged; with a selection they (and #) act on every selected ticket', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  await page.keyboard.press('j');
  const view = page.locator('section.ticket');
  const status = await view.getByLabel('Status').inputValue();

  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Status' });
  await expect(picker).toBeVisible();
  await page.keyboard.type('hold');
  await expect(picker.getByRole('option')).toHaveText(['On hold']);
  await page.keyboard.press('Escape'); // a native select would keep Escape; this leaves, changing nothing
  await expect(picker).toHaveCount(0);
  await expect(view.getByLabel('Status')).toHaveValue(status);
  await page.keyboard.press('t');
  await page.keyboard.type('hold');
  await page.keyboard.press('Enter');
  await expect(view.getByLabel('Status')).toHaveValue('on-hold');

  await page.keyboard.press('p');
  await page.keyboard.type('urg');
  await page.keyboard.press('Enter');
  await expect(view.getByLabel('Priority')).toHaveValue('urgent');

  await page.keyboard.press('a');
  const assign = page.getByRole('dialog', { name: 'Assign to' });
  const someone = (await assign.getByRole('option').nth(1).textContent())!.trim();
  await page.keyboard.type(someone.slice(0, 4));
  await page.keyboard.press('Enter');
  await expect(view.getByLabel('Assignee').locator('option:checked')).toHaveText(someone);

  // A selection: the same keys act on each selected ticket, and # adds a tag to them all.
  const selected = await selectTwo(page);
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await page.keyboard.press('#');
  await expect(page.getByRole('dialog', { name: 'Add a tag to 2 tickets' })).toBeVisible();
  await page.keyboard.type('callback');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Changed 2 tickets.' })).toBeVisible();
  for (const id of selected) {
    await page.locator(`[data-ticket-id="${id}"]`).click();
    await expect(view.locator('.tags input')).toHaveValue(/callback/);
  }
  for (const id of selected) {
    await page.locator(`[data-ticket-id="${id}"]`).click();
    await page.keyboard.press('x');
  }
  await bar.getByRole('button', { name: /Assign to…/ }).click();
  await page.keyboard.type(someone.slice(0, 4));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Changed 2 tickets.' })).toBeVisible();
});
