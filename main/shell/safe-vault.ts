/** The Electron vault: secrets encrypted with the OS keychain through safeStorage, in `secrets.json`. */
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { z } from 'zod';
import { memoryVault, type Vault } from '../services/vault';
import { readJson, writeJsonAtomic } from '../services/files';
import { log } from '../log';

export function safeVault(dataDir: string): Vault {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('the OS offers no encryption for secrets; passwords are kept in memory until Switchboard quits');
    return memoryVault();
  }
  const file = join(dataDir, 'secrets.json');
  const stored = readJson(file, z.record(z.string(), z.string())) ?? {};
  const save = () => writeJsonAtomic(file, stored);
  return {
    persistence: 'encrypted-file',
    get: (id) => (stored[id] ? safeStorage.decryptString(Buffer.from(stored[id], 'base64')) : null),
    set: (id, secret) => {
      stored[id] = safeStorage.encryptString(secret).toString('base64');
      save();
    },
    delete: (id) => {
      delete stored[id];
      save();
    },
  };
}
