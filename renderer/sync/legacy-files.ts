/**
 * Replies queued by versions before files were staged carry their files base64 inside the change — the
 * frames that once crashed the host. Before such a reply is sent, its files are staged in main a chunk at
 * a time and the row rewritten to name them, once; then it goes like any other reply.
 */
import type { Api } from '../../shared/contract';
import { type AttachedFile } from '../../shared/mutation';
import { FILE_CHUNK_BYTES } from '../../shared/limits';
import type { OutboxRow, SwitchboardDb } from '../db/schema';

interface LegacyFile {
  name: string;
  type: string;
  base64: string;
}

const isLegacy = (file: unknown): file is LegacyFile => typeof (file as LegacyFile).base64 === 'string';

export const hasLegacyFiles = (row: OutboxRow) => row.mutation.op.type === 'reply' && (row.mutation.op.attachments ?? []).some(isLegacy);

/** Whole base64 quanta, at most FILE_CHUNK_BYTES decoded. */
const CHUNK_CHARS = Math.floor(FILE_CHUNK_BYTES / 3) * 4;

export async function stageLegacyFiles(api: Api, db: SwitchboardDb, row: OutboxRow): Promise<OutboxRow> {
  const { op } = row.mutation;
  if (op.type !== 'reply') return row;
  const files: AttachedFile[] = [];
  for (const file of (op.attachments ?? []) as unknown[]) {
    if (!isLegacy(file)) {
      files.push(file as AttachedFile);
      continue;
    }
    const base64 = file.base64.replace(/\s+/g, '');
    const size = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
    const fileId = crypto.randomUUID();
    let offset = 0;
    let at = 0;
    do {
      ({ received: offset } = await api.stageFile({ fileId, size, offset, chunk: base64.slice(at, at + CHUNK_CHARS) }));
      at += CHUNK_CHARS;
    } while (at < base64.length);
    files.push({ fileId, name: file.name, type: file.type, size });
  }
  const mutation = { ...row.mutation, op: { ...op, attachments: files } };
  await db.outbox.update(row.seq!, { mutation });
  return { ...row, mutation };
}
