import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import { attachmentContent } from '../../../renderer/sync/attachments';
import { freshDb } from '../fixtures';

/** Main holding one staged file of `bytes`, served `chunk` bytes at a time (short of the size if `cut`). */
function mainWith(bytes: Uint8Array, chunk: number, cut = false) {
  const calls = { fetched: 0, read: 0, discarded: [] as string[] };
  const served = cut ? bytes.subarray(0, bytes.length - 10) : bytes;
  const api = {
    fetchAttachment: async () => {
      calls.fetched++;
      return { fileId: 'f1', name: 'счёт.pdf', type: 'application/pdf', size: bytes.length };
    },
    readFile: async ({ offset }: { offset: number }) => {
      calls.read++;
      let binary = '';
      for (const b of served.subarray(offset, offset + chunk)) binary += String.fromCharCode(b);
      return { chunk: btoa(binary) };
    },
    discardFiles: async ({ fileIds }: { fileIds: string[] }) => {
      calls.discarded.push(...fileIds);
      return {};
    },
  } as unknown as Api;
  return { api, calls };
}

describe('an attachment read through the cache (real IndexedDB)', () => {
  it('is fetched a chunk at a time the first time, byte for byte, then opens from the cache without main', async () => {
    const db = await freshDb();
    const bytes = new Uint8Array(70_001).map((_, i) => (i * 7) % 256);
    const online = mainWith(bytes, 32_768);
    const row = await attachmentContent(online.api, db, 'acc', 'acc:att-1');
    expect(online.calls).toMatchObject({ fetched: 1, read: 3, discarded: ['f1'] });
    expect(new Uint8Array(await row.blob.arrayBuffer())).toEqual(bytes);
    expect(row).toMatchObject({ name: 'счёт.pdf', type: 'application/pdf' });

    const offline = mainWith(new Uint8Array(0), 1);
    const again = await attachmentContent(offline.api, db, 'acc', 'acc:att-1');
    expect(offline.calls.fetched).toBe(0);
    expect(new Uint8Array(await again.blob.arrayBuffer())).toEqual(bytes);
  });

  it('a content that ends early is an error naming the file, and nothing half is cached', async () => {
    const db = await freshDb();
    const { api, calls } = mainWith(new Uint8Array(5_000).fill(1), 4_096, true);
    await expect(attachmentContent(api, db, 'acc', 'acc:att-2')).rejects.toThrow(/счёт\.pdf ended after 4990 of 5000 bytes/);
    expect(calls.discarded).toEqual(['f1']);
    expect(await db.attachmentContent.count()).toBe(0);
  });
});
