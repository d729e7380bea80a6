/**
 * Browser mode's passwords in the OS keychain: a real Secret Service (GNOME Keyring on a private D-Bus
 * session, tests/support/keyring.ts) — kept across restarts, apart per workspace, removed on delete; and
 * memory only where there is no keychain.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keychainVault } from '../../../main/host/keychain-vault';
import { keyringMissing, startKeyring, type Keyring } from '../../support/keyring';

vi.mock('../../../main/log', () => ({ log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), note: vi.fn() } }));

const missing = keyringMissing();
if (missing) console.log(`skipped: the keychain vault tests need a Secret Service: ${missing}`);

describe.skipIf(missing !== null)('with a Secret Service', () => {
  let keyring: Keyring;
  beforeAll(() => {
    keyring = startKeyring();
  });
  afterAll(() => keyring?.stop());

  it('keeps a password across restarts of browser mode, apart per workspace, and removes it with the account', () => {
    const first = keychainVault({ workspace: '/data/one', platform: 'linux', env: keyring.env })!;
    expect(first.persistence).toBe('os-keychain');
    expect(first.get('imap:agent')).toBeNull();
    first.set('imap:agent', 'correct horse');
    first.set('rt:old', 'token-1');

    const restarted = keychainVault({ workspace: '/data/one', platform: 'linux', env: keyring.env })!;
    expect(restarted.get('imap:agent')).toBe('correct horse');
    expect(keychainVault({ workspace: '/data/two', platform: 'linux', env: keyring.env })!.get('imap:agent')).toBeNull();

    restarted.set('imap:agent', 'battery staple'); // a changed password replaces the old one
    restarted.delete('rt:old');
    const again = keychainVault({ workspace: '/data/one', platform: 'linux', env: keyring.env })!;
    expect(again.get('imap:agent')).toBe('battery staple');
    expect(again.get('rt:old')).toBeNull();
  });
});

describe('without a keychain', () => {
  it('there is no keychain vault (passwords stay in memory): no D-Bus session, or not Linux', () => {
    expect(keychainVault({ workspace: '/data/one', platform: 'linux', env: { PATH: process.env.PATH, HOME: '/nonexistent' } })).toBeNull();
    expect(keychainVault({ workspace: '/data/one', platform: 'darwin' })).toBeNull();
  });
});
