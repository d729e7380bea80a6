/**
 * Macros by keyboard: on the demo (one ticket, undo of the whole macro, three tickets from the bulk bar
 * with replies drafted) and on a real Request Tracker 5 while it is down — the reply and the status reach
 * RT once when it is back, and what RT cannot do (tags) is said, not dropped silently.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { lastCorrespondence, rtAvailable, startRt, type Rt } from '../integration/peers/rt';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, test } from './host';
import { demoLoaded, inboxRows } from './journeys';
import { storeRows } from './restart';

const view = (page: import('@playwright/test').Page) => page.locator('section.ticket');

/** m, the macro's name typed, Enter. */
async function applyMacro(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.keyboard.press('m');
  const picker = page.getByRole('dialog', { name: /Apply a macro/ });
  await expect(picker).toBeVisible();
  await page.keyboard.type(name);
  await expect(picker.getByRole('option').first()).toContainText(name);
  await page.keyboard.press('Enter');
}

test('on the demo: a macro by key does the routine; one undo takes all of it back; on three tickets the replies wait in drafts', async ({ page, host }) => {
  await page.goto(host.url);
  await demoLoaded(page);
  const row = inboxRows(page).filter({ has: page.locator('.status-open') }).first();
  const subject = (await row.locator('.subject').textContent())!;
  await row.click();
  await expect(view(page).locator('h1')).toHaveText(subject);
  const repliesBefore = await view(page).locator('.message.out').count();

  await applyMacro(page, 'Refund issued');
  const done = page.getByRole('status').filter({ hasText: 'Macro “Refund issued — solve” applied.' });
  await expect(done).toBeVisible();
  await expect(view(page).locator('.message.out').filter({ hasText: 'We have issued your refund' })).toHaveCount(1);
  await expect(view(page).getByLabel('Status')).toHaveValue('solved');
  await expect(view(page).getByRole('textbox', { name: 'Tags' })).toHaveValue(/refund/);

  // One undo, the whole macro: the reply back in the draft, the status and tags as they were.
  await done.getByRole('button', { name: 'Undo the whole macro' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Macro “Refund issued — solve” undone \(\d+ changes\)/ })).toBeVisible();
  await expect(view(page).locator('.message.out')).toHaveCount(repliesBefore);
  await expect(view(page).getByLabel('Status')).toHaveValue('open');
  await expect(view(page).getByRole('textbox', { name: 'Tags' })).not.toHaveValue(/refund/);
  await expect(view(page).getByRole('textbox', { name: 'Reply' })).toHaveValue(/We have issued your refund/);
  await view(page).getByRole('textbox', { name: 'Reply' }).fill('');

  // Three tickets from the bulk bar: each is set pending and gets the reply in its draft, nothing is sent.
  await page.locator('section.ticket h1').click(); // out of the reply box: keys are the page's
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('x');
    await page.keyboard.press('j');
  }
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 selected');
  const ids = await page.locator('.row.checked').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')!));
  await bar.getByRole('button', { name: /Macro…/ }).click();
  await page.keyboard.type('Need more details');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Macro “Need more details — pending” applied to 3 tickets. Its replies are in 3 drafts.' })).toBeVisible();
  for (const id of ids) {
    await page.locator(`[data-ticket-id="${id}"]`).click();
    await expect(view(page).getByLabel('Status')).toHaveValue('pending');
    await expect(view(page).getByRole('textbox', { name: 'Reply' })).toHaveValue(/we need a little more/);
    await expect(view(page).locator('.message.out').filter({ hasText: 'we need a little more' })).toHaveCount(0);
  }
});

test('guided mode by keyboard only: g n opens the riskiest ticket first; each reply opens the next; five worked; Escape stops', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.undoSendSeconds', '0'));
  await page.goto(host.url);
  await demoLoaded(page);
  const anyBreached = (await page.locator('[role="option"] .sla-breached').count()) > 0;
  await page.keyboard.press('g');
  await page.keyboard.press('n');
  const bar = page.locator('footer.statusbar');
  await expect(bar).toContainText(/Guided: \d+ tickets left/);
  // The whole view is queued, not only the rows the list has loaded (50 at a time).
  const left = Number(/Guided: (\d+) tickets left/.exec((await bar.textContent())!)![1]);
  expect(left).toBeGreaterThan(60);
  const current = () => page.locator('section.ticket[data-open-ticket]').getAttribute('data-open-ticket');
  await expect(view(page).locator('h1')).toBeVisible();
  if (anyBreached) await expect(page.locator('[role="option"][aria-current="true"] .sla-breached')).toHaveCount(1);
  const worked: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = (await current())!;
    worked.push(id);
    await page.keyboard.press('r');
    await page.keyboard.type(`Guided reply ${i + 1}.`);
    await page.keyboard.press('Control+Enter');
    await expect.poll(current).not.toBe(id); // the next one opened by itself
    await expect(view(page).getByRole('textbox', { name: 'Reply' })).toHaveValue('');
  }
  expect(new Set(worked).size).toBe(5);
  await expect(bar).toContainText(/median \d+:\d\d per ticket/);
  await page.locator('section.ticket h1').click(); // out of the reply box: keys are the page's
  await page.keyboard.press('Escape');
  await expect(bar).not.toContainText('Guided:');
  // Each of the five has its reply, in the cache.
  const replies = await storeRows<{ ticketId: string; text: string; direction: string }>(page, 'messages');
  const guided = replies.filter((m) => m.direction === 'out' && m.text.startsWith('Guided reply'));
  expect(guided.map((m) => m.ticketId).sort()).toEqual([...worked].sort());
});

test('a reminder on a reply: the ticket leaves the inbox and waits under Snoozed', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.undoSendSeconds', '0'));
  await page.goto(host.url);
  await demoLoaded(page);
  const row = inboxRows(page).filter({ has: page.locator('.status-open') }).first();
  const id = (await row.getAttribute('data-ticket-id'))!;
  await row.click();
  await view(page).getByRole('textbox', { name: 'Reply' }).fill('Try it now and tell me.');
  await view(page).getByLabel('Remind me if no answer in').selectOption({ label: '3 days' });
  await view(page).getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator(`[data-ticket-id="${id}"]`)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Snoozed/ }).click();
  await expect(page.locator(`[data-ticket-id="${id}"]`)).toHaveCount(1);
});

base.describe('on a real Request Tracker', () => {
  const available = rtAvailable();
  if (!available) console.log('skipped: the RT macro journey needs Request Tracker 5 (.ci/run installs it)');
  base.skip(!available, 'Request Tracker 5 is needed');
  let rt: Rt;
  const data = tempDir('switchboard-macro-rt-');
  base.beforeAll(async () => {
    rt = await startRt();
    await rt.rest('POST', 'ticket', { Queue: 'General', Subject: 'Charged twice', Requestor: 'Dana Wells <dana@example.test>', Content: 'Please refund one of them.', ContentType: 'text/plain' });
  });
  base.afterAll(async () => {
    await rt?.stop();
    data.remove();
  });

  base('a macro applied by key while RT is down: RT gets the reply and the status once when it is back; tags are named as not possible', async ({ page }) => {
    base.setTimeout(120_000);
    writeFileSync(join(data.path, 'accounts.json'), JSON.stringify({ accounts: [{ type: 'rt', id: 'rt', name: 'RT', url: rt.url, tokenEnv: 'SB_MACRO_RT' }] }));
    const host = await startBrowserMode(join(data.path, 'app'), ['--accounts', join(data.path, 'accounts.json')], { env: { SB_MACRO_RT: rt.token } });
    try {
      await page.addInitScript(() => localStorage.setItem('switchboard.undoSendSeconds', '0'));
      await page.goto(host.url);
      await inboxRows(page).filter({ hasText: 'Charged twice' }).click();
      await expect(view(page).locator('h1')).toHaveText('Charged twice');
      await rt.pause();
      await applyMacro(page, 'Refund issued');
      await expect(page.getByRole('status').filter({ hasText: 'Macro “Refund issued — solve” applied. Not done here: this source has no tags.' })).toBeVisible();
      await expect(view(page).locator('.message.out').filter({ hasText: 'Hello Dana' })).toHaveCount(1);
      await page.waitForTimeout(2_000); // attempts fail meanwhile
      await rt.resume();
      const inRt = async () => {
        const history = await rt.rest<{ items: Array<{ Type: string }> }>('GET', 'ticket/1/history?fields=Type&per_page=100');
        const ticket = await rt.rest<{ Status: string }>('GET', 'ticket/1');
        return { replies: history.items.filter((t) => t.Type === 'Correspond').length, status: ticket.Status };
      };
      await expect.poll(inRt, { timeout: 45_000, intervals: [1_000] }).toEqual({ replies: 1, status: 'resolved' });
      // What Dana receives: the macro's reply, filled for her, signed.
      const received = await lastCorrespondence(rt, 1);
      expect(received.text).toContain('Hello Dana,');
      expect(received.text).toContain('We have issued your refund');
      expect(received.text).not.toContain('{{');
      await expect(view(page).getByText('Waiting to sync')).toHaveCount(0, { timeout: 15_000 });
      await page.reload();
      await page.waitForTimeout(2_000);
      expect(await inRt()).toEqual({ replies: 1, status: 'resolved' });
    } finally {
      await stopHost(host);
    }
  });
});
