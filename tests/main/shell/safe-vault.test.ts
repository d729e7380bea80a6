import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';

let available = true;
// safeStorage stand-in: a reversible transformation, so the test can see nothing is stored in clear.
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
  },
}));

describe('the Electron vault', () => {
  it('keeps secrets encrypted on disk and reads them back after a restart', async () => {
    const { safeVault } = await import('../../../main/shell/safe-vault');
    const dir = tempDir();
    const vault = safeVault(dir.path);
    expect(vault.persistence).toBe('encrypted-file');
    vault.set('imap:agent', 'hunter2-password');
    expect(readFileSync(join(dir.path, 'secrets.json'), 'utf8')).not.toContain('hunter2');
    expect(safeVault(dir.path).get('imap:agent')).toBe('hunter2-password');
    vault.delete('imap:agent');
    expect(safeVault(dir.path).get('imap:agent')).toBeNull();
    dir.remove();
  });

  it('falls back to memory, and says so, where the OS offers no encryption', async () => {
    available = false;
    const { safeVault } = await import('../../../main/shell/safe-vault');
    const dir = tempDir();
    const vault = safeVault(dir.path);
    expect(vault.persistence).toBe('memory');
    vault.set('a', 'secret');
    expect(() => readFileSync(join(dir.path, 'secrets.json'))).toThrow();
    dir.remove();
  });
});
