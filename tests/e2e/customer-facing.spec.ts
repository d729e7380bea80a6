/**
 * What the customer receives, read where it arrives: the SMTP server's copy of an email reply, RT's own
 * record of a correspondence. One workspace with a real Dovecot mailbox and a real Request Tracker, the
 * same customer in both. Placeholders, names, recipients, paragraphs, the status a reply leaves (in the
 * app and at the source, also after a restart), and the satisfaction request.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { expect, test, type Page } from '@playwright/test';
import { useMailPeers } from './mail-peers';
import { users } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import { lastCorrespondence, rtAvailable, startRt, type Rt } from '../integration/peers/rt';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { inboxRows } from './journeys';
import { expectNothingLostOnRestart } from './restart';
import { pageWithVip } from './notice-hook';

// Skipped (with the reason printed) only where RT is not installed; .ci/run installs it, so CI runs this.
const available = rtAvailable();
if (!available) console.log('skipped: Request Tracker 5 is not installed here (.ci/run installs request-tracker5)');
test.skip(!available, 'Request Tracker 5 is not installed here');

const peers = useMailPeers();
let rt: Rt;
let host: RunningHost;
const data = tempDir('switchboard-customer-');

test.beforeAll(async () => {
  const box = await rawClient(peers.dc(), users.agent);
  // A thread whose last message came from someone on Cc (Bob), not from the ticket's customer (Alice).
  await box.append('INBOX', mail(1, { subject: 'Kettle leaks', from: 'Alice Example <alice@example.test>', messageId: 'kettle-1@example.test', body: 'The kettle leaks from the bottom.', headers: { Cc: 'Bob <bob@example.test>' } }));
  await box.append('INBOX', mail(2, { subject: 'Re: Kettle leaks', from: 'Bob <bob@example.test>', messageId: 'kettle-2@example.test', inReplyTo: 'kettle-1@example.test', body: 'Same here with mine.', headers: { Cc: 'Alice Example <alice@example.test>' } }));
  await box.append('INBOX', mail(3, { subject: 'Broken lid', from: 'Alice Example <alice@example.test>', messageId: 'lid-1@example.test', body: 'The lid broke off.' }));
  await box.logout();
  rt = await startRt();
  // The same customer in RT, known there by address only; and a Russian-speaking customer with a name.
  await rt.rest('POST', 'user', { Name: 'ivan@example.test', EmailAddress: 'ivan@example.test', RealName: 'Иван Петров' });
  await rt.rest('POST', 'ticket', { Queue: 'General', Subject: 'Warranty question', Requestor: 'alice@example.test', Content: 'Is the kettle under warranty?', ContentType: 'text/plain' });
  await rt.rest('POST', 'ticket', { Queue: 'General', Subject: 'Чайник не греет', Requestor: 'ivan@example.test', Content: 'Чайник перестал греть воду после недели.', ContentType: 'text/plain' });
  const accounts = join(data.path, 'accounts.json');
  writeFileSync(accounts, JSON.stringify({ accounts: [
    { type: 'imap', name: 'Support', email: users.agent.email, username: users.agent.email, passwordEnv: 'SB_E2E_PASSWORD', imap: { host: '127.0.0.1', port: peers.dc().imapPort, security: 'none' }, smtp: { host: '127.0.0.1', port: peers.sink().port, security: 'none' } },
    { type: 'rt', name: 'RT', url: rt.url, tokenEnv: 'SB_E2E_RT_TOKEN' },
  ] }));
  process.env.SB_E2E_PASSWORD = users.agent.password;
  process.env.SB_E2E_RT_TOKEN = rt.token;
  host = await startBrowserMode(join(data.path, 'app'), ['--accounts', accounts]);
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  await rt?.stop();
  data.remove();
});

const view = (page: Page) => page.locator('section.ticket');
const replyBox = (page: Page) => view(page).getByRole('textbox', { name: 'Reply' });
const delivered = (text: string) => peers.sink().messages.filter((m) => m.raw.includes(text));

async function keywordsOn(messageId: string): Promise<string[]> {
  const box: ImapFlow = await rawClient(peers.dc(), users.agent);
  try {
    const lock = await box.getMailboxLock('INBOX');
    try {
      const [uid] = (await box.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      if (!uid) return [];
      const found = await box.fetchOne(String(uid), { flags: true }, { uid: true });
      return found ? [...(found.flags ?? [])].filter((f) => f.startsWith('$sb-')) : [];
    } finally {
      lock.release();
    }
  } finally {
    await box.logout();
  }
}

test('an email reply: placeholders filled or stopped, paragraphs kept, to the customer only, and the status chosen with it', async ({ page }) => {
  test.setTimeout(120_000); // two restarts
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  await inboxRows(page).filter({ hasText: 'Kettle leaks' }).click();
  await expect(view(page).getByText('Same here with mine.')).toBeVisible();

  // A placeholder nothing can fill is never sent: the composer names it.
  await replyBox(page).fill('Your voucher: {{voucher.code}}');
  await view(page).getByRole('button', { name: 'Send reply' }).click();
  await expect(view(page).getByRole('alert')).toContainText('Fill in {{voucher.code}} before sending');
  await page.waitForTimeout(500);
  expect(delivered('voucher')).toEqual([]);

  // The agent's name for customers, from Settings; templates as paragraphs of their own.
  await page.getByRole('button', { name: 'Settings' }).click();
  const name = page.getByLabel('Your name, as customers see it in replies');
  await name.fill('Maria Lopez');
  await name.blur();
  await page.getByRole('button', { name: 'Close' }).click();
  await replyBox(page).fill('');
  await view(page).getByLabel('Insert a template').selectOption({ label: 'Greeting' });
  await view(page).getByLabel('Insert a template').selectOption({ label: 'Apology' });
  await view(page).getByLabel('Insert a template').selectOption({ label: 'Signature' });
  await expect(replyBox(page)).toHaveValue('Hello Alice,\n\nThank you for contacting us about "Kettle leaks".\n\nI am sorry for the trouble this has caused you.\n\nBest regards,\nMaria Lopez');

  // A new ticket answered waits on the customer unless the agent says otherwise: shown before sending.
  await expect(view(page).getByLabel('Reply and set')).toHaveValue('pending');
  await view(page).getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(() => delivered('I am sorry for the trouble').length, { timeout: 30_000 }).toBe(1);
  const [sent] = delivered('I am sorry for the trouble');
  // To the ticket's customer, not to Bob who wrote last, and never back to our own mailbox.
  expect(sent!.to).toEqual([users.alice.email]);
  expect(sent!.raw).not.toContain('{{');
  expect(sent!.raw).toContain('Maria Lopez');
  await expect(view(page).getByLabel('Status')).toHaveValue('pending');
  expect(await keywordsOn('kettle-1@example.test')).toEqual([]); // pending costs no keyword

  // Reply all: the customer and Bob, still not ourselves.
  await view(page).getByLabel('Send as').selectOption('replyAll');
  await replyBox(page).fill('Both kettles will be replaced.');
  await view(page).getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(() => delivered('Both kettles will be replaced').length, { timeout: 30_000 }).toBe(1);
  expect(delivered('Both kettles will be replaced')[0]!.to.sort()).toEqual([users.alice.email, users.bob.email]);

  // Offline: the agent puts the other ticket on hold, then replies; the reply keeps it on hold, here and in the mailbox.
  await inboxRows(page).filter({ hasText: 'Broken lid' }).click();
  const bar = page.locator('footer.statusbar');
  await bar.getByRole('button', { name: 'Pause sync' }).click();
  await view(page).getByLabel('Status').selectOption('on-hold');
  await replyBox(page).fill('A new lid is ordered; it takes a week.');
  await expect(view(page).getByLabel('Reply and set')).toHaveValue('on-hold');
  await view(page).getByRole('button', { name: 'Send reply' }).click();
  await bar.getByRole('button', { name: 'Resume sync' }).click();
  await expect.poll(() => delivered('A new lid is ordered').length, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => keywordsOn('lid-1@example.test'), { timeout: 15_000 }).toEqual(['$sb-status-on-hold']);
  await expect(view(page).getByText('Waiting to sync')).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await inboxRows(page).filter({ hasText: 'Broken lid' }).click();
  await expect(view(page).getByLabel('Status')).toHaveValue('on-hold');
  await expectNothingLostOnRestart(page, host);
  await inboxRows(page).filter({ hasText: 'Broken lid' }).click();
  await expect(view(page).getByLabel('Status')).toHaveValue('on-hold');
  expect(errors).toEqual([]);
});

test('RT: the greeting keeps the name from email; the satisfaction request goes in the customer’s language, with undo, and the ticket stays resolved', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const name = page.getByLabel('Your name, as customers see it in replies');
  await name.fill('Maria Lopez');
  await name.blur();
  await page.getByRole('button', { name: 'Close' }).click();
  // The customer RT knows by address only has the name her email carried.
  await inboxRows(page).filter({ hasText: 'Warranty question' }).click();
  await expect(view(page).getByText('Is the kettle under warranty?')).toBeVisible();
  await view(page).getByLabel('Insert a template').selectOption({ label: 'Greeting' });
  await expect(replyBox(page)).toHaveValue(/^Hello Alice,/);
  await replyBox(page).fill('');

  await inboxRows(page).filter({ hasText: 'Чайник не греет' }).click();
  await expect(view(page).getByText('Чайник перестал греть воду')).toBeVisible();
  await view(page).getByLabel('Status').selectOption('solved');
  const offer = view(page).getByRole('region', { name: 'Satisfaction request' });
  await expect(offer.getByLabel('Language of the request')).toHaveValue('ru'); // the customer writes Russian
  await expect.poll(async () => (await lastCorrespondence(rt, 2)).status, { timeout: 20_000 }).toBe('resolved');
  await offer.getByRole('button', { name: 'Send the satisfaction request' }).click();
  // Like any reply: it waits out the undo window.
  await expect(page.getByRole('status').filter({ hasText: /Sending your reply in \d+ s/ })).toBeVisible();
  await expect.poll(() => lastCorrespondence(rt, 2), { timeout: 40_000, intervals: [1_000] }).toMatchObject({ text: expect.stringContaining('Как мы справились?'), status: 'resolved' });
  const received = (await lastCorrespondence(rt, 2)).text;
  expect(received).toMatch(/^Здравствуйте, Иван!/);
  expect(received).toContain('Maria Lopez');
  expect(received).not.toContain('{{');
  await expect(view(page).getByText('Waiting to sync')).toHaveCount(0, { timeout: 15_000 });
  await expect(view(page).getByLabel('Status')).toHaveValue('solved');
});

test('VIP: the agent’s mark survives every sync and a restart; only mail after it notifies; assigning yourself notifies nobody', async ({ browser }) => {
  const { context, page, notices } = await pageWithVip(browser, host, 'Kettle leaks');
  // Her older tickets are history, not news; and a ticket the agent takes is no news to the agent.
  await view(page).getByLabel('Assignee').selectOption({ label: 'Support' });
  await page.waitForTimeout(1500);
  expect(await notices()).toEqual([]);

  // New mail from her: the pull writes her customer row again; the mark stays, and this one notifies, once.
  await nodemailer.createTransport({ host: '127.0.0.1', port: peers.sink().port, secure: false, ignoreTLS: true })
    .sendMail({ from: 'Alice Example <alice@example.test>', to: users.agent.email, subject: 'Urgent: kettle sparks', text: 'It sparked this morning.' });
  await expect.poll(notices, { timeout: 15_000 }).toEqual([{ title: 'New ticket from VIP Alice Example', body: 'Urgent: kettle sparks' }]);
  await inboxRows(page).filter({ hasText: 'Urgent: kettle sparks' }).click();
  await expect(page.getByRole('button', { name: 'Not a VIP' })).toBeVisible();
  await expectNothingLostOnRestart(page, host);
  await inboxRows(page).filter({ hasText: 'Kettle leaks' }).click();
  await expect(page.getByRole('button', { name: 'Not a VIP' })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await notices()).toEqual([]); // a fresh page: nothing old comes again
  await context.close();
});
