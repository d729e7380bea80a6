/**
 * Raw RFC 5322 messages to MailMessage, with mailparser: every charset it knows (KOI8-R, windows-1251,
 * ISO-8859-x, ISO-2022-JP …), encoded words in headers, nested multiparts — and what real-world mail gets
 * wrong corrected around it (repair.ts). A message that cannot be parsed becomes a `broken` MailMessage
 * carrying what headers were readable, so it never stops a sync.
 */
import { createHash } from 'node:crypto';
import { MailParser, simpleParser, type AddressObject, type AttachmentStream, type MessageText, type ParsedMail } from 'mailparser';
import type { Attachment, InlinePart } from '../../../shared/domain';
import { bounded } from '../../../shared/ids';
import type { Address, MailMessage } from '../../../shared/email';
import { NOTE_HEADER } from './notes';
import { PART_SIZE_HEADER } from './partial';
import { decodeText, misread, readable, repairHeaders, repairParts } from './repair';

export interface MailMeta {
  accountId: string;
  folder: string;
  uidValidity: number;
  uid: number;
  flags: string[];
  size: number;
  /** The account's own addresses (its address and aliases), to tell outgoing mail from incoming. */
  ownAddresses: string[];
  /** When the server received it (IMAP INTERNALDATE), for mail without a usable Date header. */
  internalDate?: number | null;
  /** It is in the team's notes folder: with the note header, it is an internal note (notes.ts). */
  notesFolder?: boolean;
}

export const stripAngles = (id: string) => id.trim().replace(/^<|>$/g, '');

/** A Message-ID for a message without one, stable for its folder and uid. */
const syntheticId = (meta: MailMeta) => `${meta.uidValidity}.${meta.uid}.${encodeURIComponent(meta.folder)}@${meta.accountId}.switchboard.invalid`;

const DAY_MS = 24 * 60 * 60_000;
/** Content-IDs longer than this are not matched against the HTML (the part is listed as an attachment). */
const MAX_CID = 1000;

/** Before this, a Date header is a clock that was never set (the Unix and DOS epochs), not when mail was written. */
const EARLIEST_DATE = Date.UTC(1980, 0, 2);

/**
 * When the message was written: its Date header; where that is missing or unreadable, when the server
 * received it; where the server does not say, when it was first seen. Two kinds of Date are a wrong clock,
 * not a time, and the server's time counts for them too: one more than a day after the server received the
 * message (it would sort first forever and never breach an SLA), and one before 1980 (a device whose clock
 * was never set says 1970 or 1980; shown as such, the mail would sort last and breach at once).
 */
export function messageDate(dateHeader: string | undefined, meta: Pick<MailMeta, 'internalDate'>, now = Date.now()): number {
  const received = meta.internalDate ?? null;
  const written = dateHeader ? Date.parse(dateHeader.replace(/\s+/g, ' ').trim()) : NaN;
  if (Number.isFinite(written) && written >= EARLIEST_DATE && written <= (received ?? now) + DAY_MS) return written;
  return received ?? now;
}

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value).flatMap((a) => (a.address ? [{ name: a.name ?? '', email: a.address.toLowerCase() }] : []));
}

function references(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return list.map(stripAngles).filter(Boolean);
}

interface Body {
  text: string;
  html: string | null;
  attachments: Attachment[];
  inline: InlinePart[];
  broken: boolean;
  tooLarge: boolean;
}

/**
 * What tells two messages with the same Message-ID apart: who wrote it, its own Date header, subject, text,
 * HTML and attachment names. Copies of one message (INBOX and Sent, or fetched whole and part by part)
 * agree; a different message that reuses the id does not. Versioned: a change to what it covers (or to how
 * a message is read) must change FINGERPRINT_VERSION, so the cache never takes an old copy for another message.
 */
const FINGERPRINT_VERSION = 'v1.';

function fingerprintOf(from: Address, dateHeader: string | undefined, subject: string, body: Body): string {
  const hash = createHash('sha256');
  for (const part of [from.email, (dateHeader ?? '').trim(), subject, body.text, body.html ?? '', ...body.attachments.map((a) => a.name)]) hash.update(part).update('\0');
  return FINGERPRINT_VERSION + hash.digest('hex').slice(0, 16);
}

function toMessage(parsed: ParsedMail, dateHeader: string | undefined, meta: MailMeta, body: Body): MailMessage {
  const from = addresses(parsed.from)[0] ?? { name: '', email: '' };
  const subject = parsed.subject ?? '';
  return {
    accountId: meta.accountId,
    folder: meta.folder,
    uidValidity: meta.uidValidity,
    uid: meta.uid,
    messageId: parsed.messageId ? stripAngles(parsed.messageId) || syntheticId(meta) : syntheticId(meta),
    inReplyTo: parsed.inReplyTo ? (references(parsed.inReplyTo)[0] ?? null) : null,
    references: references(parsed.references),
    subject,
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    date: messageDate(dateHeader, meta),
    fingerprint: fingerprintOf(from, dateHeader, subject, body),
    flags: meta.flags,
    outgoing: meta.ownAddresses.some((own) => own.toLowerCase() === from.email),
    ...(meta.notesFolder && parsed.headers?.has(NOTE_HEADER.toLowerCase()) ? { note: true } : {}),
    size: meta.size,
    ...body,
  };
}

/** The raw value of the first Date header (mailparser turns an unreadable one into "now"). */
function rawDate(lines: readonly { key: string; line: string }[] | undefined): string | undefined {
  const line = lines?.find((l) => l.key === 'date')?.line;
  return line ? line.slice(line.indexOf(':') + 1) : undefined;
}

/**
 * mailparser's streaming parser: headers, text and HTML are kept; attachment content is counted and
 * dropped (it is fetched on demand), which makes parsing about half again as fast as simpleParser.
 */
interface PartSeen {
  name: string | undefined;
  type: string;
  size: number;
  related: boolean;
  cid: string | undefined;
}

interface Streamed {
  parsed: ParsedMail;
  dateHeader: string | undefined;
  attachments: PartSeen[];
}

/** What mailparser calls an attachment, as far as the fields the two of its APIs share. */
export interface PartFields {
  filename?: string;
  contentType?: string;
  contentDisposition?: string;
  related?: boolean;
  cid?: string;
}

/**
 * How a part mailparser calls an attachment is shown. `text`: a careful reader shows it as the body — no
 * file name, not marked as an attachment, and text, or untyped, or typed unreadably (which RFC 2045 says
 * means text). `inline`: shown inside the HTML by its Content-ID. Else a listed attachment. Pulling and
 * fetching (attachments.ts) count attachments by this, so their numbers agree.
 */
export function shownAs(part: PartFields): 'text' | 'inline' | 'attachment' {
  const type = String(part.contentType || '').toLowerCase();
  if (!part.filename && part.contentDisposition !== 'attachment' && !part.related && (type === 'text/plain' || type === 'text/html' || !type.includes('/'))) return 'text';
  return part.related && part.cid && part.cid.length <= MAX_CID ? 'inline' : 'attachment';
}

function collect(data: AttachmentStream, onText: (text: string, html: boolean) => void): Promise<void> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    data.content.on('data', (chunk: Buffer) => chunks.push(chunk));
    data.content.on('end', () => {
      const charset = (data.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.charset;
      onText(decodeText(Buffer.concat(chunks), charset), String(data.contentType || '').toLowerCase() === 'text/html');
      data.release?.();
      resolve();
    });
  });
}

function parseStreaming(raw: Buffer): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({ skipImageLinks: true, skipTextToHtml: true, keepCidLinks: true } as ConstructorParameters<typeof MailParser>[0]);
    const parsed = { attachments: [] } as unknown as ParsedMail;
    const attachments: PartSeen[] = [];
    const recovered: { text: string[]; html: string[] } = { text: [], html: [] };
    const pending: Promise<void>[] = [];
    let dateHeader: string | undefined;
    parser.on('headerLines', (lines: readonly { key: string; line: string }[]) => {
      dateHeader ??= rawDate(lines);
    });
    parser.on('headers', (headers) => {
      const get = (key: string) => headers.get(key) as never;
      Object.assign(parsed, {
        headers, subject: get('subject'), from: get('from'), to: get('to'), cc: get('cc'), date: get('date'),
        messageId: get('message-id'), inReplyTo: get('in-reply-to'), references: get('references'),
      });
    });
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'attachment' && shownAs(data) === 'text') {
        pending.push(collect(data, (text, html) => (html ? recovered.html : recovered.text).push(text)));
      } else if (data.type === 'attachment') {
        let size = 0;
        data.content.on('data', (chunk: Buffer) => (size += chunk.length));
        data.content.on('end', () => {
          // A part left on the server (partial.ts) says its size in a header of its own.
          const left = Number(data.headers.get(PART_SIZE_HEADER.toLowerCase()) ?? NaN);
          if (size === 0 && Number.isFinite(left)) size = left;
          attachments.push({ name: data.filename, type: data.contentType, size, related: shownAs(data) === 'inline', cid: data.cid });
          data.release?.();
        });
      } else {
        parsed.text = data.text;
        parsed.html = data.html;
      }
    });
    parser.on('end', () => {
      void Promise.all(pending).then(() => {
        const text = [parsed.text, ...recovered.text].filter((t) => t && t.trim()).join('\n\n');
        if (text || recovered.text.length) parsed.text = text;
        if (recovered.html.length && typeof parsed.html !== 'string') parsed.html = recovered.html.join('\n');
        if (!parsed.text && recovered.html.length) parsed.text = '';
        resolve({ parsed, dateHeader, attachments });
      });
    });
    parser.on('error', reject);
    parser.end(raw);
  });
}

/** How much of what the agent reads looks misread (repair.ts): fewer is the better reading. */
const garbled = (s: Streamed) => [s.parsed.text, s.parsed.subject, ...s.attachments.map((a) => a.name)].filter((t) => typeof t === 'string' && misread(t)).length;

export async function parseMail(raw: Buffer, meta: MailMeta): Promise<MailMessage> {
  try {
    let streamed = await parseStreaming(await readable(raw));
    const misreadings = garbled(streamed);
    if (misreadings > 0) {
      const second = await parseStreaming(await repairParts(repairHeaders(raw)));
      if (garbled(second) < misreadings) streamed = second;
    }
    const { parsed, dateHeader, attachments } = streamed;
    // Where the part was listed from; the renderer fetches it from the message's copy at the time (download.ts).
    const base = `${meta.accountId}:${meta.folder}:${meta.uidValidity}:${meta.uid}`;
    const html = typeof parsed.html === 'string' ? parsed.html : null;
    const listed = attachments.filter((a) => !a.related);
    return toMessage(parsed, dateHeader, meta, {
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments: listed
        .map((a, i) => ({
          id: bounded(`${base}:${i}`),
          name: a.name ?? `attachment-${i + 1}`,
          size: a.size,
          type: a.type,
        })),
      inline: [
        ...attachments.filter((a) => a.related && a.cid).map((a, k) => ({ cid: a.cid!, attachmentId: bounded(`${base}:inline:${k}`), type: a.type, size: a.size })),
        // A listed attachment the HTML shows by its Content-ID (multipart/mixed): shown there too.
        ...listed.flatMap((a, i) => (a.cid && a.cid.length <= MAX_CID && html?.includes(`cid:${a.cid}`) ? [{ cid: a.cid, attachmentId: bounded(`${base}:${i}`), type: a.type, size: a.size, attachment: i }] : [])),
      ],
      broken: false,
      tooLarge: false,
    });
  } catch (error) {
    return parseHeadersOnly(raw, meta, `This message could not be read (${(error as Error).name}); its headers are kept.`, false);
  }
}

/** For messages too large to preview or impossible to parse: headers only, and a note in place of the body. */
export async function parseHeadersOnly(raw: Buffer, meta: MailMeta, note: string, tooLarge: boolean): Promise<MailMessage> {
  const source = repairHeaders(raw);
  const end = source.indexOf('\r\n\r\n');
  const headers = end >= 0 ? source.subarray(0, end + 4) : source;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(Buffer.concat([headers, Buffer.from('\r\n')]));
  } catch {
    parsed = { attachments: [], headers: new Map(), headerLines: [], html: false } as unknown as ParsedMail;
  }
  return toMessage(parsed, rawDate(parsed.headerLines), meta, { text: note, html: null, attachments: [], inline: [], broken: true, tooLarge });
}
