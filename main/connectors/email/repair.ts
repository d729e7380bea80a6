/**
 * Mail from the wild that mailparser reads wrong, corrected around it (not a MIME parser of our own):
 *
 * - a header block that runs straight into the body with no blank line (the body would be read as headers);
 * - raw 8-bit bytes inside an RFC 2047 encoded word ("=?iso-8859-1?Q?Fr\xF6sche?=") — escaped as the word's
 *   own encoding says, so they are read in the word's charset;
 * - undeclared 8-bit text in headers (a Latin-1 or windows-1251 display name): read in the charset the
 *   message declares for its text, else a guess between windows-1252, windows-1251 and KOI8-R;
 * - UTF-7, which mailparser refuses on purpose (a filter looking for "<" does not see "+ADw-"): we decode
 *   it, because every HTML body is sanitized after decoding (sanitize.ts), never before.
 *
 * `repairHeaders` is cheap and runs on every message; `repairParts` rewrites the MIME parts with mailparser's
 * own splitter and runs only when a first reading shows it is needed.
 */
import { isUtf8 } from 'node:buffer';
import { Joiner, Rewriter, Splitter, type MimeNode } from '@zone-eu/mailsplit';
import iconv from 'iconv-lite';
import { Transform, type TransformCallback } from 'node:stream';

const UTF7 = /^(?:x-)?(?:unicode-1-1-)?utf-?7(?:-imap)?$/i;
const HIGH = /[\x80-\xff]/;

/** Is `charset` UTF-7 under any of its names? */
export const isUtf7 = (charset: string | false | undefined) => !!charset && UTF7.test(charset.trim().replace(/\*.*$/, ''));

/** Bytes in `charset` as text: UTF-7 too; an unknown charset as UTF-8 when the bytes are, else as a guess. */
export function decodeText(bytes: Buffer, charset: string | false | undefined): string {
  const name = (charset || '').trim();
  if (isUtf7(name)) return iconv.decode(bytes, 'utf7');
  if (name && !/^(us-)?ascii$/i.test(name) && iconv.encodingExists(name) && (!/^utf-?8$/i.test(name) || isUtf8(bytes))) return iconv.decode(bytes, name);
  return isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, guessCharset(bytes));
}

/**
 * A guess for undeclared 8-bit text. Latin scripts put an accented letter here and there; Cyrillic text is
 * runs of 8-bit letters, mostly lower case — 0xE0–0xFF in windows-1251, 0xC0–0xDF in KOI8-R.
 */
export function guessCharset(bytes: Buffer): string {
  let run = 0;
  let longest = 0;
  let high = 0;
  let low = 0;
  for (const b of bytes) {
    if (b >= 0xc0) {
      run++;
      if (b >= 0xe0) high++;
      else low++;
    } else if (b < 0x80 || run === 0) {
      run = 0;
    }
    longest = Math.max(longest, run);
  }
  if (longest < 3) return 'windows-1252';
  return high >= low ? 'windows-1251' : 'koi8-r';
}

/** The first charset the message declares for its text (not ASCII or UTF-8), if iconv-lite knows it. */
function declaredCharset(raw: Buffer): string | null {
  const head = raw.subarray(0, 256 * 1024).toString('latin1');
  const re = /charset\s*=\s*"?([A-Za-z0-9_.:+-]+)/gi;
  for (let match = re.exec(head); match; match = re.exec(head)) {
    const name = match[1]!;
    if (!/^(us-)?ascii$|^utf-?8$/i.test(name) && !isUtf7(name) && iconv.encodingExists(name)) return name;
  }
  return null;
}

function quotedPrintableWord(body: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The charset undeclared 8-bit header bytes are read in: the message's own, else a guess from those bytes. */
type CharsetFor = (bytes: Buffer) => string;

function charsetFor(raw: Buffer): CharsetFor {
  let declared: string | null | undefined;
  return (bytes) => (declared === undefined ? (declared = declaredCharset(raw)) : declared) ?? guessCharset(bytes);
}

/** One header block (bytes as latin1 characters) with its encoded words and 8-bit text made readable. */
function repairBlock(block: string, fallback: CharsetFor): string {
  const words = block.replace(/=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=/g, (word, charset: string, encoding: string, body: string) => {
    if (isUtf7(charset)) {
      const bytes = encoding.toUpperCase() === 'Q' ? quotedPrintableWord(body) : Buffer.from(body, 'base64');
      return `=?UTF-8?B?${Buffer.from(iconv.decode(bytes, 'utf7'), 'utf8').toString('base64')}?=`;
    }
    if (encoding.toUpperCase() === 'Q' && HIGH.test(body)) {
      return `=?${charset}?Q?${body.replace(/[\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}?=`;
    }
    return word;
  });
  if (!HIGH.test(words)) return words;
  return words.replace(/[^\r\n]*[\x80-\xff][^\r\n]*/g, (line) => {
    const bytes = Buffer.from(line, 'latin1');
    return isUtf8(bytes) ? line : Buffer.from(iconv.decode(bytes, fallback(bytes)), 'utf8').toString('latin1');
  });
}

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * The message with its top-level header block made readable: a blank line where the headers run into the
 * body, encoded words and 8-bit header text repaired. The same Buffer when nothing needed it.
 */
export function repairHeaders(raw: Buffer): Buffer {
  let end = -1; // where the header block ends (the blank line, or where it is missing)
  let missingBlank = false;
  let sawHeader = false;
  for (let pos = 0; pos < raw.length;) {
    const newline = raw.indexOf(0x0a, pos);
    const lineEnd = newline === -1 ? raw.length : newline + 1;
    const line = raw.subarray(pos, lineEnd).toString('latin1').replace(/\r?\n$/, '');
    if (line === '' || line === '\r') {
      end = pos;
      break;
    }
    const continuation = sawHeader && (line[0] === ' ' || line[0] === '\t');
    if (!continuation && !HEADER_LINE.test(line) && !(pos === 0 && line.startsWith('From '))) {
      if (sawHeader) {
        end = pos;
        missingBlank = true;
      }
      break;
    }
    sawHeader ||= HEADER_LINE.test(line);
    pos = lineEnd;
  }
  if (end === -1) end = raw.length;
  const block = raw.subarray(0, end).toString('latin1');
  const needsWords = /=\?[^?\s]+\?[Qq]\?[^?]*[\x80-\xff]|=\?(?:x-)?(?:unicode-1-1-)?utf-?7/i.test(block);
  const needsText = HIGH.test(block) && !isUtf8(raw.subarray(0, end));
  if (!missingBlank && !needsWords && !needsText) return raw;
  const fixed = Buffer.from(repairBlock(block, charsetFor(raw)), 'latin1');
  const eol = raw.indexOf('\r\n') !== -1 ? '\r\n' : '\n';
  return Buffer.concat([fixed, ...(missingBlank ? [Buffer.from(eol)] : []), raw.subarray(end)]);
}

/** Does the message name UTF-7 anywhere (utf-7, UTF-7, utf7, unicode-1-1-utf-7 …)? Native searches: it runs on every message. */
const mentionsUtf7 = (raw: Buffer) => ['tf-7', 'TF-7', 'tf7', 'TF7'].some((name) => raw.includes(name));

/**
 * Does a Content-… header (with its folded lines) carry raw 8-bit bytes — an attachment named in
 * windows-1251, which mailparser reads as Latin-1? A few native searches and short loops per message.
 */
function rawContentHeaders(raw: Buffer): boolean {
  for (const key of ['ontent-', 'ONTENT-']) {
    for (let hit = raw.indexOf(key); hit !== -1; hit = raw.indexOf(key, hit + key.length)) {
      // "Content-" at the start of a line
      const at = hit - 2;
      if (at < 0 || raw[at] !== 0x0a || (raw[hit - 1]! | 0x20) !== 0x63) continue;
      let end = at + 1;
      for (;;) {
        const newline = raw.indexOf(0x0a, end);
        end = newline === -1 ? raw.length : newline + 1;
        if (newline === -1 || (raw[end] !== 0x20 && raw[end] !== 0x09)) break;
      }
      for (let i = at; i < end; i++) if (raw[i]! >= 0x80) return true;
    }
  }
  return false;
}

/** Does the message call for `repairParts` before its first reading? */
export const needsPartRepair = (raw: Buffer) => mentionsUtf7(raw) || rawContentHeaders(raw);

/**
 * Text mailparser did not read right: U+FFFD where bytes were not what they claimed, or UTF-8 read as
 * Latin-1 ("Ð¡Ñ‡", the way it reads raw 8-bit bytes in a part's header). Worth a reading with the parts repaired.
 */
export const misread = (text: string | undefined) => !!text && (text.includes('\uFFFD') || /[\u00c2-\u00f4][\u0080-\u00bf]/.test(text));

/**
 * A part's header line (UTF-8 bytes as latin1 characters) with its non-ASCII runs as RFC 2047 encoded
 * words, which mailparser decodes in parameters too (`filename="=?UTF-8?B?…?="`); spaces inside a run stay
 * in it, since the space between two encoded words is dropped when they are decoded.
 */
function asEncodedWords(line: string): string {
  if (!HIGH.test(line)) return line;
  const text = Buffer.from(line, 'latin1').toString('utf8');
  const words = text.replace(/[\u0080-\uffff]+(?:[ \t]+[\u0080-\uffff]+)*/g, (run) => `=?UTF-8?B?${Buffer.from(run, 'utf8').toString('base64')}?=`);
  return Buffer.from(words, 'utf8').toString('latin1');
}

/** Header blocks of the parts (attachment names, mostly) with 8-bit text: read as the message's charset or a guess. */
class PartHeaders extends Transform {
  constructor(private readonly fallback: CharsetFor) {
    super({ objectMode: true });
  }

  override _transform(data: MimeNode | { type: string }, _encoding: BufferEncoding, done: TransformCallback): void {
    if (data.type === 'node' && 'headers' in data && !data.root && data.headers) {
      for (const line of data.headers.getList()) {
        const fixed = asEncodedWords(repairBlock(line.line, this.fallback));
        if (fixed !== line.line) {
          line.line = fixed;
          data.headers.changed = true;
        }
      }
    }
    done(null, data);
  }
}

const isBodyText = (node: MimeNode) => !!node.contentType && /^text\/(plain|html)$/i.test(node.contentType) && node.disposition !== 'attachment';

/**
 * The message with its text parts re-encoded as UTF-8 where mailparser would misread them (UTF-7, an
 * unknown charset, or bytes that are not what the part declares), and its parts' 8-bit headers repaired.
 */
export function repairParts(raw: Buffer): Promise<Buffer> {
  const fallback = charsetFor(raw);
  return new Promise((resolve, reject) => {
    const splitter = new Splitter();
    const rewriter = new Rewriter(isBodyText);
    rewriter.on('node', ({ node, decoder, encoder }) => {
      const chunks: Buffer[] = [];
      decoder.on('data', (chunk: Buffer) => chunks.push(chunk));
      decoder.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = isUtf7(node.charset) || !node.charset || !iconv.encodingExists(node.charset) || !isUtf8(bytes) ? decodeText(bytes, node.charset) : null;
        if (text === null) {
          encoder.end(bytes);
          return;
        }
        node.setCharset('utf-8');
        encoder.end(Buffer.from(text, 'utf8'));
      });
    });
    const chunks: Buffer[] = [];
    const joiner = new Joiner();
    joiner.on('data', (chunk: Buffer) => chunks.push(chunk));
    (joiner as Transform).on('end', () => resolve(Buffer.concat(chunks)));
    for (const stream of [splitter, rewriter, joiner] as Transform[]) stream.on('error', reject);
    splitter.pipe(new PartHeaders(fallback)).pipe(rewriter).pipe(joiner);
    splitter.end(raw);
  });
}

/** The message as parse.ts reads it first: headers repaired, and the parts where `needsPartRepair` says so. */
export async function readable(raw: Buffer): Promise<Buffer> {
  const source = repairHeaders(raw);
  return needsPartRepair(source) ? repairParts(source) : source;
}
