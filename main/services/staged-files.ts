/**
 * Files an agent attached to a reply, staged in the data folder a chunk at a time before the reply is
 * queued: no contract frame or IPC message ever carries a whole file, and a reply waiting in the outbox
 * (offline, or across restarts) still finds its files here. The renderer discards them once the reply
 * is sent or undone; what nothing discarded goes after a month.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { open, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/contract';
import type { LocalFile } from '../../shared/connector';
import { type AttachedFile } from '../../shared/mutation';
import { FILE_CHUNK_BYTES } from '../../shared/limits';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_AGE_MS = 30 * 24 * 60 * 60_000;

export interface Chunk {
  fileId: string;
  size: number;
  offset: number;
  chunk: string;
}

export class StagedFiles {
  /** One chunk of a file at a time: a second call for the same file waits for the first. */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Where a file is (`fileId` is validated by the contract: letters, digits and dashes only). */
  private path(fileId: string, part = false): string {
    return join(this.dir, part ? `${fileId}.part` : fileId);
  }

  put(chunk: Chunk): Promise<{ received: number; complete: boolean }> {
    const before = this.writing.get(chunk.fileId) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => this.write(chunk));
    this.writing.set(chunk.fileId, next);
    void next.finally(() => this.writing.get(chunk.fileId) === next && this.writing.delete(chunk.fileId)).catch(() => undefined);
    return next;
  }

  private async write({ fileId, size, offset, chunk }: Chunk): Promise<{ received: number; complete: boolean }> {
    if (!BASE64.test(chunk) || chunk.length % 4 !== 0) throw new AppError('invalid_request', 'chunk: not base64');
    const bytes = Buffer.from(chunk, 'base64');
    const part = this.path(fileId, true);
    const had = offset === 0 ? 0 : await stat(part).then((s) => s.size, () => -1);
    if (had !== offset) throw new AppError('invalid_request', `offset: this file has ${Math.max(had, 0)} bytes staged; start again from 0`);
    if (offset + bytes.length > size) throw new AppError('invalid_request', `chunk: more bytes than the file's ${size}`);
    const handle = await open(part, offset === 0 ? 'w' : 'a', 0o600);
    try {
      await handle.write(bytes);
    } finally {
      await handle.close();
    }
    const received = offset + bytes.length;
    if (received < size) return { received, complete: false };
    await rename(part, this.path(fileId));
    return { received, complete: true };
  }

  /**
   * The reply's files on disk, in order; or which is missing (the data folder was cleared, or it was
   * never staged), so the reply fails saying so instead of going out without it.
   */
  resolve(files: readonly AttachedFile[]): { files: LocalFile[] } | { missing: string } {
    const out: LocalFile[] = [];
    for (const f of files) {
      const path = this.path(f.fileId);
      const size = statSync(path, { throwIfNoEntry: false })?.size ?? -1;
      if (size !== f.size) return { missing: `The file "${f.name}" (${(f.size / 1024 / 1024).toFixed(1)} MB) attached to this reply is no longer on this computer; attach it again and resend.` };
      out.push({ name: f.name, type: f.type, size, path });
    }
    return { files: out };
  }

  /** Content fetched for the page (an attachment to open), kept until the page has read it. */
  async keep(data: Uint8Array): Promise<string> {
    const fileId = `dl-${randomUUID()}`;
    await writeFile(this.path(fileId), data, { mode: 0o600 });
    return fileId;
  }

  /** Up to one chunk of a staged file from `offset` (empty at its end). */
  async read(fileId: string, offset: number): Promise<Buffer> {
    const handle = await open(this.path(fileId), 'r').catch(() => {
      throw new AppError('not_found', 'That file is no longer staged; open the attachment again.');
    });
    try {
      const buffer = Buffer.alloc(FILE_CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, FILE_CHUNK_BYTES, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  discard(fileIds: readonly string[]): void {
    for (const id of fileIds) for (const part of [false, true]) rmSync(this.path(id, part), { force: true });
  }

  /** Removes what nothing discarded within a month (drafts abandoned, a data folder restored from a copy). */
  sweep(now = Date.now()): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
      } catch {
        // gone meanwhile
      }
    }
  }
}
