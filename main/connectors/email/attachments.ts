/**
 * Attachments on demand. A pulled message lists its attachments as `account:folder:uidValidity:uid:i`
 * (the i-th non-inline attachment, in the order the parser meets them); `…:raw` is the whole message.
 */
import { simpleParser } from 'mailparser';
import type { AttachmentContent } from '../../../shared/connector';
import { AppError } from '../../../shared/contract/errors';

export interface AttachmentRef {
  folder: string;
  uidValidity: number;
  uid: number;
  index: number | 'raw';
}

export function parseAttachmentId(id: string, accountId: string): AttachmentRef {
  const prefix = `${accountId}:`;
  const match = id.startsWith(prefix) ? /^(.+):(\d+):(\d+):(\d+|raw)$/.exec(id.slice(prefix.length)) : null;
  if (!match) throw new AppError('invalid_request', 'attachmentId: not an attachment of this account');
  const [, folder, uidValidity, uid, index] = match;
  return { folder: folder!, uidValidity: Number(uidValidity), uid: Number(uid), index: index === 'raw' ? 'raw' : Number(index) };
}

export async function attachmentFrom(source: Buffer, index: number): Promise<AttachmentContent> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const attachment = parsed.attachments.filter((a) => !a.related)[index];
  if (!attachment) throw new AppError('not_found', 'That attachment is not in the message any more');
  return { name: attachment.filename ?? `attachment-${index + 1}`, type: attachment.contentType, data: attachment.content };
}
