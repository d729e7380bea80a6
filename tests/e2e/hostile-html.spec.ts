/**
 * Hostile HTML mail (tests/fixtures/mail/hostile) from a real Dovecot, opened in browser mode: no script
 * runs, no dialog opens, and nothing is fetched from the remote origin — a server on 127.0.0.1 counting
 * every request — until the agent allows remote images for that message. Links show their real target.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { users } from '../integration/peers/dovecot';
import { rawClient } from '../integration/peers/mail';
import { tempDir } from '../support/temp';
import { startBrowserMode, stopHost, type RunningHost } from './host';
import { expectNothingLostOnRestart } from './restart';
import { inboxRows } from './journeys';
import { mailboxAccountsFile, useMailPeers } from './mail-peers';

const peers = useMailPeers();
let host: RunningHost;
let remote: Server;
const hits: string[] = [];
const data = tempDir('switchboard-hostile-');

const htmlMail = (n: number, subject: string, html: string) =>
  Buffer.from(
    `From: Mallory <mallory@evil.example>\r\nTo: agent@example.test\r\nSubject: ${subject}\r\nMessage-ID: <hostile-${n}@evil.example>\r\n` +
      `Date: ${new Date(Date.UTC(2026, 10, 2) + n * 60_000).toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n` +
      `--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${subject}\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--b--\r\n`,
  );

/** Links of every kind, from a sender whose name and attachment carry a right-to-left override. */
const namesThatLie = (html: string) =>
  Buffer.from(
    `From: =?UTF-8?B?${Buffer.from('Bank \u202Etroppus').toString('base64')}?= <mallory@evil.example>\r\nTo: agent@example.test\r\nSubject: Links of every kind\r\n` +
      `Message-ID: <hostile-3@evil.example>\r\nDate: ${new Date(Date.UTC(2026, 10, 2, 1)).toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n` +
      `--m\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n` +
      `--m\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe\r\nContent-Transfer-Encoding: base64\r\n\r\nTVo=\r\n--m--\r\n`,
  );

test.beforeAll(async () => {
  remote = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/mail/hostile', name), 'utf8').replaceAll('{{REMOTE}}', origin);
  const dc = peers.dc();
  const box = await rawClient(dc, users.agent);
  await box.append('INBOX', htmlMail(1, 'Refund waiting for you', fixture('scripts.html')));
  await box.append('INBOX', htmlMail(2, 'Your order has shipped', fixture('remote.html')));
  await box.append('INBOX', namesThatLie(fixture('links.html')));
  await box.logout();
  const accounts = mailboxAccountsFile(peers, data.path);
  host = await startBrowserMode(join(data.path, 'app'), ['--accounts', accounts]);
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  remote?.close();
  data.remove();
});

test('a hostile HTML email runs no script and loads nothing remote until the agent allows it', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // What the message's own policy would block was taken out when sanitizing: the console stays clean.
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(host.url);
  await inboxRows(page).filter({ hasText: 'Refund waiting for you' }).click();
  const message = page.frameLocator('iframe[title="Message"]');
  await expect(message.getByText('Hello, please check your invoice.')).toBeVisible();
  // The fake link shows where it really goes.
  await message.getByText('https://paypal.example/secure').hover();
  await expect(page.locator('.link-target')).toHaveText('→ https://bank.example.com/login');
  await message.getByText('hover me').hover();
  await message.getByText('Click for a refund').click(); // its javascript: target was removed: nothing happens
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.title()).toBe('Switchboard');
  await expect(message.locator('script, form, iframe, object, embed')).toHaveCount(0);

  await inboxRows(page).filter({ hasText: 'Your order has shipped' }).click();
  await expect(page.frameLocator('iframe[title="Message"]').getByText('Your order has shipped.')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('8 remote images or fonts are blocked');
  await page.waitForTimeout(1000);
  expect(hits).toEqual([]); // not a single request: the sender cannot tell the mail was opened
  expect(dialogs).toEqual([]);

  await page.getByRole('button', { name: 'Show them in this message' }).click();
  await expect.poll(() => hits.some((h) => h.startsWith('/pixel.gif')), { timeout: 10_000 }).toBe(true); // the counter counts
  expect(hits.some((h) => h.startsWith('/link.css'))).toBe(false); // <link> style sheets never load
  await page.waitForTimeout(500);
  expect(refused).toEqual([]);

  await expectNothingLostOnRestart(page, host);
});

test('links in image maps and SVG open outside, as parsed; names cannot hide their real end', async ({ page }) => {
  await page.goto(host.url);
  // Browser mode hands a link to a new tab: recorded here instead, so nothing leaves this machine.
  await page.evaluate(() => {
    const opened: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = opened;
    window.open = (url) => (opened.push(String(url)), null);
  });
  const opened = () => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
  await inboxRows(page).filter({ hasText: 'Links of every kind' }).click();
  const message = page.frameLocator('iframe[title="Message"]');
  await expect(message.getByText('Links that are not a plain')).toBeVisible();

  await message.getByText('svg xlink link').hover();
  await expect(page.locator('.link-target')).toHaveText('→ https://svg.example/old');
  await message.getByText('svg xlink link').click();
  await message.getByText('svg href link').click();
  await message.getByAltText('image map').click({ position: { x: 10, y: 10 } }); // inside the area
  await message.getByText('mail the vendor').click();
  await expect.poll(opened).toEqual(['https://svg.example/old', 'https://svg.example/new', 'https://area.example/claim', 'mailto:help@vendor.example?subject=Hello%20there']);
  // A link the URL parser would have to repair is not opened, and says so.
  await message.getByText('backslash link').click();
  await expect(page.locator('.link-target')).toContainText('Not opened');
  expect(await opened()).toHaveLength(4);
  // Spaces around a target are gone once sanitized: what the agent sees is what opens.
  await message.getByText('spaced link').click();
  await expect(page.locator('.link-target')).toHaveText('→ https://spaces.example/');
  await expect.poll(async () => (await opened()).at(-1)).toBe('https://spaces.example/');
  await expect(message.getByText('Links that are not a plain')).toBeVisible(); // the frame never left the message

  // The sender's name and the file's as they are: no override reverses them, and the real extension shows.
  const ticket = page.locator('section.ticket');
  await expect(page.getByText('Bank troppus').first()).toBeVisible();
  const file = page.getByRole('list', { name: 'Attachments' }).getByRole('listitem').first();
  await expect(file).toContainText('invoicefdp.exe');
  await expect(file.locator('.file-ext')).toHaveText('EXE');
  expect(await ticket.innerText()).not.toContain('\u202E');
  expect(await page.locator('body').innerText()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
});

