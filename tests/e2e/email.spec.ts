/**
 * The email journey in browser mode against a real Dovecot and an SMTP server delivering into it:
 * add the account in Settings, see the mail, get new mail pushed, reply, see the reply delivered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { ImapFlow } from 'imapflow';
import { useMailPeers } from './mail-peers';
import { users, type Dovecot } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import type { SmtpSink } from '../integration/peers/smtp-sink';
import { inboxRows } from './journeys';
import { expect, test } from './host';
import { expectNothingLostOnRestart } from './restart';

const peers = useMailPeers();
let dc: Dovecot;
let sink: SmtpSink;

test.beforeAll(async () => {
  dc = peers.dc();
  sink = peers.sink();
  const agentBox = await rawClient(dc, users.agent);
  await agentBox.append('INBOX', mail(1, { subject: 'Where is my parcel?', from: 'Alice <alice@example.test>', messageId: 'parcel-1@example.test', body: 'It has been a week.' }));
  await agentBox.append('INBOX', readFileSync(join(__dirname, '../fixtures/mail/nested.eml')));
  await agentBox.logout();
});

async function countInInbox(client: ImapFlow, text: string): Promise<number> {
  const lock = await client.getMailboxLock('INBOX');
  try {
    await client.noop();
    return ((await client.search({ body: text }, { uid: true })) || []).length;
  } finally {
    lock.release();
  }
}

test('add a Dovecot account, see mail arrive, reply, and the customer gets the reply once', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('Demo workspace: these tickets')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add email account' }).click();
  const form = page.getByRole('form', { name: 'Add email account' });
  await form.getByLabel('Email address').fill(users.agent.email);
  await form.getByLabel('Name shown to customers').fill('Support');
  const imap = form.locator('fieldset.endpoint').nth(0);
  await imap.getByLabel('Server').fill('127.0.0.1');
  await imap.getByLabel('Port').fill(String(dc.imapPort));
  await imap.getByLabel('Security').selectOption('none');
  const smtp = form.locator('fieldset.endpoint').nth(1);
  await smtp.getByLabel('Server').fill('127.0.0.1');
  await smtp.getByLabel('Port').fill(String(sink.port));
  await smtp.getByLabel('Security').selectOption('none');

  await form.getByLabel('Password').fill('not-the-password');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('The mail server refused the password for agent@example.test.');

  await form.getByLabel('Password').fill(users.agent.password);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText('The connection works.')).toBeVisible();
  await form.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: 'Close' }).click();

  // The demo makes way for the real mailbox.
  await expect(page.getByText('Demo workspace: these tickets')).toHaveCount(0);
  await expect(inboxRows(page).filter({ hasText: 'Where is my parcel?' })).toHaveCount(1);

  // New mail is pushed (IMAP IDLE), no reload.
  const alice = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  await alice.sendMail({ from: 'Alice <alice@example.test>', to: users.agent.email, subject: 'Also: wrong colour', text: 'The kettle is red, I ordered blue.' });
  await expect(inboxRows(page).filter({ hasText: 'Also: wrong colour' })).toHaveCount(1, { timeout: 5_000 });

  await inboxRows(page).filter({ hasText: 'Where is my parcel?' }).click();
  const view = page.locator('section.ticket');
  await expect(view.getByText('It has been a week.')).toBeVisible();
  // A note for the team (n): kept in the mailbox's notes folder, threaded into the conversation, never sent.
  await page.keyboard.press('n');
  await expect(view.locator('.composer .note-toggle')).toBeChecked();
  await expect(view.getByText('never sent to the customer')).toBeVisible();
  await page.keyboard.type('She called: the parcel is at the depot.');
  await view.getByRole('button', { name: 'Add note' }).click();
  const note = view.locator('.message').filter({ hasText: 'She called: the parcel is at the depot.' });
  await expect(note).toHaveCount(1);
  await expect(note.getByText('Waiting to sync')).toHaveCount(0, { timeout: 15_000 });
  const notesBox = await rawClient(dc, users.agent);
  try {
    const lock = await notesBox.getMailboxLock('Switchboard Notes');
    try {
      expect(await notesBox.search({ body: 'She called' }, { uid: true })).toHaveLength(1);
    } finally {
      lock.release();
    }
  } finally {
    await notesBox.logout();
  }
  expect(sink.messages.filter((m) => m.raw.includes('She called'))).toEqual([]);
  await view.locator('.composer .note-toggle').uncheck();
  await view.getByRole('textbox', { name: 'Reply' }).fill('Your parcel left the depot this morning.');
  await view.getByLabel('Attach files').setInputFiles({ name: 'tracking.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF tracking label') });
  await expect(view.getByRole('list', { name: 'Attachments' }).getByText('tracking.pdf')).toBeVisible();
  await view.getByRole('button', { name: 'Send reply' }).click();
  const reply = view.locator('.message.out').filter({ hasText: 'Your parcel left the depot this morning.' });
  await expect(reply).toHaveCount(1);
  await expect(reply.getByText('Waiting to sync')).toHaveCount(0, { timeout: 30_000 }); // after the 10 s undo window

  const aliceBox = await rawClient(dc, users.alice);
  try {
    await expect.poll(() => countInInbox(aliceBox, 'Your parcel left the depot this morning.'), { timeout: 10_000 }).toBe(1);
    expect(sink.messages.at(-1)?.raw).toMatch(/filename=tracking\.pdf/);
  } finally {
    await aliceBox.logout();
  }
  // Collision check: the customer writes again while the agent drafts; sending shows it and asks first.
  await view.getByRole('textbox', { name: 'Reply' }).fill('Anything else I can do?');
  await alice.sendMail({ from: 'Alice <alice@example.test>', to: users.agent.email, subject: 'Re: Where is my parcel?', inReplyTo: '<parcel-1@example.test>', references: ['<parcel-1@example.test>'], text: 'Found it at the neighbour, thanks!' });
  await expect(view.getByText('Found it at the neighbour, thanks!')).toBeVisible({ timeout: 10_000 });
  await view.getByRole('button', { name: 'Send reply' }).click();
  const collision = view.getByRole('alert').filter({ hasText: 'While you were writing' });
  await expect(collision).toContainText('Found it at the neighbour, thanks!');
  await collision.getByRole('button', { name: 'Keep editing' }).click();
  await expect(collision).toHaveCount(0);
  await expect(view.getByRole('textbox', { name: 'Reply' })).toHaveValue('Anything else I can do?');
  await view.getByRole('textbox', { name: 'Reply' }).fill('');

  // Forward: the conversation goes on to someone else (Bob), quoted, and is delivered to Bob only.
  await view.getByLabel('Send as').selectOption('forward');
  await view.getByRole('textbox', { name: 'Reply' }).fill('Bob, can you check the depot?');
  await expect(view.getByRole('button', { name: 'Send reply' })).toBeDisabled(); // no address yet
  await view.getByLabel('Forward to (addresses)').fill(users.bob.email);
  await view.getByRole('button', { name: 'Send reply' }).click();
  const bobBox = await rawClient(dc, users.bob);
  try {
    await expect.poll(() => countInInbox(bobBox, 'Bob, can you check the depot?'), { timeout: 30_000 }).toBe(1);
    expect(await countInInbox(bobBox, 'Forwarded message')).toBe(1);
  } finally {
    await bobBox.logout();
  }

  // An attachment is fetched when the agent opens it.
  await inboxRows(page).filter({ hasText: 'Invoice attached, with a screenshot' }).click();
  const downloading = page.waitForEvent('download');
  await page.locator('section.ticket').getByRole('button', { name: /invoice\.pdf/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('invoice.pdf');
  expect(readFileSync(await download.path(), 'utf8')).toBe('%PDF-1.4 fake invoice');
  // Its embedded screenshot (cid:) shows in the message without asking: it came with the message.
  const shot = page.locator('section.ticket').frameLocator('iframe[title="Message"]').locator('img');
  await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(4);
  await expect(page.locator('section.ticket .remote-blocked')).toHaveCount(0);

  // The Sent copy comes back on the next pull and stays one message in the thread (its HTML part shown safely).
  await page.reload();
  await inboxRows(page).filter({ hasText: 'Where is my parcel?' }).click();
  const outgoing = page.locator('section.ticket .message.out:not(.internal)');
  await expect(outgoing).toHaveCount(2); // the reply and the forward, once each
  // The note came back from the notes folder as a note, once.
  await expect(page.locator('section.ticket .message.internal').filter({ hasText: 'She called: the parcel is at the depot.' })).toHaveCount(1);
  await expect(outgoing.nth(0).frameLocator('iframe[title="Message"]').getByText('Your parcel left the depot this morning.')).toBeVisible();

  await expectNothingLostOnRestart(page, host);
});
