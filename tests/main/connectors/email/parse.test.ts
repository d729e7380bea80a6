import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFrom } from '../../../../main/connectors/email/attachments';
import { parseMail, type MailMeta } from '../../../../main/connectors/email/parse';

const corpus = join(__dirname, '../../../fixtures/mail');
const meta: MailMeta = { accountId: 'acc', folder: 'INBOX', uidValidity: 7, uid: 1, flags: [], size: 100, ownAddresses: ['agent@example.test'] };
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

describe('what mailparser alone gets wrong, read right', () => {
  const raw = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const mime = (body: string) => `From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\n${body}\r\n--BB--\r\n`;

  it('raw 8-bit bytes inside an encoded word are read in the word’s charset', async () => {
    const m = await parseMail(raw('From: a@example.com\r\nSubject: =?iso-8859-1?Q?Fr', [0xf6], 'sche?=\r\n\r\nbody\r\n'), meta);
    expect(m.subject).toBe('Frösche');
  });

  it('UTF-7 text and encoded words', async () => {
    const m = await parseMail(raw('From: a@example.com\r\nSubject: =?utf-7?Q?Fr+APY-sche?=\r\nContent-Type: text/plain; charset=utf-7\r\n\r\nFr+APY-sche und +BBcENARABDAEMgRBBEIEMgRDBDkEQgQ1-\r\n'), meta);
    expect(m.subject).toBe('Frösche');
    expect(m.text).toContain('Frösche und Здравствуйте');
  });

  it('a text part with an unknown Content-Disposition, or untyped with a transfer encoding, is the body, not an attachment', async () => {
    const odd = await parseMail(raw(mime('Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: inlinee\r\n\r\nHello body')), meta);
    expect(odd.text).toContain('Hello body');
    expect(odd.attachments).toEqual([]);
    const untyped = await parseMail(raw(mime(`Content-Type: ; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('Hidden text').toString('base64')}`)), meta);
    expect(untyped.text).toContain('Hidden text');
    expect(untyped.attachments).toEqual([]);
  });

  it('headers that run into the body without a blank line keep the body', async () => {
    const m = await parseMail(raw('From: a@example.com\r\nSubject: x\r\nHello, this is the body\r\nsecond line\r\n'), meta);
    expect(m.subject).toBe('x');
    expect(m.text).toContain('Hello, this is the body\nsecond line');
  });

  it('undeclared 8-bit display names: Latin-1, and windows-1251 beside a windows-1251 body', async () => {
    expect((await parseMail(raw('From: J', [0xfc], 'rgen M', [0xfc], 'ller <j@example.com>\r\nSubject: x\r\n\r\nbody\r\n'), meta)).from.name).toBe('Jürgen Müller');
    const ru = await parseMail(raw('From: ', [0xc8, 0xe2, 0xe0, 0xed], ' <i@example.com>\r\nSubject: x\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], '\r\n'), meta);
    expect(ru.from.name).toBe('Иван');
    expect(ru.text).toContain('Привет');
  });

  it('an attachment named in raw windows-1251 or raw UTF-8 keeps its name, in the list and when fetched', async () => {
    const [head, tail] = mime('Content-Type: text/plain; charset=windows-1251\r\n\r\ntext\r\n--BB\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="NAME.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERg==').split('NAME');
    const cp1251 = raw(head!, [0xd1, 0xf7, 0xb8, 0xf2], tail!);
    expect((await parseMail(cp1251, meta)).attachments.map((a) => a.name)).toEqual(['Счёт.pdf']);
    expect((await attachmentFrom(cp1251, 0)).name).toBe('Счёт.pdf');
    const utf8 = raw(mime('Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="Счёт №5 на оплату.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERg=='));
    expect((await parseMail(utf8, meta)).attachments.map((a) => a.name)).toEqual(['Счёт №5 на оплату.pdf']);
  });

  it('the attachments a pull lists are the ones fetched by their numbers, whatever text parts precede them', async () => {
    const mixed = raw(mime('Content-Type: text/plain\r\nContent-Disposition: bogus\r\n\r\nbody\r\n--BB\r\nContent-Type: text/plain; name="notes.txt"\r\nContent-Disposition: attachment; filename="notes.txt"\r\n\r\nnotes'));
    const m = await parseMail(mixed, meta);
    expect(m.attachments.map((a) => a.name)).toEqual(['notes.txt']);
    expect((await attachmentFrom(mixed, 0)).data.toString()).toBe('notes');
  });
});

describe('an image a mailer put in multipart/mixed and shows by its Content-ID', () => {
  it('is shown in the HTML and still listed as an attachment, and its bytes are the listed one', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const raw = Buffer.from(
      'From: a@example.test\r\nTo: agent@example.test\r\nSubject: Logo\r\nMessage-ID: <mixed-cid@x>\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Our logo: <img src="cid:logo@x"></p>\r\n' +
        `--b\r\nContent-Type: image/png; name="logo.png"\r\nContent-Disposition: inline; filename="logo.png"\r\nContent-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n${png.toString('base64')}\r\n` +
        '--b--\r\n',
    );
    const mail = await parseMail(raw, meta);
    expect(mail.attachments.map((a) => a.name)).toEqual(['logo.png']);
    expect(mail.inline).toEqual([{ cid: 'logo@x', attachmentId: mail.attachments[0]!.id, type: 'image/png', size: png.length, attachment: 0 }]);
    expect(Buffer.from((await attachmentFrom(raw, 0)).data)).toEqual(png);
  });
});
