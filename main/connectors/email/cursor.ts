/**
 * The email cursor: per folder, UIDVALIDITY, the highest UID seen, HIGHESTMODSEQ, and how far the
 * newest-first initial sync has reached downwards. Opaque to the cache, which stores it with the
 * messages it covers.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';

export const FolderState = z.object({
  uidValidity: z.number().int().nonnegative(),
  /** Highest UID delivered so far (new mail is above it). */
  lastUid: z.number().int().nonnegative(),
  /** HIGHESTMODSEQ as a decimal string (it can exceed 2^53). */
  modseq: z.string().regex(/^\d+$/).nullable(),
  /** The initial sync has delivered every UID at or above this one; 1 when it is complete. */
  backfillBelow: z.number().int().nonnegative(),
});
export type FolderState = z.infer<typeof FolderState>;

const EmailCursor = z.object({ v: z.literal(1), folders: z.record(z.string(), FolderState) });
export type EmailCursor = z.infer<typeof EmailCursor>;

export function decodeCursor(cursor: string | null): EmailCursor {
  if (cursor === null) return { v: 1, folders: {} };
  try {
    return EmailCursor.parse(JSON.parse(cursor));
  } catch {
    throw new AppError('invalid_request', 'cursor: not a cursor of an email account');
  }
}

export const encodeCursor = (cursor: EmailCursor): string => JSON.stringify(cursor);
