import { existsSync, utimesSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StagedFiles } from '../../../main/services/staged-files';
import { tempDir } from '../../support/temp';

const dir = tempDir();
afterAll(() => dir.remove());
const staged = new StagedFiles(join(dir.path, 'staged-files'));
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('staged files', () => {
  it('takes a file a chunk at a time and hands its path to the reply', async () => {
    expect(await staged.put({ fileId: 'file-0001', size: 6, offset: 0, chunk: b64('abc') })).toEqual({ received: 3, complete: false });
    expect(staged.resolve([{ fileId: 'file-0001', name: 'a.txt', type: 'text/plain', size: 6 }])).toHaveProperty('missing'); // not complete yet
    expect(await staged.put({ fileId: 'file-0001', size: 6, offset: 3, chunk: b64('def') })).toEqual({ received: 6, complete: true });
    const resolved = staged.resolve([{ fileId: 'file-0001', name: 'a.txt', type: 'text/plain', size: 6 }]);
    expect(resolved).toMatchObject({ files: [{ name: 'a.txt', size: 6 }] });
    if ('files' in resolved) expect(readFileSync(resolved.files[0]!.path, 'utf8')).toBe('abcdef');
  });

  it('refuses a chunk out of order, past the size, or not base64; offset 0 starts again', async () => {
    await staged.put({ fileId: 'file-0002', size: 4, offset: 0, chunk: b64('ab') });
    await expect(staged.put({ fileId: 'file-0002', size: 4, offset: 3, chunk: b64('c') })).rejects.toThrow(/2 bytes staged/);
    await expect(staged.put({ fileId: 'file-0002', size: 4, offset: 2, chunk: b64('cde') })).rejects.toThrow(/more bytes/);
    await expect(staged.put({ fileId: 'file-0002', size: 4, offset: 2, chunk: 'not base64!' })).rejects.toThrow(/base64/);
    expect(await staged.put({ fileId: 'file-0002', size: 4, offset: 0, chunk: b64('wxyz') })).toEqual({ received: 4, complete: true });
  });

  it('says which file is missing, and lets go of discarded and month-old files', async () => {
    expect(staged.resolve([{ fileId: 'never-staged', name: 'invoice.pdf', type: 'application/pdf', size: 3 * 1024 * 1024 }])).toEqual({
      missing: 'The file "invoice.pdf" (3.0 MB) attached to this reply is no longer on this computer; attach it again and resend.',
    });
    await staged.put({ fileId: 'file-0003', size: 0, offset: 0, chunk: '' });
    staged.discard(['file-0003']);
    expect(existsSync(join(dir.path, 'staged-files', 'file-0003'))).toBe(false);
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    utimesSync(join(dir.path, 'staged-files', 'file-0001'), old, old);
    staged.sweep();
    expect(existsSync(join(dir.path, 'staged-files', 'file-0001'))).toBe(false);
    expect(existsSync(join(dir.path, 'staged-files', 'file-0002'))).toBe(true);
  });

  it('keeps fetched content for the page and hands it back a chunk at a time', async () => {
    const data = Buffer.from(Array.from({ length: 1_200_000 }, (_, i) => (i * 7) % 256));
    const fileId = await staged.keep(data);
    const parts: Buffer[] = [];
    for (let offset = 0; ; ) {
      const chunk = await staged.read(fileId, offset);
      if (chunk.length === 0) break;
      expect(chunk.length).toBeLessThanOrEqual(512 * 1024);
      parts.push(chunk);
      offset += chunk.length;
    }
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    staged.discard([fileId]);
    await expect(staged.read(fileId, 0)).rejects.toMatchObject({ code: 'not_found' });
  });
});

