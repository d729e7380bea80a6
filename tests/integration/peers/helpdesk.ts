/** What the helpdesk connector tests share: pulling to the end, and mutations as the outbox sends them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector, LocalFile } from '../../../shared/connector';
import type { Mutation } from '../../../shared/mutation';
import type { Change, PullResult } from '../../../shared/sync';

/** Pulls until done (at most `maxPages`); every change, the cursor to continue from, and the page count. */
export async function pullAll(connector: Connector, from: string | null, maxPages = 50): Promise<{ changes: Change[]; cursor: string; pages: number }> {
  const changes: Change[] = [];
  let cursor = from;
  for (let pages = 1; pages <= maxPages; pages++) {
    const page: PullResult = await connector.pull(cursor);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (page.done) return { changes, cursor, pages };
  }
  throw new Error(`the pull did not finish in ${maxPages} pages`);
}

export const ticketsIn = (changes: Change[]) => changes.flatMap((c) => (c.kind === 'ticket' ? [c.ticket] : []));
export const messagesIn = (changes: Change[]) => changes.flatMap((c) => (c.kind === 'message' ? [c.message] : []));

/** A mutation of ticket `remoteId` of account `accountId`, as the outbox would push it. */
export function mutationFor(accountId: string, createdAt = Date.now()) {
  return (remoteId: string, op: Mutation['op'], baseVersion: string | null): Mutation => ({
    id: `m-${Math.random().toString(36).slice(2, 10)}`, accountId, ticketId: `${accountId}:${remoteId}`, remoteId, baseVersion, createdAt, op,
  });
}

/** A file staged for a reply (as main/services/staged-files.ts keeps it), and how the change names it. */
export function stagedFile(name: string, type: string, bytes: Buffer): { file: LocalFile; op: { fileId: string; name: string; type: string; size: number } } {
  const path = join(mkdtempSync(join(tmpdir(), 'sb-staged-')), 'file');
  writeFileSync(path, bytes);
  return { file: { name, type, size: bytes.length, path }, op: { fileId: `staged-${bytes.length}`, name, type, size: bytes.length } };
}
