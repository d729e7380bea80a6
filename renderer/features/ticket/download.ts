/** Opens an attachment (or an original message): from the cache when it was fetched before, else from main (sync/attachments.ts). */
import type { MailLocation } from '../../../shared/domain';
import { withoutBidi } from '../../../shared/display-names';
import { api } from '../../api';
import { db } from '../../db/schema';
import { attachmentContent } from '../../sync/attachments';

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

export async function downloadAttachment(accountId: string, attachmentId: string, fetchId = attachmentId): Promise<void> {
  const row = await attachmentContent(api(), db, accountId, attachmentId, fetchId);
  const url = URL.createObjectURL(row.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = withoutBidi(row.name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
