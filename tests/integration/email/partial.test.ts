/**
 * Large messages fetched part by part (main/connectors/email/partial.ts) against a real Dovecot: every
 * message of the tricky corpus, and a large one with a PDF, an embedded image and a text attachment, read
 * the same as from its whole source — text, HTML, headers, attachments in the same order with the same
 * ids (sizes estimated), inline parts — and an attachment left on the server is fetched whole on demand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import type { MailMessage } from '../../../shared/email';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { rawClient, settingsFor } from '../peers/mail';

const fixtures = join(__dirname, '../../fixtures/mail');
const pdf = Buffer.alloc(200_000, 7);
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(30_000, 3)]);
const b64 = (data: Buffer) => data.toString('base64').replace(/(.{76})/g, '$1\r\n');

const large = Buffer.from(
  [
    'From: Олег <oleg@example.ru>', 'To: agent@example.test', 'Subject: =?koi8-r?B?8NLJ18XU?= with a large report', 'Message-ID: <large-1@example.ru>',
    'Date: Mon, 23 Nov 2026 09:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="m"', '',
    '--m', 'Content-Type: multipart/alternative; boundary="a"', '',
    '--a', 'Content-Type: text/plain; charset=windows-1251', 'Content-Transfer-Encoding: base64', '', Buffer.from('cef2f7b8f220e2ee20e2ebeee6e5ede8e82e', 'hex').toString('base64') /* windows-1251 */,
    '--a', 'Content-Type: multipart/related; boundary="r"', '',
    '--r', 'Content-Type: text/html; charset=utf-8', '', '<p>Отчёт во вложении: <img src="cid:chart@x"></p>',
    '--r', 'Content-Type: image/png', 'Content-ID: <chart@x>', 'Content-Transfer-Encoding: base64', '', b64(png),
    '--r--', '--a--',
    '--m', 'Content-Type: application/pdf; name="report.pdf"', 'Content-Disposition: attachment; filename="report.pdf"', 'Content-Transfer-Encoding: base64', '', b64(pdf),
    '--m', 'Content-Type: text/plain; charset=utf-8; name="notes.txt"', 'Content-Disposition: attachment; filename="notes.txt"', '', 'short notes',
    '--m--', '',
  ].join('\r\n'),
);

let dc: Dovecot;
beforeAll(async () => {
  dc = await startDovecot();
  const box = await rawClient(dc, users.agent);
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.eml')).sort()) await box.append('INBOX', readFileSync(join(fixtures, file)));
  await box.append('INBOX', large);
  await box.logout();
});
afterAll(() => dc?.stop());

async function pullAll(options: ConstructorParameters<typeof EmailConnector>[3]): Promise<{ mails: MailMessage[]; connector: EmailConnector }> {
  const connector = new EmailConnector(settingsFor(dc, 1, users.agent, { folders: ['INBOX'] }), 'agent', () => users.agent.password, { batch: 100, firstBatch: 100, ...options });
  const page = await connector.pull(null);
  return { mails: page.changes.flatMap((c) => (c.kind === 'mail' ? [c.mail] : [])).sort((a, b) => a.uid - b.uid), connector };
}

const withoutSizes = (m: MailMessage) => ({ ...m, attachments: m.attachments.map(({ size: _, ...a }) => a), inline: m.inline.map(({ size: _, ...p }) => p) });

it('reads every message part by part exactly as from its whole source, and fetches what it left on demand', async () => {
  const whole = await pullAll({ partial: { largeBytes: Infinity, skipBytes: Infinity } });
  // Every multipart message part by part, every part other than text left on the server.
  const parts = await pullAll({ partial: { largeBytes: 0, skipBytes: 0 } });
  const usual = await pullAll({});
  try {
    expect(whole.mails.length).toBeGreaterThan(8);
    expect(parts.mails.map(withoutSizes)).toEqual(whole.mails.map(withoutSizes));
    expect(usual.mails.map(withoutSizes)).toEqual(whole.mails.map(withoutSizes));
    // Sizes of what was left on the server are estimates from the server's structure, within a few percent.
    const sizes = (mails: MailMessage[]) => mails.flatMap((m) => [...m.attachments, ...m.inline].map((a) => a.size));
    sizes(parts.mails).forEach((size, i) => expect(Math.abs(size - sizes(whole.mails)[i]!)).toBeLessThanOrEqual(Math.max(8, sizes(whole.mails)[i]! * 0.03)));

    const report = usual.mails.find((m) => m.messageId === 'large-1@example.ru')!;
    expect(report).toMatchObject({ subject: 'Привет with a large report', html: expect.stringContaining('cid:chart@x') });
    expect(report.text).toContain('Отчёт во вложении.');
    expect(report.attachments.map((a) => [a.name, a.type])).toEqual([['report.pdf', 'application/pdf'], ['notes.txt', 'text/plain']]);
    expect(report.inline.map((p) => [p.cid, p.type])).toEqual([['chart@x', 'image/png']]);
    const content = await usual.connector.fetchAttachment(report.attachments[0]!.id);
    expect(Buffer.compare(Buffer.from(content.data), pdf)).toBe(0);
    const chart = await usual.connector.fetchAttachment(report.inline[0]!.attachmentId);
    expect(Buffer.compare(Buffer.from(chart.data), png)).toBe(0);
  } finally {
    await Promise.all([whole.connector.close(), parts.connector.close(), usual.connector.close()]);
  }
});
