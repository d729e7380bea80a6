/**
 * The email cursor: per folder, UIDVALIDITY, the highest UID seen, HIGHESTMODSEQ, and how far the
 * newest-first initial sync has reached downwards. Opaque to the cache, which stores it with the
 * messages it covers.
 */
import { z } from 'zod';

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

export const EmailCursor = z.object({ v: z.literal(1), folders: z.record(z.string(), FolderState) });
export type EmailCursor = z.infer<typeof EmailCursor>;

/**
 * The cursor as stored. A cursor this code cannot read (written by a fault, an older version, or a server
 * answer it did not expect) is rebuilt rather than refused: each folder it cannot read starts again, which
 * delivers that folder's mail again (the cache keeps one copy of each), and the others go on where they were.
 */
export function decodeCursor(cursor: string | null): EmailCursor {
  if (cursor === null) return { v: 1, folders: {} };
  let folders: Record<string, unknown> = {};
  try {
    const value = JSON.parse(cursor) as { v?: unknown; folders?: unknown };
    if (value?.v === 1 && value.folders && typeof value.folders === 'object') folders = value.folders as Record<string, unknown>;
  } catch {
    // unreadable as a whole: every folder starts again
  }
  const readable: EmailCursor['folders'] = {};
  for (const [folder, state] of Object.entries(folders)) {
    const parsed = FolderState.safeParse(state);
    if (parsed.success) readable[folder] = parsed.data;
  }
  return { v: 1, folders: readable };
}

export const encodeCursor = (cursor: EmailCursor): string => JSON.stringify(cursor);
