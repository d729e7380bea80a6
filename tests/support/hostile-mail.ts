/**
 * Generated hostile mail (fast-check), written by this project: every message carries what a careful
 * reader must get out of it (its body marker, subject, sender's name, date or none, Message-ID), built with
 * random header order, line endings, encodings of headers (encoded words in several charsets, raw 8-bit
 * bytes inside encoded words, undeclared 8-bit text), body charsets (UTF-8, KOI8-R, windows-1251, Latin-1,
 * UTF-7, unknown), transfer encodings, and structures (one part, mixed with an attachment, alternative,
 * a missing closing boundary, a malformed Content-Disposition, an untyped part, no blank line after the
 * headers). Dates from 1900 to 2100 or none; Message-IDs from none to 2,000 characters.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';

export interface HostileMail {
  raw: Buffer;
  /** A word that must appear in the text shown. */
  marker: string;
  subject: string;
  fromName: string;
  fromEmail: string;
  /** The Date header's moment, or null when it has none (or an unreadable one). */
  date: number | null;
  /** Without angle brackets; null when the message has none. */
  messageId: string | null;
  /** The attachment's name, when it has one. */
  attachment: string | null;
}

type Words = 'ascii' | 'german' | 'russian';
const texts: Record<Words, string[]> = {
  ascii: ['Refund please', 'Order 1234 late', 'Login broken', 'Invoice question'],
  german: ['Grüße aus München', 'Frösche und Äpfel', 'Rückerstattung für Bestellung'],
  russian: ['возврат оплаты заказа', 'не могу войти в кабинет', 'счёт на оплату не пришёл'],
};
const names: Record<Words, string[]> = {
  ascii: ['Anna Smith', 'Bob Jones'],
  german: ['Jürgen Müller', 'Björn Schäfer'],
  russian: ['анна смирнова', 'иван петров'],
};

/** How a header's text is written. */
type HeaderEncoding = 'utf8-raw' | 'b-utf8' | 'q-utf8' | 'q-latin1-raw' | 'b-koi8' | 'undeclared' | 'utf7-word';

function b(charset: string, bytes: Buffer): string {
  return `=?${charset}?B?${bytes.toString('base64')}?=`;
}

/** The header's bytes (as latin1 characters, so raw 8-bit survives) for `text` written in `encoding`. */
function headerText(text: string, words: Words, encoding: HeaderEncoding, bodyCharset: string): string {
  const bytes = (charset: string) => iconv.encode(text, charset).toString('latin1');
  if (words === 'ascii') return text;
  switch (encoding) {
    case 'utf8-raw':
      return bytes('utf8');
    case 'b-utf8':
      return b('UTF-8', iconv.encode(text, 'utf8'));
    case 'q-utf8':
      return `=?UTF-8?Q?${[...iconv.encode(text, 'utf8')].map((c) => (c < 0x80 && /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? String.fromCharCode(c) : `=${c.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}?=`;
    case 'q-latin1-raw':
      // Raw 8-bit bytes inside a Q word: only where the text is Latin-1 at all.
      return words === 'german' ? `=?ISO-8859-1?Q?${bytes('latin1').replace(/ /g, '_')}?=` : b('UTF-8', iconv.encode(text, 'utf8'));
    case 'b-koi8':
      return words === 'russian' ? b('KOI8-R', iconv.encode(text, 'koi8-r')) : b('ISO-8859-1', iconv.encode(text, 'latin1'));
    case 'utf7-word':
      return b('UTF-7', iconv.encode(text, 'utf7'));
    case 'undeclared':
      // Raw bytes in the message's own charset where it declares one, else the usual legacy charset.
      if (words === 'german') return bytes(bodyCharset === 'iso-8859-1' || bodyCharset === 'windows-1252' ? bodyCharset : 'windows-1252');
      return bytes(bodyCharset === 'koi8-r' ? 'koi8-r' : 'windows-1251');
  }
}

type BodyCharset = 'utf-8' | 'koi8-r' | 'windows-1251' | 'iso-8859-1' | 'utf-7' | 'x-unknown';
type Transfer = '7bit' | '8bit' | 'base64' | 'quoted-printable';
type Structure = 'single' | 'mixed' | 'alternative' | 'unclosed' | 'bad-disposition' | 'untyped-part' | 'no-blank-line';

const fits = (text: string, charset: BodyCharset) => {
  if (charset === 'x-unknown') return /^[\x20-\x7e]*$/.test(text);
  if (charset === 'utf-8' || charset === 'utf-7') return true;
  return iconv.decode(iconv.encode(text, charset), charset) === text;
};

function encodeBody(text: string, charset: BodyCharset, transfer: Transfer): { bytes: string; transfer: Transfer } {
  const raw = iconv.encode(text, charset === 'x-unknown' ? 'ascii' : charset === 'utf-7' ? 'utf7' : charset);
  if (transfer === 'base64') return { bytes: raw.toString('base64').replace(/.{76}/g, '$&\r\n'), transfer };
  if (transfer === 'quoted-printable') {
    return { bytes: [...raw].map((c) => (c >= 0x21 && c <= 0x7e && c !== 0x3d ? String.fromCharCode(c) : c === 0x20 ? ' ' : `=${c.toString(16).toUpperCase().padStart(2, '0')}`)).join(''), transfer };
  }
  const eightBit = [...raw].some((c) => c >= 0x80);
  return { bytes: raw.toString('latin1'), transfer: eightBit ? '8bit' : transfer };
}

const idChars = 'abcdefghijklmnopqrstuvwxyz0123456789.-_+$=';

export interface MailOptions {
  /** Only structures whose bodies every server keeps as sent (some strip a missing blank line). */
  structures?: Structure[];
}

export function hostileMail(options: MailOptions = {}): fc.Arbitrary<HostileMail> {
  return fc
    .record({
      words: fc.constantFrom<Words>('ascii', 'german', 'russian'),
      subjectIndex: fc.nat(),
      nameIndex: fc.nat(),
      subjectEncoding: fc.constantFrom<HeaderEncoding>('utf8-raw', 'b-utf8', 'q-utf8', 'q-latin1-raw', 'b-koi8', 'undeclared', 'utf7-word'),
      nameEncoding: fc.constantFrom<HeaderEncoding>('utf8-raw', 'b-utf8', 'q-utf8', 'q-latin1-raw', 'b-koi8', 'undeclared', 'utf7-word'),
      bodyCharset: fc.constantFrom<BodyCharset>('utf-8', 'koi8-r', 'windows-1251', 'iso-8859-1', 'utf-7', 'x-unknown'),
      transfer: fc.constantFrom<Transfer>('7bit', 'base64', 'quoted-printable'),
      structure: fc.constantFrom<Structure>(...(options.structures ?? ['single', 'mixed', 'alternative', 'unclosed', 'bad-disposition', 'untyped-part', 'no-blank-line'])),
      date: fc.option(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => Math.floor(t / 1000) * 1000), { nil: null }),
      zone: fc.integer({ min: -12, max: 14 }),
      messageId: fc.option(fc.oneof(fc.string({ unit: fc.constantFrom(...idChars.split('')), minLength: 1, maxLength: 60 }), fc.string({ unit: fc.constantFrom(...idChars.split('')), minLength: 150, maxLength: 2000 })), { nil: null }),
      marker: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), minLength: 8, maxLength: 8 }).map((s) => `Marker${s}`),
      order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      lf: fc.boolean(),
    })
    .map((r) => {
      const subject = texts[r.words][r.subjectIndex % texts[r.words].length]!;
      const fromName = names[r.words][r.nameIndex % names[r.words].length]!;
      const body = `${r.marker} ${texts[r.words][0]}`;
      // A body charset that cannot hold the text is UTF-8 instead (the generator writes only correct mail).
      const charset: BodyCharset = fits(body, r.bodyCharset) ? r.bodyCharset : 'utf-8';
      const fromEmail = `${r.marker.toLowerCase()}@example.com`;
      const headerCharset = charset === 'utf-7' || charset === 'x-unknown' ? 'utf-8' : charset;
      const offset = `${r.zone < 0 ? '-' : '+'}${String(Math.abs(r.zone)).padStart(2, '0')}00`;
      const dateText = r.date === null ? null : rfc2822(r.date, r.zone, offset);
      const headers = [
        `From: ${headerText(fromName, r.words, r.nameEncoding, headerCharset)} <${fromEmail}>`,
        'To: Support <agent@example.test>',
        `Subject: ${headerText(subject, r.words, r.subjectEncoding, headerCharset)}`,
        ...(dateText ? [`Date: ${dateText}`] : []),
        ...(r.messageId ? [`Message-ID: <${r.messageId}@example.com>`] : []),
        'MIME-Version: 1.0',
      ];
      // Shuffled, as senders do.
      const order = headers.map((h, i) => [r.order[i % r.order.length]! * 31 + i, h] as const).sort((a, x) => a[0] - x[0]).map(([, h]) => h);
      const part = encodeBody(body, charset, r.transfer);
      const html = encodeBody(`<p>${body}</p>`, charset, r.transfer);
      const typed = (type: string, encoded = part) => `Content-Type: ${type}; charset=${charset}\r\nContent-Transfer-Encoding: ${encoded.transfer}`;
      const attachmentName = r.words === 'russian' ? 'счёт.pdf' : 'invoice.pdf';
      const attachment = `Content-Type: application/pdf; name="${attachmentName}"\r\nContent-Disposition: attachment; filename*=utf-8''${encodeURIComponent(attachmentName)}\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK`;
      let mime: string;
      let hasAttachment = false;
      switch (r.structure) {
        case 'single':
          mime = `${typed('text/plain')}\r\n\r\n${part.bytes}\r\n`;
          break;
        case 'no-blank-line':
          // Headers run straight into the body: the body's first line is no header.
          mime = `${typed('text/plain')}\r\n${part.bytes}\r\n`;
          break;
        case 'mixed':
          hasAttachment = true;
          mime = `Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n${typed('text/plain')}\r\n\r\n${part.bytes}\r\n--b1\r\n${attachment}\r\n--b1--\r\n`;
          break;
        case 'unclosed':
          hasAttachment = true;
          mime = `Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n${typed('text/plain')}\r\n\r\n${part.bytes}\r\n--b1\r\n${attachment}\r\n`;
          break;
        case 'alternative':
          mime = `Content-Type: multipart/alternative; boundary="b2"\r\n\r\n--b2\r\n${typed('text/plain')}\r\n\r\n${part.bytes}\r\n--b2\r\n${typed('text/html', html)}\r\n\r\n${html.bytes}\r\n--b2--\r\n`;
          break;
        case 'bad-disposition':
          mime = `Content-Type: multipart/mixed; boundary="b3"\r\n\r\n--b3\r\n${typed('text/plain')}\r\nContent-Disposition: inlin\r\n\r\n${part.bytes}\r\n--b3--\r\n`;
          break;
        case 'untyped-part':
          mime = `Content-Type: multipart/mixed; boundary="b4"\r\n\r\n--b4\r\nContent-Type: ; charset=${charset}\r\nContent-Transfer-Encoding: ${part.transfer}\r\n\r\n${part.bytes}\r\n--b4--\r\n`;
          break;
      }
      let text = `${order.join('\r\n')}\r\n${mime}`;
      if (r.lf) text = text.replace(/\r\n/g, '\n');
      return {
        raw: Buffer.from(text, 'latin1'),
        marker: r.marker,
        subject,
        fromName,
        fromEmail,
        date: r.date,
        messageId: r.messageId ? `${r.messageId}@example.com` : null,
        attachment: hasAttachment ? attachmentName : null,
      };
    });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 date for the moment `utc`, written in the zone `hours` east of UTC. */
function rfc2822(utc: number, hours: number, offset: string): string {
  const local = new Date(utc + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${offset}`;
}
