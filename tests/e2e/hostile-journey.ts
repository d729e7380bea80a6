/**
 * Generated hostile mail (tests/support/hostile-mail.ts) through the whole app: delivered into a real IMAP
 * server, pulled by browser mode into Chromium's IndexedDB, threaded into tickets — then the page reloaded
 * and the host restarted. Every message must be cached, in a ticket, shown when its ticket is opened, and
 * still there after the restart, with nothing set aside by the start-up check. The seed is printed (set
 * SB_SEED to replay a run). Run on Dovecot (hostile-mail.spec.ts) and on Cyrus and Courier (mail-servers.spec.ts).
 */
import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileMail, type HostileMail, type MailOptions } from '../support/hostile-mail';
import { expect, startBrowserMode, stopHost, type RunningHost } from './host';
import { expectNothingLostOnRestart, storeRows } from './restart';

interface Row {
  id: string;
  ticketId: string;
  text: string;
}

/** Where each marker is in the cache: its message's ticket, if both exist. */
async function placesOf(page: Page, markers: string[]): Promise<Record<string, string>> {
  const [messages, tickets] = await Promise.all([storeRows<Row>(page, 'messages'), storeRows<{ id: string; subject: string }>(page, 'tickets')]);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return Object.fromEntries(markers.map((marker) => {
    const message = messages.find((m) => m.text.includes(marker));
    return [marker, message ? (byId.get(message.ticketId)?.subject ?? 'NO TICKET') : 'NOT CACHED'];
  }));
}

/** The ticket of the message carrying `marker`. */
async function ticketOf(page: Page, marker: string): Promise<string> {
  return (await storeRows<Row>(page, 'messages')).find((m) => m.text.includes(marker))!.ticketId;
}

/**
 * `deliver`: puts a message into the agent's mailbox; `accountsFile`: provisions that mailbox in `dir`;
 * `mail`: which mail the server keeps as sent (see hostileMail).
 */
export async function hostileMailJourney(page: Page, server: string, deliver: (raw: Buffer) => Promise<void> | void, accountsFile: (dir: string) => string, mail: MailOptions = {}): Promise<void> {
  const seed = Number(process.env.SB_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`hostile mail on ${server}: seed ${seed} (SB_SEED=${seed} replays this run)`);
  const corpus: HostileMail[] = fc.sample(hostileMail(mail), { numRuns: 80, seed });
  // Different messages that reuse one Message-ID (a broken mailer): both must be kept.
  const withIds = corpus.filter((m) => m.messageId);
  for (const [from, to] of [[0, 1], [2, 3]] as const) {
    const [a, b] = [withIds[from], withIds[to]];
    if (a && b) {
      b.raw = Buffer.from(b.raw.toString('latin1').replace(`<${b.messageId}>`, `<${a.messageId}>`), 'latin1');
      b.messageId = a.messageId;
    }
  }
  for (const mail of corpus) await deliver(mail.raw);

  const data = mkdtempSync(join(tmpdir(), 'switchboard-hostile-'));
  let host: RunningHost | undefined;
  try {
    host = await startBrowserMode(join(data, 'app'), ['--accounts', accountsFile(data)]);
    await page.goto(host.url);
    const markers = corpus.map((m) => m.marker);
    const lost = async () => Object.entries(await placesOf(page, markers)).filter(([, where]) => where === 'NOT CACHED' || where === 'NO TICKET');
    await expect.poll(async () => (await lost()).length, { timeout: 120_000, intervals: [1000] }).toBe(0);
    // One cached message per delivered one: none lost, none twice (two of them share a Message-ID).
    const cached = async () => (await storeRows<Row>(page, 'messages')).length;
    expect(await cached()).toBe(corpus.length);

    // Shown: conversations found by a word of theirs and opened, as the agent would; their text on screen
    // (plain-text ones: HTML is shown in a frame of its own).
    const plainOnes = corpus.filter((m) => !m.raw.includes('multipart/alternative'));
    const search = page.getByRole('searchbox', { name: 'Search all history' });
    for (const mail of [plainOnes[0]!, plainOnes[plainOnes.length - 1]!]) {
      await search.fill(mail.marker);
      const row = page.locator(`[data-ticket-id="${await ticketOf(page, mail.marker)}"]`);
      await expect(row).toHaveCount(1, { timeout: 30_000 });
      await row.click();
      await expect(page.locator('section.ticket .message-body').filter({ hasText: mail.marker })).toHaveCount(1);
    }
    await search.fill('');

    await expectNothingLostOnRestart(page, host);
    expect(await lost()).toEqual([]);
    expect(await cached()).toBe(corpus.length);
  } finally {
    if (host) await stopHost(host);
    rmSync(data, { recursive: true, force: true });
  }
}
