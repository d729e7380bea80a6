/**
 * A team mailbox that signs in with OAuth2, in browser mode, against real servers: an OpenID Connect
 * server (oidc-provider, its own login and consent pages filled here), Dovecot checking tokens with its
 * oauth2 passdb, an SMTP server taking XOAUTH2, and a local DNS server the host is pointed at
 * (SB_DNS_SERVERS) whose SRV records give the servers from the address. Nothing goes beyond 127.0.0.1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startDovecot, users, type Dovecot } from '../integration/peers/dovecot';
import { mail, rawClient } from '../integration/peers/mail';
import { startOidc, type Oidc } from '../integration/peers/oidc';
import { startSmtpSink, type SmtpSink } from '../integration/peers/smtp-sink';
import { startDnsServer, type DnsServer } from '../support/dns-server';
import { signInAtProvider } from '../support/oidc-login';
import { tempDir } from '../support/temp';
import { restartHost, startBrowserMode, stopHost, type RunningHost } from './host';
import { inboxRows } from './journeys';
import { dovecotAvailable } from './mail-peers';

if (!dovecotAvailable()) console.log('skipped: the OAuth2 journey needs Dovecot (.ci/run installs it)');
test.skip(!dovecotAvailable(), 'Dovecot is needed');

let oidc: Oidc;
let dc: Dovecot;
let sink: SmtpSink;
let dns: DnsServer;
let host: RunningHost;
const data = tempDir('switchboard-oauth-');

test.beforeAll(async () => {
  oidc = await startOidc({ accessTokenSeconds: 62 }); // refreshed a minute ahead: a new token for nearly every login
  dc = await startDovecot({ oauth2: { introspectionUrl: oidc.introspectionUrlWithCredentials } });
  sink = await startSmtpSink(dc.lmtpSocket, undefined, (token) => oidc.introspect(token));
  dns = await startDnsServer([
    { type: 'SRV', name: '_imap._tcp.example.test', data: { priority: 0, weight: 1, port: dc.imapPort, target: 'localhost' } },
    { type: 'SRV', name: '_submission._tcp.example.test', data: { priority: 0, weight: 1, port: sink.port, target: 'localhost' } },
  ]);
  const box = await rawClient(dc, users.agent);
  await box.append('INBOX', mail(1, { subject: 'Where is my parcel?', from: 'Alice <alice@example.test>', messageId: 'parcel-1@example.test', body: 'It has been a week.' }));
  await box.logout();
  host = await startBrowserMode(data.path, [], { env: { SB_DNS_SERVERS: dns.address } });
});
test.afterAll(async () => {
  if (host) await stopHost(host);
  await sink?.stop();
  dc?.stop();
  await dns?.stop();
  await oidc?.stop();
  data.remove();
});

const delivered = (text: string) => sink.messages.filter((m) => m.raw.includes(text));

/** The sign-in page the app opened in a new tab: the agent signs in there, and the tab says so. */
async function signInInNewTab(context: BrowserContext, start: () => Promise<void>): Promise<void> {
  const [tab] = await Promise.all([context.waitForEvent('page'), start()]);
  await signInAtProvider(tab, null, users.agent.email);
  await tab.close();
}

async function reply(page: Page, text: string): Promise<void> {
  await inboxRows(page).filter({ hasText: 'Where is my parcel?' }).click();
  const view = page.locator('section.ticket');
  await expect(view.locator('h1')).toHaveText('Where is my parcel?');
  await view.getByRole('textbox', { name: 'Reply' }).fill(text);
  await view.getByRole('button', { name: 'Send reply' }).click();
  await expect(view.locator('.message.out').filter({ hasText: text })).toHaveCount(1);
}

test('a mailbox found from its address, signed in through the provider’s pages; tokens refresh unseen; revoked, it asks to sign in again and keeps the reply', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  // The provider's pages ask for a web font: test traffic stays on this computer.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  await context.addInitScript(() => localStorage.setItem('switchboard.undoSendSeconds', '0'));
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add email account' }).click();
  const form = page.getByRole('form', { name: 'Add email account' });
  await form.getByLabel('Email address').fill(users.agent.email);
  await form.getByRole('button', { name: 'Find servers' }).click();
  await expect(form.getByText('Servers for example.test filled in below')).toBeVisible();
  await form.getByText('How the servers were found').click();
  await expect(form.getByText(/DNS SRV records: found — localhost:\d+, localhost:\d+/)).toBeVisible();
  const [imap, smtp] = [form.locator('fieldset.endpoint').nth(0), form.locator('fieldset.endpoint').nth(1)];
  await expect(imap.getByLabel('Server')).toHaveValue('localhost');
  await expect(imap.getByLabel('Port')).toHaveValue(String(dc.imapPort));
  await expect(smtp.getByLabel('Port')).toHaveValue(String(sink.port));
  // SRV says STARTTLS; these test servers on this computer speak plain: the agent edits what was found.
  await imap.getByLabel('Security').selectOption('none');
  await smtp.getByLabel('Security').selectOption('none');
  await form.getByLabel('Name shown to customers').fill('Support');
  await form.getByLabel('Sign-in').selectOption('custom');
  await expect(form.locator('input[type=password]')).toHaveCount(0);
  await form.getByLabel('OAuth client ID').fill(oidc.clientId);
  await form.getByLabel('Authorization address').fill(oidc.authorizationUrl);
  await form.getByLabel('Token address').fill(oidc.tokenUrl);
  await signInInNewTab(context, () => form.getByRole('button', { name: 'Sign in with Other OAuth2 provider…' }).click());
  await expect(form).toHaveCount(0, { timeout: 20_000 }); // checked with the new sign-in, then added
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(inboxRows(page).filter({ hasText: 'Where is my parcel?' })).toHaveCount(1);

  // A reply goes once, by token; after the access token's minute is up, the next one takes a new token unseen.
  await reply(page, 'We are on it, Alice.');
  await expect.poll(() => delivered('We are on it, Alice.').length).toBe(1);
  expect(delivered('We are on it, Alice.')[0]!.user).toBe(users.agent.email);
  expect(delivered('We are on it, Alice.')[0]!.to).toEqual(['alice@example.test']); // to the customer only
  await expect(page.locator('section.ticket').getByLabel('Status')).toHaveValue('pending'); // a reply waits on the customer
  const refreshes = oidc.refreshes;
  await page.waitForTimeout(2_500);
  await reply(page, 'It left the warehouse today.');
  await expect.poll(() => delivered('It left the warehouse today.').length).toBe(1);
  expect(oidc.refreshes).toBeGreaterThan(refreshes);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The sign-in is revoked at the provider: the next reply waits, the account says why, and signing in again sends it.
  expect(await oidc.revokeAll()).toBeGreaterThan(0);
  await page.waitForTimeout(2_500);
  await reply(page, 'The courier calls you tomorrow.');
  await page.getByRole('button', { name: 'Settings' }).click();
  const account = page.locator('ul.accounts li').filter({ hasText: 'Support' });
  await expect(account.getByRole('alert')).toContainText('has expired or was revoked', { timeout: 20_000 });
  expect(delivered('The courier calls you tomorrow.')).toHaveLength(0);
  await signInInNewTab(context, () => account.getByRole('button', { name: 'Sign in to Support again' }).click());
  await expect(page.getByText('Signed in: Support syncs again.')).toBeVisible({ timeout: 20_000 });
  await expect(account.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => delivered('The courier calls you tomorrow.').length, { timeout: 20_000 }).toBe(1);

  // A restart: browser mode here keeps secrets in memory (no keychain for tests), so it asks to sign in,
  // and the mail it had is still there.
  await restartHost(host);
  await page.goto('about:blank');
  await page.goto(host.url);
  await expect(inboxRows(page).filter({ hasText: 'Where is my parcel?' })).toHaveCount(1);

  // No token or code in any file the host wrote or in anything it printed.
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
  const written = [...files(data.path).map((f) => readFileSync(f, 'latin1')), host.output.join('')];
  expect(oidc.issued.size).toBeGreaterThan(3);
  for (const token of oidc.issued) expect(written.some((text) => text.includes(token)), `a token was found outside the vault`).toBe(false);
  await context.close();
});
