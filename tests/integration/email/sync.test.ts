import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import type { MailMessage } from '../../../shared/email';
import type { Change } from '../../../shared/sync';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { appendAll, mail, rawClient, settingsFor } from '../peers/mail';

let dc: Dovecot;
let raw: ImapFlow;
beforeAll(async () => {
  dc = await startDovecot();
  raw = await rawClient(dc, users.alice);
});
afterAll(async () => {
  await raw?.logout().catch(() => undefined);
  dc?.stop();
});

const mails = (changes: Change[]): MailMessage[] => changes.flatMap((c) => (c.kind === 'mail' ? [c.mail] : []));

async function pullAll(connector: EmailConnector, cursor: string | null) {
  const pages: Change[][] = [];
  for (let i = 0; i < 50; i++) {
    const page = await connector.pull(cursor);
    pages.push(page.changes);
    cursor = page.nextCursor;
    if (page.done) break;
  }
  return { pages, cursor: cursor!, changes: pages.flat() };
}

describe('email sync against Dovecot', () => {
  let connector: EmailConnector;
  let cursor: string;

  it('initial sync of 500 messages: newest first, a small first page, each message exactly once', async () => {
    await appendAll(raw, 'INBOX', Array.from({ length: 500 }, (_, i) => mail(i + 1)));
    connector = new EmailConnector(settingsFor(dc, 1, users.alice, { folders: ['INBOX'] }), 'alice', () => users.alice.password, { batch: 200 });
    const result = await pullAll(connector, null);
    cursor = result.cursor;
    const all = mails(result.changes);
    expect(all).toHaveLength(500);
    expect(new Set(all.map((m) => m.uid)).size).toBe(500);
    expect(result.pages.map((p) => mails(p).length)).toEqual([25, 200, 200, 75]); // a small first page shows at once
    const first = mails(result.pages[0]!);
    expect(Math.min(...first.map((m) => m.uid))).toBe(476); // the newest come first
    expect(first.find((m) => m.uid === 500)?.subject).toBe('Question 500');
  });

  it('incremental: new mail, a flag change and an expunge, and nothing else', async () => {
    await appendAll(raw, 'INBOX', [mail(501), mail(502)]);
    const lock = await raw.getMailboxLock('INBOX');
    try {
      await raw.messageFlagsAdd('5', ['\\Flagged'], { uid: true });
      await raw.messageDelete('7', { uid: true });
    } finally {
      lock.release();
    }
    const result = await pullAll(connector, cursor);
    cursor = result.cursor;
    expect(mails(result.changes).map((m) => m.subject).sort()).toEqual(['Question 501', 'Question 502']);
    const flags = result.changes.flatMap((c) => (c.kind === 'mailFlags' ? [c.flags] : []));
    expect(flags.find((f) => f.uid === 5)?.flags).toContain('\\Flagged');
    expect(flags.some((f) => f.uid === 7)).toBe(false);
    expect(result.changes.flatMap((c) => (c.kind === 'mailGone' ? [c.gone.uid] : []))).toEqual([7]);
    expect((await connector.pull(cursor)).changes.filter((c) => c.kind === 'mail')).toHaveLength(0);
  });

  it('a server without QRESYNC: expunges found by comparing UIDs', async () => {
    const plain = new EmailConnector(settingsFor(dc, 1, users.alice, { folders: ['INBOX'] }), 'alice', () => users.alice.password, { batch: 1000, qresync: false });
    const { cursor: start } = await pullAll(plain, null);
    const lock = await raw.getMailboxLock('INBOX');
    try {
      await raw.messageDelete('9', { uid: true });
    } finally {
      lock.release();
    }
    const next = await plain.pull(start);
    const snapshot = next.changes.find((c) => c.kind === 'mailSnapshot');
    expect(snapshot?.kind === 'mailSnapshot' && snapshot.snapshot.uids.includes(9)).toBe(false);
    expect(snapshot?.kind === 'mailSnapshot' && snapshot.snapshot.uids.includes(10)).toBe(true);
    await plain.close();
  });

  it('a UIDVALIDITY change resets the folder and resyncs it with no duplicates', async () => {
    await raw.mailboxCreate('Shared');
    await appendAll(raw, 'Shared', [mail(1001), mail(1002)]);
    const shared = new EmailConnector(settingsFor(dc, 1, users.alice, { folders: ['Shared'] }), 'alice', () => users.alice.password);
    const first = await pullAll(shared, null);
    expect(mails(first.changes)).toHaveLength(2);
    await raw.mailboxDelete('Shared');
    await raw.mailboxCreate('Shared');
    await appendAll(raw, 'Shared', [mail(1003), mail(1004), mail(1005)]);
    await shared.close(); // a fresh session sees the new UIDVALIDITY
    const second = await pullAll(shared, first.cursor);
    expect(second.changes.filter((c) => c.kind === 'mailReset')).toHaveLength(1);
    expect(mails(second.changes).map((m) => m.subject).sort()).toEqual(['Question 1003', 'Question 1004', 'Question 1005']);
    await shared.close();
  });

  it('a message over the size limit arrives as headers plus "too large to preview"', async () => {
    await raw.mailboxCreate('Big');
    await appendAll(raw, 'Big', [mail(2001, { subject: 'Huge log file', size: 300_000 })]);
    const big = new EmailConnector(settingsFor(dc, 1, users.alice, { folders: ['Big'] }), 'alice', () => users.alice.password, { maxPreviewBytes: 100_000 });
    const [message] = mails((await pullAll(big, null)).changes);
    expect(message).toMatchObject({ subject: 'Huge log file', broken: true, tooLarge: true });
    expect(message!.text).toMatch(/too large to preview/);
    expect(message!.size).toBeGreaterThan(300_000);
    await big.close();
  });

  it('a message over the size limit whose text is small shows its text and lists its file, left on the server', async () => {
    await raw.mailboxCreate('BigFile');
    const file = Buffer.alloc(300_000, 7).toString('base64').replace(/(.{76})/g, '$1\r\n');
    const source = Buffer.from(
      'From: Bob <bob@example.com>\r\nTo: agent@example.test\r\nSubject: The whole log\r\nMessage-ID: <big-file@example.com>\r\n' +
        `Date: ${new Date(Date.UTC(2026, 10, 2)).toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n` +
        '--m\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHere is the whole log.\r\n' +
        `--m\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="server.log"\r\nContent-Transfer-Encoding: base64\r\n\r\n${file}\r\n--m--\r\n`,
    );
    await appendAll(raw, 'BigFile', [source]);
    const big = new EmailConnector(settingsFor(dc, 1, users.alice, { folders: ['BigFile'] }), 'alice', () => users.alice.password, { maxPreviewBytes: 100_000 });
    const [message] = mails((await pullAll(big, null)).changes);
    expect(message).toMatchObject({ subject: 'The whole log', broken: false, tooLarge: false, attachments: [{ name: 'server.log' }] });
    expect(message!.text.trim()).toBe('Here is the whole log.');
    await big.close();
  });

  afterAll(async () => {
    await connector?.close();
  });
});
