/**
 * Where account secrets live in main. Never sent to the renderer, never logged, never written in plain
 * text. Electron keeps them encrypted with safeStorage (main/shell/safe-vault.ts); browser mode in the OS
 * keychain where it can reach one (main/host/keychain-vault.ts), else in memory while the host runs.
 */
export interface Vault {
  get(accountId: string): string | null;
  set(accountId: string, secret: string): void;
  delete(accountId: string): void;
  /** Where the secrets persist, for the Settings screen. */
  readonly persistence: 'encrypted-file' | 'os-keychain' | 'memory';
}

export function memoryVault(): Vault {
  const secrets = new Map<string, string>();
  return {
    persistence: 'memory',
    get: (id) => secrets.get(id) ?? null,
    set: (id, secret) => void secrets.set(id, secret),
    delete: (id) => void secrets.delete(id),
  };
}
