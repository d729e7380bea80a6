/**
 * An email's embedded images (`cid:` links to parts of the same message), as data URLs for the sanitized
 * HTML. They come with the message, so unlike remote images they tell the sender nothing and show at
 * once; their content is fetched through main the first time and cached with the attachments.
 */
import type { InlinePart, MailLocation } from '../../../shared/domain';
import { api } from '../../api';
import { db } from '../../db/schema';
import { attachmentContent } from '../../sync/attachments';
import { emailPartId } from './download';

/** Image types a data URL may carry into the message frame (sanitize.ts allows the same). */
export const INLINE_IMAGE = /^image\/(png|gif|jpe?g|webp)$/i;
/** Larger parts are left as attachments to download. */
export const MAX_INLINE_BYTES = 5 * 1024 * 1024;

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

/**
 * By Content-ID; a part that cannot be had now (offline before it was ever fetched, gone) is left out.
 * `where`: the message's server copy now, which the parts are fetched from.
 */
export async function inlineImages(accountId: string, parts: readonly InlinePart[], where?: Pick<MailLocation, 'folder' | 'uidValidity' | 'uid'>): Promise<Record<string, string>> {
  // The k-th of the message's own inline parts, or the listed attachment it also is.
  let k = 0;
  const numbered = parts.map((part) => ({ part, at: part.attachment ?? { inline: k++ } }));
  const wanted = numbered.filter(({ part }) => INLINE_IMAGE.test(part.type) && part.size <= MAX_INLINE_BYTES);
  const found = await Promise.all(
    wanted.map(async ({ part, at }) => {
      try {
        const row = await attachmentContent(api(), db, accountId, part.attachmentId, where ? emailPartId(accountId, where, at) : part.attachmentId);
        return INLINE_IMAGE.test(row.type) ? ([part.cid, await dataUrl(row.blob)] as const) : null;
      } catch {
        return null;
      }
    }),
  );
  return Object.fromEntries(found.filter((entry) => entry !== null));
}
