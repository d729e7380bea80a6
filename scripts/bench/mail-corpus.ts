/**
 * Generates support mail for benchmarks: mixed sizes (1 KB to ~200 KB with attachments) and charsets
 * (UTF-8, KOI8-R, windows-1251, ISO-8859-1), threaded replies, deterministic for a seed.
 */
import { seededRandom as rng } from '../../shared/random';

const iconvTable: Record<string, (s: string) => Buffer> = {
  'utf-8': (s) => Buffer.from(s, 'utf8'),
  'iso-8859-1': (s) => Buffer.from(s, 'latin1'),
};


const en = ['My order has not arrived yet.', 'I was charged twice this month.', 'The dashboard shows a blank page.', 'Please refund my last payment.', 'I cannot log in after the password reset.'];
const ru = ['Мой заказ до сих пор не пришёл.', 'С карты дважды списали оплату.', 'Панель управления не открывается.', 'Верните, пожалуйста, деньги за заказ.', 'Не могу войти после сброса пароля.'];
const latin = ['Meine Bestellung ist noch nicht angekommen, Grüße.', 'Rückerstattung für die Bestellung bitte.'];

/** KOI8-R and windows-1251 without a codec library: the tables for Cyrillic letters. */
function encodeCyrillic(text: string, charset: 'koi8-r' | 'windows-1251'): Buffer {
  const koi = 'юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ';
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 128) bytes.push(code);
    else if (charset === 'windows-1251') {
      if (ch === 'ё') bytes.push(0xb8);
      else if (ch === 'Ё') bytes.push(0xa8);
      else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
      else bytes.push(0x3f);
    } else {
      if (ch === 'ё') bytes.push(0xa3);
      else if (ch === 'Ё') bytes.push(0xb3);
      else {
        const i = koi.indexOf(ch);
        bytes.push(i >= 0 ? 0xc0 + i : 0x3f);
      }
    }
  }
  return Buffer.from(bytes);
}

export function generateMail(count: number, seed = 42): Buffer[] {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const charset = roll < 0.5 ? 'utf-8' : roll < 0.65 ? 'koi8-r' : roll < 0.85 ? 'windows-1251' : 'iso-8859-1';
    const lines = charset === 'utf-8' ? (random() < 0.5 ? en : ru) : charset === 'iso-8859-1' ? latin : ru;
    const paragraphs = 1 + Math.floor(random() * (random() < 0.1 ? 200 : 12));
    const text = Array.from({ length: paragraphs }, () => pick(lines)).join('\n');
    const body = charset === 'koi8-r' || charset === 'windows-1251' ? encodeCyrillic(text, charset) : iconvTable[charset]!(text);
    const thread = Math.floor(i / 3);
    const reply = i % 3 !== 0;
    const headers =
      `From: Customer ${thread} <customer${thread}@example.com>\r\nTo: agent@example.test\r\n` +
      `Subject: ${reply ? 'Re: ' : ''}Request ${thread}\r\nMessage-ID: <bench-${seed}-${i}@example.com>\r\n` +
      (reply ? `In-Reply-To: <bench-${seed}-${thread * 3}@example.com>\r\nReferences: <bench-${seed}-${thread * 3}@example.com>\r\n` : '') +
      `Date: ${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString()}\r\nMIME-Version: 1.0\r\n`;
    if (random() < 0.08) {
      const attachment = Buffer.alloc(20_000 + Math.floor(random() * 120_000), i % 251).toString('base64').replace(/(.{76})/g, '$1\r\n');
      out.push(Buffer.concat([
        Buffer.from(`${headers}Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
        body,
        Buffer.from(`\r\n--b${i}\r\nContent-Type: application/pdf; name="invoice-${i}.pdf"\r\nContent-Disposition: attachment; filename="invoice-${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b${i}--\r\n`),
      ]));
    } else {
      out.push(Buffer.concat([Buffer.from(`${headers}Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`), body, Buffer.from('\r\n')]));
    }
  }
  return out;
}
