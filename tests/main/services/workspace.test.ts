import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountSettings } from '../../../shared/accounts';
import { memoryVault } from '../../../main/services/vault';
import { readProvisioning, Workspace } from '../../../main/services/workspace';
import { tempDir } from '../../support/temp';

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function provision(accounts: unknown[]): { dataDir: string; file: string } {
  const dir = tempDir('switchboard-ws-');
  dirs.push(dir);
  const file = join(dir.path, 'accounts.json');
  writeFileSync(file, JSON.stringify({ accounts }));
  return { dataDir: dir.path, file };
}

describe('workspace provisioning', () => {
  it('a Request Tracker account from the accounts file: its token by environment variable, never in the file', async () => {
    const { dataDir, file } = provision([{ type: 'rt', name: 'Old RT', url: 'http://127.0.0.1:18080', tokenEnv: 'SB_RT_TOKEN' }]);
    const vault = memoryVault();
    const workspace = new Workspace({ dataDir, vault, accountsFile: file, emit: () => undefined, env: { SB_RT_TOKEN: '1-2-secret' } });
    const accounts = workspace.accounts();
    expect(accounts).toMatchObject([{ id: 'rt:http:-127.0.0.1:18080', type: 'rt', name: 'Old RT', demo: false, capabilities: { flags: false, internalNotes: true } }]); // the demo makes way
    expect(vault.get(accounts[0]!.id)).toBe('1-2-secret');
    expect(workspace.describeAccounts()).toEqual(['rt 127.0.0.1:18080, from the accounts file']);
    expect(workspace.connector(accounts[0]!.id).capabilities).toMatchObject({ internalNotes: true, tags: false });
    await expect(workspace.removeAccount(accounts[0]!.id)).rejects.toMatchObject({ code: 'invalid_request' });
    // Its secret comes from the file's variable: a new one is not taken in Settings.
    await expect(workspace.changeSecret(accounts[0]!.id, 'new')).rejects.toMatchObject({ code: 'invalid_request', message: /administrator/ });
    await expect(workspace.changeSecret('nope', 'new')).rejects.toMatchObject({ code: 'not_found' });
    expect(vault.get(accounts[0]!.id)).toBe('1-2-secret');
    await workspace.close();
  });

  it('a Request Tracker account added in Settings is kept (its token only in the vault) and can be removed', async () => {
    const dir = tempDir('switchboard-ws-');
    dirs.push(dir);
    const vault = memoryVault();
    const events: string[] = [];
    const options = { dataDir: dir.path, vault, emit: (name: string) => void events.push(name) };
    const first = new Workspace(options as never);
    const account = await first.addAccount({ type: 'rt', name: 'Old RT', url: 'http://127.0.0.1:18080' }, '1-2-secret');
    expect(readFileSync(join(dir.path, 'accounts.json'), 'utf8')).not.toContain('1-2-secret');
    const again = new Workspace(options as never);
    expect(again.accounts()).toEqual([account]);
    expect(again.describeAccounts()).toEqual(['rt 127.0.0.1:18080']);
    await expect(again.addAccount({ type: 'rt', name: 'Same', url: 'http://127.0.0.1:18080' }, 'x')).rejects.toThrow(/already added/);
    expect(await again.removeAccount(account.id)).toBe(true);
    expect(vault.get(account.id)).toBeNull();
    expect(new Workspace(options as never).accounts().map((a) => a.demo)).toEqual([true]); // the demo is back
    expect(events).toContain('accountsChanged');
  });

  it('email and helpdesk accounts side by side: each kind described, removed and closed the same way', async () => {
    const { dataDir, file } = provision([
      { type: 'imap', name: 'Support mail', email: 'help@example.test', username: 'help-login', passwordEnv: 'SB_MAIL', imap: { host: '127.0.0.1', port: 1, security: 'none' }, smtp: { host: '127.0.0.1', port: 1, security: 'none' } },
      { type: 'rt', name: 'Old RT', url: 'http://127.0.0.1:18080', tokenEnv: 'SB_RT' },
    ]);
    const vault = memoryVault();
    const workspace = new Workspace({ dataDir, vault, accountsFile: file, emit: () => undefined, env: { SB_MAIL: 'mail-secret', SB_RT: '1-2-rt' } });
    expect(workspace.accounts().map((a) => [a.type, a.name])).toEqual([['imap', 'Support mail'], ['rt', 'Old RT']]);
    const described = workspace.describeAccounts();
    expect(described).toEqual(['imap 127.0.0.1:1 (none), smtp 127.0.0.1:1 (none), from the accounts file', 'rt 127.0.0.1:18080, from the accounts file']);
    expect(described.join()).not.toMatch(/help-login|help@|secret/); // no user name, no secret in diagnostics
    const sales = (name: string) => AccountSettings.parse({ type: 'imap', name, email: 'sales@example.test', username: 'sales', imap: { host: '127.0.0.1', port: 1, security: 'none' }, smtp: { host: '127.0.0.1', port: 1, security: 'none' } });
    const added = await workspace.addAccount(sales('Sales'), 'pw');
    await expect(workspace.addAccount(sales('Again'), 'pw')).rejects.toThrow('sales@example.test on 127.0.0.1 is already added');
    expect(workspace.settingsOf(added.id)).toMatchObject({ type: 'imap', email: 'sales@example.test' });
    await expect(workspace.removeAccount(workspace.accounts()[0]!.id)).rejects.toMatchObject({ code: 'invalid_request' }); // provisioned
    expect(await workspace.removeAccount(added.id)).toBe(true);
    expect(workspace.accounts().map((a) => a.type)).toEqual(['imap', 'rt']);
    await workspace.close();
  });

  it('a Zendesk account from the accounts file: URL, the agent’s address, and the token by variable', async () => {
    const { dataDir, file } = provision([{ type: 'zendesk', name: 'Zendesk', url: 'https://acme.zendesk.com', email: 'agent@acme.com', tokenEnv: 'SB_ZD_TOKEN' }]);
    const vault = memoryVault();
    const workspace = new Workspace({ dataDir, vault, accountsFile: file, emit: () => undefined, env: { SB_ZD_TOKEN: 'zd-secret' } });
    expect(workspace.accounts()).toMatchObject([{ id: 'zendesk:https:-acme.zendesk.com', type: 'zendesk', name: 'Zendesk', demo: false }]);
    expect(workspace.describeAccounts()).toEqual(['zendesk acme.zendesk.com, from the accounts file']);
    expect(workspace.connector('zendesk:https:-acme.zendesk.com').capabilities).toMatchObject({ tags: true, internalNotes: true });
    await workspace.close();
  });

  it('says exactly what is wrong with a file that gives a secret inline', () => {
    const { file } = provision([{ type: 'rt', name: 'Old RT', url: 'http://127.0.0.1:18080', token: 'inline-secret' }]);
    expect(() => readProvisioning(file)).toThrow(/not valid at accounts\.0/);
  });
});
