/**
 * An attachment's content (or an original message), read through the cache: fetched from main the first
 * time, a chunk at a time, and kept by its attachment id so it opens offline afterwards.
 */
import type { Api } from '../../shared/contract';
import type { AttachmentContentRow, SwitchboardDb } from '../db/schema';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `fetchId`: what main fetches it by, when that differs from the id it is cached under (a renumbered email). */
export async function attachmentContent(api: Api, db: SwitchboardDb, accountId: string, attachmentId: string, fetchId = attachmentId): Promise<AttachmentContentRow> {
  const cached = await db.attachmentContent.get(attachmentId);
  if (cached) return cached;
  const content = await api.fetchAttachment({ accountId, attachmentId: fetchId });
  // Read from main a chunk at a time, then main lets go of its copy.
  const parts: Uint8Array<ArrayBuffer>[] = [];
  try {
    for (let offset = 0; offset < content.size; ) {
      const bytes = bytesOf((await api.readFile({ fileId: content.fileId, offset })).chunk);
      if (bytes.length === 0) throw new Error(`${content.name} ended after ${offset} of ${content.size} bytes`);
      parts.push(bytes);
      offset += bytes.length;
    }
  } finally {
    void api.discardFiles({ fileIds: [content.fileId] }).catch(() => undefined);
  }
  const row = { id: attachmentId, accountId, name: content.name, type: content.type, blob: new Blob(parts, { type: content.type }) };
  await db.attachmentContent.put(row);
  return row;
}
