/** Opens an attachment (or an original message): from the cache when it was fetched before, else from main. */
import type { MailLocation } from '../../../shared/domain';
import { withoutBidi } from '../../../shared/display-names';
import { api } from '../../api';
import { db, type AttachmentContentRow } from '../../db/schema';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Which part of an email: the n-th attachment, the k-th embedded part, or the whole original. */
export type EmailPart = number | { inline: number } | 'raw';

/**
 * What main fetches an email part by: the message's copy on the server as the cache knows it now (a folder
 * the server renumbered moves it; the id the part was listed under still names the old copy), and the part.
 */
export function emailPartId(accountId: string, where: Pick<MailLocation, 'folder' | 'uidValidity' | 'uid'>, part: EmailPart): string {
  const suffix = part === 'raw' ? 'raw' : typeof part === 'number' ? String(part) : `inline:${part.inline}`;
  return `${accountId}:${where.folder}:${where.uidValidity}:${where.uid}:${suffix}`;
}

/** An attachment's content: cached (by `attachmentId`) after the first time, so it opens offline afterwards. */
export async function attachmentContent(accountId: string, attachmentId: string, fetchId = attachmentId): Promise<AttachmentContentRow> {
  let row = await db.attachmentContent.get(attachmentId);
  if (!row) {
    const content = await api().fetchAttachment({ accountId, attachmentId: fetchId });
    // Read from main a chunk at a time, then main lets go of its copy.
    const parts: Uint8Array<ArrayBuffer>[] = [];
    try {
      for (let offset = 0; offset < content.size; ) {
        const bytes = bytesOf((await api().readFile({ fileId: content.fileId, offset })).chunk);
        if (bytes.length === 0) throw new Error(`${content.name} ended after ${offset} of ${content.size} bytes`);
        parts.push(bytes);
        offset += bytes.length;
      }
    } finally {
      void api().discardFiles({ fileIds: [content.fileId] }).catch(() => undefined);
    }
    row = { id: attachmentId, accountId, name: content.name, type: content.type, blob: new Blob(parts, { type: content.type }) };
    await db.attachmentContent.put(row);
  }
  return row;
}

export async function downloadAttachment(accountId: string, attachmentId: string, fetchId = attachmentId): Promise<void> {
  const row = await attachmentContent(accountId, attachmentId, fetchId);
  const url = URL.createObjectURL(row.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = withoutBidi(row.name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
