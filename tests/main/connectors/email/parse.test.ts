import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMail, type MailMeta } from '../../../../main/connectors/email/parse';

const corpus = join(__dirname, '../../../fixtures/mail');
const meta: MailMeta = { accountId: 'acc', folder: 'INBOX', uidValidity: 7, uid: 1, flags: [], size: 100, ownAddress: 'agent@example.test' };
const parse = (name: string) => parseMail(readFileSync(join(corpus, name)), meta);

describe('parsing the tricky-mail corpus', () => {
  it('KOI8-R body and encoded-word headers', async () => {
    const m = await parse('koi8r.eml');
    expect(m.subject).toBe('Возврат оплаты');
    expect(m.from).toEqual({ name: 'Анна Смирнова', email: 'anna@example.ru' });
    expect(m.text).toContain('Прошу вернуть оплату');
    expect(m.broken).toBe(false);
  });

  it('windows-1251 quoted-printable, including ё', async () => {
    const m = await parse('cp1251.eml');
    expect(m.subject).toBe('Не могу войти');
    expect(m.text).toContain('ёлки-палки');
  });

  it('ISO-8859-1 and ISO-2022-JP', async () => {
    expect((await parse('latin1.eml')).text).toContain('Grüße aus München');
    expect((await parse('latin1.eml')).from.name).toBe('Jürgen Müller');
    const jp = await parse('iso2022jp.eml');
    expect(jp.subject).toBe('請求書');
    expect(jp.text).toContain('お問い合わせありがとうございます');
  });

  it('nested multiparts: text, HTML with its cid: image kept, the attachment as metadata only', async () => {
    const m = await parse('nested.eml');
    expect(m.text).toContain('Plain part');
    expect(m.html).toContain('cid:shot@x');
    expect(m.attachments.map((a) => [a.name, a.type])).toEqual([['invoice.pdf', 'application/pdf']]);
    // The embedded image is listed apart from the attachments, by the Content-ID the HTML links to.
    expect(m.inline).toEqual([{ cid: 'shot@x', attachmentId: `${m.accountId}:INBOX:${m.uidValidity}:${m.uid}:inline:0`, type: 'image/png', size: 73 }]);
    expect(JSON.stringify(m)).not.toContain('fake invoice'); // content is fetched on demand, not carried
  });

  it('broken MIME still yields a message with a stable synthetic Message-ID', async () => {
    const m = await parse('broken.eml');
    expect(m.subject).toBe('Broken multipart');
    expect(m.messageId).toBe('7.1.INBOX@acc.switchboard.invalid');
    expect((await parse('broken.eml')).messageId).toBe(m.messageId);
  });

  it('long folded headers, 30 References and an RFC 2231 Russian file name', async () => {
    const m = await parse('long-headers.eml');
    expect(m.subject).toMatch(/^Very long subject word0 .* word59$/);
    expect(m.references).toHaveLength(30);
    expect(m.references[0]).toBe('ref0@example.com');
    expect(m.inReplyTo).toBe('ref29@example.com');
    expect(m.attachments.map((a) => a.name)).toEqual(['счёт.txt']);
  });

  it('signed mail shows its text and lists the signature as an attachment', async () => {
    const m = await parse('signed.eml');
    expect(m.text).toContain('This text is signed.');
    expect(m.attachments.map((a) => a.name)).toContain('smime.p7s');
  });

  it('tells the account’s own mail from incoming mail', async () => {
    const own = await parseMail(Buffer.from('From: Agent <Agent@Example.test>\r\nSubject: x\r\n\r\nhi\r\n'), meta);
    expect(own.outgoing).toBe(true);
    expect((await parse('koi8r.eml')).outgoing).toBe(false);
  });
});
