/**
 * One queue from several helpdesks, added in Settings: Zendesk and Freshdesk (local servers answering in
 * the shapes their public APIs document — neither can run here), each ticket with its source's badge.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type FakeFreshdesk, API_KEY, startFakeFreshdesk } from '../integration/freshdesk/fake-freshdesk';
import { AGENT_EMAIL, type FakeZendesk, GOOD_TOKEN, startFakeZendesk } from '../integration/zendesk/fake-zendesk';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { inboxRows } from './journeys';

let zd: FakeZendesk;
let fd: FakeFreshdesk;
let host: RunningHost;
const data = tempDir('switchboard-helpdesks-e2e-');

test.beforeAll(async () => {
  zd = await startFakeZendesk();
  fd = await startFakeFreshdesk();
  host = await startBrowserMode(join(data.path, 'app'));
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  await zd?.stop();
  await fd?.stop();
  data.remove();
});

test('Zendesk and Freshdesk added in Settings: their tickets in one list, each with its source', async ({ page }) => {
  await page.goto(host.url);
  const add = async (kind: string, name: string, url: string, token: string, email?: string, vip?: { tag: string; field: string; value: string }) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add helpdesk account' }).click();
    const form = page.getByRole('form', { name: 'Add helpdesk account' });
    await form.locator('select').selectOption(kind);
    await form.getByLabel('Name of this helpdesk').fill(name);
    await form.getByLabel('Address', { exact: true }).fill(url);
    if (email) await form.getByLabel('Your Zendesk sign-in address').fill(email);
    await form.locator('input[type="password"]').fill(token);
    if (vip) {
      await form.getByText('How this helpdesk marks VIP customers').click();
      await form.getByLabel('VIP tag').fill(vip.tag);
      await form.getByLabel('VIP custom field').fill(vip.field);
      await form.getByLabel('Value that means VIP').fill(vip.value);
    }
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByText('The connection works.')).toBeVisible();
    await form.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
  };
  // This Zendesk marks VIPs by tag "key-account" or the user field tier = platinum (not the tag "vip").
  await add('zendesk', 'Zendesk', zd.url, GOOD_TOKEN, AGENT_EMAIL, { tag: 'key-account', field: 'tier', value: 'platinum' });
  await add('freshdesk', 'Freshdesk', fd.url, API_KEY);

  const row = (subject: string) => inboxRows(page).filter({ hasText: subject });
  await expect(row('Invoice shows the wrong VAT number').locator('.badge.source')).toHaveText('Zendesk');
  await expect(row('Export to CSV fails').locator('.badge.source')).toHaveText('Freshdesk');
  await expect(row('Оплата не прошла')).toHaveCount(1);
  await expect(row('Счёт на оплату')).toHaveCount(1);
  // The account's VIP rule: Alice (tier platinum) is a VIP; Ivan, tagged only "vip", is not.
  await expect(row('Invoice shows the wrong VAT number').locator('.badge.vip')).toBeVisible();
  await expect(row('Оплата не прошла').locator('.badge.vip')).toHaveCount(0);
  // Zendesk's SLA policy runs here: every target of the ticket is shown, not only the nearest.
  await row('Оплата не прошла').click();
  const targets = page.getByRole('list', { name: 'SLA targets' });
  await expect(targets.getByRole('listitem')).toHaveText([/^First response: (Breached|At risk|On track)/, /^Resolution: (Breached|At risk|On track)/]);
  // A custom status (Freshdesk's 6) stays open, and the account's own name for it shows beside ours.
  await row('Refund for a broken kettle').click();
  await expect(page.locator('section.ticket .status-field')).toContainText('Freshdesk: Waiting on third party');
  await expect(page.locator('section.ticket').getByLabel('Status')).toHaveValue('open');
});
