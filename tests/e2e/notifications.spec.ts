/**
 * A VIP's message arrives in Dovecot → one desktop notification (captured through a hook on the
 * Notification API), and none again after a reload. The account is provisioned from a file.
 */
import nodemailer from 'nodemailer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, users, type Dovecot } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import { startSmtpSink, type SmtpSink } from '../integration/peers/smtp-sink';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { inboxRows } from './journeys';
import { expect, test } from '@playwright/test';

let dc: Dovecot;
let sink: SmtpSink;
let host: RunningHost;
const data = tempDir('switchboard-notify-');

test.beforeAll(async () => {
  dc = await startDovecot();
  sink = await startSmtpSink(dc.lmtpSocket);
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
  await sink?.stop();
  dc?.stop();
  data.remove();
});

test('a VIP writes in: one notification, and none again after a reload', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['notifications'], { origin: host.origin });
  await context.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { __notices: typeof shown }).__notices = shown;
    const Original = window.Notification;
    class Recorded extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
    window.Notification = Recorded as typeof Notification;
  });
  const page = await context.newPage();
  const notices = () => page.evaluate(() => (window as unknown as { __notices: { title: string; body?: string }[] }).__notices);

  await page.goto(host.url);
  await inboxRows(page).filter({ hasText: 'Contract renewal' }).click();
  await page.getByRole('button', { name: 'Mark as VIP' }).click();
  await expect(page.getByRole('button', { name: 'Not a VIP' })).toBeVisible();
  expect(await notices()).toEqual([]); // what was there before is history, not news

  await nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true })
    .sendMail({ from: 'Alice Example <alice@example.test>', to: users.agent.email, subject: 'Urgent: invoice wrong', text: 'Please fix today.' });
  await expect.poll(notices, { timeout: 10_000 }).toEqual([{ title: 'New ticket from VIP Alice Example', body: 'Urgent: invoice wrong' }]);

  await page.reload();
  await expect(inboxRows(page).filter({ hasText: 'Urgent: invoice wrong' })).toHaveCount(1);
  await page.waitForTimeout(1500); // a pull and a check have run
  expect(await notices()).toEqual([]);
  await context.close();
});
