/**
 * Searching all cached history in browser mode, against mail from a real Dovecot: Russian word forms
 * meet ("оплата" finds "оплатой"), from: and is:vip narrow, a malformed query says what is wrong, and
 * after a reload the persisted index answers at once.
 */
import { join } from 'node:path';
import { mailboxAccountsFile, useMailPeers } from './mail-peers';
import { users } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { expectNothingLostOnRestart } from './restart';
import { inboxRows } from './journeys';
import { expect, test } from '@playwright/test';

const peers = useMailPeers();
let host: RunningHost;
const data = tempDir('switchboard-search-');

test.beforeAll(async () => {
  const dc = peers.dc();
  const box = await rawClient(dc, users.agent);
  await box.append('INBOX', mail(1, { subject: 'Проблема с оплатой', from: 'Анна Петрова <anna@bigbank.ru>', body: 'Не могу справиться с оплатой заказа 4512.' }));
  await box.append('INBOX', mail(2, { subject: 'Доставка', from: 'Иван <ivan@mail.example>', body: 'Оплатой займусь позже, сначала поменяйте адрес.' }));
  await box.append('INBOX', mail(3, { subject: 'Delivery address', from: 'Анна Петрова <anna@bigbank.ru>', body: 'Please change the delivery address.' }));
  await box.append('INBOX', mail(4, { subject: 'Invoice copy', from: 'Bob <bob@acme.example>', body: 'Could you send the invoice again?' }));
  await box.logout();
  const accounts = mailboxAccountsFile(peers, data.path);
  host = await startBrowserMode(join(data.path, 'app'), ['--accounts', accounts]);
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  data.remove();
});

const subjects = async (page: import('@playwright/test').Page) => (await inboxRows(page).locator('.subject').allTextContents()).sort();

test('search finds Russian word forms, narrows by from: and is:vip, and explains a bad query', async ({ page }) => {
  await page.goto(host.url);
  await expect(inboxRows(page)).toHaveCount(4);
  const box = page.getByRole('searchbox', { name: 'Search all history' });

  // "/" puts the cursor in the search field.
  await page.locator('body').press('/');
  await expect(box).toBeFocused();
  await box.pressSequentially('оплата');
  await expect.poll(() => subjects(page)).toEqual(['Доставка', 'Проблема с оплатой']);
  await expect(page.getByRole('status').filter({ hasText: '2 tickets found' })).toBeVisible();
  await expect(inboxRows(page).filter({ hasText: 'Проблема с оплатой' }).locator('mark').first()).toHaveText('оплатой');

  // Anna becomes a VIP from her ticket; the search follows.
  await inboxRows(page).filter({ hasText: 'Проблема с оплатой' }).click();
  await page.getByRole('button', { name: 'Mark as VIP' }).click();
  await expect(page.getByRole('button', { name: 'Not a VIP' })).toBeVisible();

  await box.fill('from:bigbank.ru');
  await expect.poll(() => subjects(page)).toEqual(['Delivery address', 'Проблема с оплатой']);
  await box.fill('from:bigbank.ru is:vip оплата');
  await expect.poll(() => subjects(page)).toEqual(['Проблема с оплатой']);
  await box.fill('оплата is:vip');
  await expect.poll(() => subjects(page)).toEqual(['Проблема с оплатой']);
  await box.fill('from:ivan@mail.example is:vip');
  await expect(page.getByText('Nothing found in the cached history.')).toBeVisible();

  await box.fill('status:frozen оплата');
  await expect(page.getByRole('alert')).toContainText('"status:" accepts: new, open, pending, on-hold, solved, closed.');
  await expect(page.getByRole('alert').locator('mark')).toHaveText('status:frozen');

  // Escape clears the search: the view is back.
  await box.press('Escape');
  await expect(inboxRows(page)).toHaveCount(4);

  // After a reload the persisted index answers (no rebuild, no progress line).
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search all history' }).fill('invoice');
  await expect.poll(() => subjects(page)).toEqual(['Invoice copy']);
  await expect(page.getByText(/Indexing \d+ of/)).toHaveCount(0);

  // Flagging a conversation reaches the server (IMAP \Flagged) and the search.
  await inboxRows(page).filter({ hasText: 'Invoice copy' }).click();
  await page.getByRole('button', { name: '☆ Flag for follow-up' }).click();
  await expect(page.getByRole('button', { name: '★ Flagged' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('searchbox', { name: 'Search all history' }).fill('is:flagged');
  await expect.poll(() => subjects(page)).toEqual(['Invoice copy']);
  await expect(inboxRows(page).locator('.badge.flag')).toHaveText('★ Flagged');
  await expect.poll(() => flaggedOnServer(), { timeout: 10_000 }).toEqual(['Invoice copy']);

  // Views that are searches, with live counts; a search saved as a view stays after a reload.
  const views = page.getByRole('list', { name: 'Searches' });
  await expect(views.getByRole('button', { name: /Flagged\s*1/ })).toBeVisible();
  await views.getByRole('button', { name: /VIP, open/ }).click();
  await expect(page.getByRole('searchbox', { name: 'Search all history' })).toHaveValue('is:vip -status:solved -status:closed');
  await expect.poll(() => subjects(page)).toEqual(['Delivery address', 'Проблема с оплатой']);
  await page.getByRole('searchbox', { name: 'Search all history' }).fill('from:bigbank.ru');
  await page.getByRole('button', { name: 'Save this search as a view' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Bigbank');
  await page.getByRole('button', { name: 'Save view' }).click();
  // Saved (the sidebar shows it) before the reload, which must keep it.
  await expect(views.getByRole('button', { name: /Bigbank\s*2/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Searches' }).getByRole('button', { name: /Bigbank\s*2/ })).toBeVisible();

  await expectNothingLostOnRestart(page, host);
});

async function flaggedOnServer(): Promise<string[]> {
  const box = await rawClient(peers.dc(), users.agent);
  try {
    const lock = await box.getMailboxLock('INBOX');
    try {
      const subjects: string[] = [];
      for await (const m of box.fetch({ flagged: true }, { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  } finally {
    await box.logout();
  }
}
