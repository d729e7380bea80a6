/**
 * A VIP's message arrives in Dovecot → one desktop notification (captured through a hook on the
 * Notification API), and none again after a reload. The account is provisioned from a file.
 */
import nodemailer from 'nodemailer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMailPeers } from './mail-peers';
import { users, type Dovecot } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import type { SmtpSink } from '../integration/peers/smtp-sink';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { expectNothingLostOnRestart } from './restart';
import { inboxRows, demoLoaded } from './journeys';
import { pageWithVip, recordNotifications, shownNotices } from './notice-hook';
import { expect, test } from '@playwright/test';

const peers = useMailPeers();
let dc: Dovecot;
let sink: SmtpSink;
let host: RunningHost;
const data = tempDir('switchboard-notify-');

test.beforeAll(async () => {
  dc = peers.dc();
  sink = peers.sink();
  const box = await rawClient(dc, users.agent);
  await box.append('INBOX', mail(1, { subject: 'Contract renewal', from: 'Alice Example <alice@example.test>' }));
  await box.logout();
  const accounts = join(data.path, 'accounts.json');
  writeFileSync(accounts, JSON.stringify({ accounts: [{
    type: 'imap', name: 'Support', email: users.agent.email, username: users.agent.email, passwordEnv: 'SB_E2E_PASSWORD',
    imap: { host: '127.0.0.1', port: dc.imapPort, security: 'none' }, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
  }] }));
  process.env.SB_E2E_PASSWORD = users.agent.password;
  host = await startBrowserMode(join(data.path, 'app'), ['--accounts', accounts]);
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  data.remove();
});

test('a VIP writes in: one notification, and none again after a reload', async ({ browser }) => {
  const { context, page, notices } = await pageWithVip(browser, host, 'Contract renewal');
  expect(await notices()).toEqual([]); // what was there before is history, not news

  await nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true })
    .sendMail({ from: 'Alice Example <alice@example.test>', to: users.agent.email, subject: 'Urgent: invoice wrong', text: 'Please fix today.' });
  await expect.poll(notices, { timeout: 10_000 }).toEqual([{ title: 'New ticket from VIP Alice Example', body: 'Urgent: invoice wrong' }]);

  await page.reload();
  await expect(inboxRows(page).filter({ hasText: 'Urgent: invoice wrong' })).toHaveCount(1);
  await page.waitForTimeout(1500); // a pull and a check have run
  expect(await notices()).toEqual([]);

  await expectNothingLostOnRestart(page, host);
  await page.waitForTimeout(1500);
  expect(await notices()).toEqual([]); // nor after the host restarted
  await context.close();
});

test('after sync was paused, what came meanwhile is one summary; the VIP’s ticket stays a notice of its own', async ({ browser }) => {
  const { context, page, notices } = await pageWithVip(browser, host, 'Contract renewal');
  await page.waitForTimeout(1500);
  expect(await notices()).toEqual([]);

  const bar = page.locator('footer.statusbar');
  await bar.getByRole('button', { name: 'Pause sync' }).click();
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: 'Alice Example <alice@example.test>', to: users.agent.email, subject: 'VIP: renewal signed', text: 'Signed.' });
  for (let i = 1; i <= 5; i++) await smtp.sendMail({ from: `Customer ${i} <bob@example.test>`, to: users.agent.email, subject: `Question ${i} meanwhile`, text: `Question ${i}.` });
  await page.waitForTimeout(1000);
  await bar.getByRole('button', { name: 'Resume sync' }).click();
  await expect(inboxRows(page).filter({ hasText: 'Question 5 meanwhile' })).toHaveCount(1, { timeout: 15_000 });
  await expect.poll(notices, { timeout: 15_000 }).toEqual([
    { title: 'New ticket from VIP Alice Example', body: 'VIP: renewal signed' },
    { title: '6 new, 1 VIP', body: 'While you were away. Open Switchboard to see them.' },
  ]);
  await context.close();
});

test('with a controllable clock, a demo ticket nears its breach: an at-risk notification and the badge', async ({ browser }) => {
  const dir = tempDir('switchboard-clock-');
  const demo = await startBrowserMode(dir.path);
  const context = await browser.newContext();
  await recordNotifications(context, demo.origin);
  const page = await context.newPage();
  try {
    await page.clock.install({ time: Date.now() });
    await page.goto(demo.url);
    await demoLoaded(page);
    // The next open ticket to come within 30 minutes of its due time (not yet at risk), from the cache.
    const next = await page.evaluate(() => new Promise<{ due: number; customerId: string; subject: string }>((resolve) => {
      const open = indexedDB.open('switchboard');
      open.onsuccess = () => {
        const all = open.result.transaction('tickets').objectStore('tickets').getAll();
        all.onsuccess = () => {
          const now = Date.now();
          const candidates = (all.result as { slaDueAt: number | null; status: string; customerId: string; subject: string }[])
            .filter((t) => t.slaDueAt !== null && t.slaDueAt > now + 31 * 60_000 && ['new', 'open', 'on-hold'].includes(t.status))
            .sort((a, b) => a.slaDueAt! - b.slaDueAt!);
          resolve({ due: candidates[0]!.slaDueAt!, customerId: candidates[0]!.customerId, subject: candidates[0]!.subject });
        };
      };
    }));
    const before = (await shownNotices(page)).length;
    expect(before).toBe(0); // the first look records what is already at risk: no flood
    // Time passes minute by minute (every timer fires) until the ticket is just into its 30 minutes of risk;
    // a jump of an hour at once would be a wake-up, told as one summary.
    await page.clock.runFor(next.due - 29 * 60_000 - (await page.evaluate(() => Date.now())));
    await expect.poll(async () => (await shownNotices(page)).filter((n) => n.title.startsWith('SLA at risk') && n.body === next.subject).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await expect(page).toHaveTitle(/^\(\d+\) Switchboard$/);
  } finally {
    await context.close();
    await stopHost(demo);
    dir.remove();
  }
});
