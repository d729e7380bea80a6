/**
 * Attachments on demand. A pulled message lists its attachments as `account:folder:uidValidity:uid:i`
 * (the i-th non-inline attachment, in the order the parser meets them); `…:inline:k` the k-th
 * inline part the HTML shows by `cid:`; `…:raw` is the whole message.
 */
import { simpleParser } from 'mailparser';
import type { AttachmentContent } from '../../../shared/connector';
import { AppError } from '../../../shared/contract/errors';
import { shownAs } from './parse';
import { misread, readable, repairHeaders, repairParts } from './repair';

export interface AttachmentRef {
  folder: string;
  uidValidity: number;
  uid: number;
  index: number | 'raw' | { inline: number };
}

export function parseAttachmentId(id: string, accountId: string): AttachmentRef {
  const prefix = `${accountId}:`;
  const match = id.startsWith(prefix) ? /^(.+):(\d+):(\d+):(\d+|raw|inline:\d+)$/.exec(id.slice(prefix.length)) : null;
  if (!match) throw new AppError('invalid_request', 'attachmentId: not an attachment of this account');
  const [, folder, uidValidity, uid, index] = match;
  const part = index === 'raw' ? 'raw' : index!.startsWith('inline:') ? { inline: Number(index!.slice('inline:'.length)) } : Number(index);
  return { folder: folder!, uidValidity: Number(uidValidity), uid: Number(uid), index: part };
}

export async function attachmentFrom(source: Buffer, index: number | { inline: number }): Promise<AttachmentContent> {
  const pick = async (raw: Buffer) => {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const kind = (a: (typeof parsed.attachments)[number]) => shownAs({ ...a, filename: a.filename ?? undefined });
    return typeof index === 'number' ? parsed.attachments.filter((a) => kind(a) === 'attachment')[index] : parsed.attachments.filter((a) => kind(a) === 'inline')[index.inline];
  };
  let attachment = await pick(await readable(source));
  // A name mailparser misread (raw 8-bit bytes in the part's header): read with the parts repaired, as the pull did.
  if (attachment && misread(attachment.filename)) attachment = (await pick(await repairParts(repairHeaders(source)))) ?? attachment;
  if (!attachment) throw new AppError('not_found', 'That attachment is not in the message any more');
  const fallback = typeof index === 'number' ? `attachment-${index + 1}` : 'inline';
  return { name: attachment.filename ?? fallback, type: attachment.contentType, data: attachment.content };
}
