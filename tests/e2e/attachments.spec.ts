/**
 * A big attachment on a real Dovecot account: 24 MB goes out in chunks (no frame anywhere near the host's
 * limit), arrives in the customer's mailbox once and byte for byte, opens again from the thread byte for
 * byte (read from main in chunks too), and stays once after a restart; 26 MB
 * is refused in the composer with the limit named, before anything is sent.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, test } from '@playwright/test';
import { users } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { inboxRows } from './journeys';
import { expectNothingLostOnRestart } from './restart';
import { mailboxAccountsFile, useMailPeers } from './mail-peers';

const peers = useMailPeers();
let host: RunningHost;
const data = tempDir('switchboard-attach-');
const MB = 1024 * 1024;

/** Bytes that no compression or coincidence makes look right: a counter through SHA-256. */
function bytes(size: number, seed: string): Buffer {
  const out = Buffer.alloc(size);
  for (let at = 0, n = 0; at < size; at += 32, n++) createHash('sha256').update(`${seed}:${n}`).digest().copy(out, at);
  return out;
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Arrived {
  to: string;
  text: string;
  attachments: Buffer[];
}

/** What arrived in Alice's mailbox with `text` in it: each copy's recipients, text and attachments. */
async function arrivedAtAlice(text: string): Promise<Arrived[]> {
  const box = await rawClient(peers.dc(), users.alice);
  try {
    const lock = await box.getMailboxLock('INBOX');
    try {
      const found: Arrived[] = [];
      for await (const message of box.fetch('1:*', { source: true })) {
        const parsed = await simpleParser(message.source!);
        if (parsed.text?.includes(text)) found.push({ to: [parsed.to ?? []].flat().map((a) => a.text).join(', '), text: parsed.text, attachments: parsed.attachments.map((a) => a.content) });
      }
      return found;
    } finally {
      lock.release();
    }
  } finally {
    await box.logout();
  }
}

test.beforeAll(async () => {
  const box = await rawClient(peers.dc(), users.agent);
  await box.append('INBOX', mail(1, { subject: 'Need the full log', from: `Alice <${users.alice.email}>`, messageId: 'log-1@example.test', body: 'Please send me the whole log file.' }));
  await box.logout();
  host = await startBrowserMode(join(data.path, 'app'), ['--accounts', mailboxAccountsFile(peers, data.path)]);
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  data.remove();
});

test('a 24 MB file goes with a reply once and byte-identical; a 26 MB file is refused with the limit named', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await inboxRows(page).filter({ hasText: 'Need the full log' }).click();
  const view = page.locator('section.ticket');
  const attach = view.getByLabel('Attach files');

  await attach.setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: bytes(26 * MB, 'huge') });
  await expect(view.getByRole('alert')).toHaveText('Attachments are limited to 25 MB; “huge.bin” is 26 MB.');
  await expect(view.getByRole('list', { name: 'Attachments' })).toHaveCount(0);

  const log = bytes(24 * MB, 'log');
  await attach.setInputFiles({ name: 'server.log', mimeType: 'text/plain', buffer: log });
  const files = view.getByRole('list', { name: 'Attachments' });
  await expect(files).toContainText('server.log');
  await expect(files.locator('progress')).toHaveCount(0, { timeout: 60_000 }); // staged in main, chunk by chunk
  await view.getByRole('textbox', { name: 'Reply' }).fill('Here is the whole log, as asked.');
  await view.getByRole('button', { name: 'Send' }).click();

  await expect.poll(async () => (await arrivedAtAlice('Here is the whole log')).length, { timeout: 90_000, intervals: [1000] }).toBe(1);
  const [arrived] = await arrivedAtAlice('Here is the whole log');
  expect(arrived!.to).toContain(users.alice.email); // to the customer only
  expect(arrived!.to).not.toContain(users.agent.email);
  expect(arrived!.text).toContain('Here is the whole log, as asked.');
  expect(arrived!.attachments.map((a) => [a.length, sha(a)])).toEqual([[log.length, sha(log)]]);
  await expect(view.getByLabel('Status')).toHaveValue('pending'); // a reply leaves the ticket waiting on the customer

  // Opened again from the thread (the Sent copy, fetched from Dovecot): it comes to the page a chunk at a
  // time and is saved byte for byte.
  const sentFile = view.locator('.message.out').getByRole('button', { name: /server\.log/ }).last();
  await expect(sentFile).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), sentFile.click()]);
  const saved = readFileSync((await download.path())!);
  expect([saved.length, sha(saved)]).toEqual([log.length, sha(log)]);

  await expectNothingLostOnRestart(page, host);
  await page.waitForTimeout(2000);
  expect(await arrivedAtAlice('Here is the whole log')).toHaveLength(1); // sent once, also after the restart
});
