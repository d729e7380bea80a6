/** Opens an attachment (or an original message): from the cache when it was fetched before, else from main. */
import { api } from '../../api';
import { db, type AttachmentContentRow } from '../../db/schema';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An attachment's content: cached after the first time, so it opens offline afterwards. */
export async function attachmentContent(accountId: string, attachmentId: string): Promise<AttachmentContentRow> {
  let row = await db.attachmentContent.get(attachmentId);
  if (!row) {
    const content = await api().fetchAttachment({ accountId, attachmentId });
    row = { id: attachmentId, accountId, name: content.name, type: content.type, blob: new Blob([bytesOf(content.base64)], { type: content.type }) };
    await db.attachmentContent.put(row);
  }
  return row;
}

export async function downloadAttachment(accountId: string, attachmentId: string): Promise<void> {
  const row = await attachmentContent(accountId, attachmentId);
  const url = URL.createObjectURL(row.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = row.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
