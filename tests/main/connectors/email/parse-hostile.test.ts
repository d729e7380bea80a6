/**
 * Generated hostile mail (tests/support/hostile-mail.ts) through the parser: whatever the encodings and
 * structure, the agent reads the text, subject and sender the message carries, its date or the server's,
 * and the result is a message every later stage accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageDate, parseMail, type MailMeta } from '../../../../main/connectors/email/parse';
import { MailMessage } from '../../../../shared/email';
import { hostileMail } from '../../../support/hostile-mail';

const RECEIVED = Date.UTC(2026, 0, 2, 9, 30);
const DAY = 24 * 3_600_000;
const meta: MailMeta = { accountId: 'imap:agent', folder: 'INBOX', uidValidity: 7, uid: 1, flags: [], size: 100, ownAddresses: ['agent@example.test'], internalDate: RECEIVED };

describe('generated hostile mail through the parser', () => {
  it('keeps the text, subject, sender, date and Message-ID a careful reader finds', async () => {
    await fc.assert(
      fc.asyncProperty(hostileMail(), async (mail) => {
        const m = await parseMail(mail.raw, meta);
        expect(m.broken).toBe(false);
        expect(m.text).toContain(mail.marker);
        expect(m.subject).toBe(mail.subject);
        expect(m.from).toEqual({ name: mail.fromName, email: mail.fromEmail });
        expect(m.date).toBe(mail.date !== null && mail.date >= Date.UTC(1980, 0, 2) && mail.date <= RECEIVED + DAY ? mail.date : RECEIVED);
        if (mail.messageId) expect(m.messageId).toBe(mail.messageId);
        else expect(m.messageId).toBe('7.1.INBOX@imap:agent.switchboard.invalid');
        if (mail.attachment) expect(m.attachments.map((a) => a.name)).toContain(mail.attachment);
        expect(MailMessage.safeParse(m).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('copies of one message agree on their fingerprint; a different message with the same Message-ID does not', async () => {
    await fc.assert(
      fc.asyncProperty(hostileMail(), hostileMail(), async (mail, other) => {
        const delivered = Buffer.concat([Buffer.from('Return-Path: <x@example.com>\r\nDelivered-To: agent@example.test\r\nReceived: from mx by imap; Fri, 2 Jan 2026 09:30:00 +0000\r\n'), mail.raw]);
        const [a, b] = await Promise.all([parseMail(mail.raw, meta), parseMail(delivered, { ...meta, folder: 'Sent', uid: 9, internalDate: RECEIVED + 5000 })]);
        expect(b.fingerprint).toBe(a.fingerprint);
        if (other.marker !== mail.marker) expect((await parseMail(other.raw, meta)).fingerprint).not.toBe(a.fingerprint);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the date a message is shown with', () => {
  const header = (t: number) => new Date(t).toUTCString();
  it('is its Date header', () => {
    expect(messageDate(header(Date.UTC(2019, 6, 20, 20, 17)), { internalDate: RECEIVED })).toBe(Date.UTC(2019, 6, 20, 20, 17));
    expect(messageDate('Wed, 2 Jan 1980 00:00:00 +0000', { internalDate: RECEIVED })).toBe(Date.UTC(1980, 0, 2));
  });

  it('is when the server received it when the header is missing, unreadable, a clock never set, or more than a day ahead', () => {
    expect(messageDate(header(Date.UTC(1969, 6, 20, 20, 17)), { internalDate: RECEIVED })).toBe(RECEIVED);
    expect(messageDate('Thu, 1 Jan 1970 00:00:00 +0000', { internalDate: RECEIVED })).toBe(RECEIVED);
    expect(messageDate('Tue, 1 Jan 1980 00:00:00 +0000', { internalDate: RECEIVED })).toBe(RECEIVED);
    expect(messageDate(undefined, { internalDate: RECEIVED })).toBe(RECEIVED);
    expect(messageDate('yesterday-ish', { internalDate: RECEIVED })).toBe(RECEIVED);
    expect(messageDate(header(Date.UTC(2100, 0, 1)), { internalDate: RECEIVED })).toBe(RECEIVED);
    expect(messageDate(header(RECEIVED + 3_600_000), { internalDate: RECEIVED })).toBe(RECEIVED + 3_600_000); // a fast clock, kept
  });

  it('is when it was first seen where the server does not say', () => {
    expect(messageDate(undefined, { internalDate: null }, 1234)).toBe(1234);
    expect(messageDate(header(Date.UTC(2100, 0, 1)), {}, 1234)).toBe(1234);
  });
});
