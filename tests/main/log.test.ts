import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { log, logToFile, recentLog } from '../../main/log';
import { createServices } from '../../main/services';
import { tempDir } from '../support/temp';

// The tests run with SWITCHBOARD_LOG=error; these ones look at what lower levels write.
beforeEach(() => log.setLevel('info'));
afterEach(() => log.setLevel('error'));

describe('log file', () => {
  it('rotates at its size limit and keeps three old files', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = tempDir();
    const file = logToFile(dir.path, 300);
    for (let i = 0; i < 40; i++) log.warn(`line ${i} of the rotation test`);
    expect(existsSync(file)).toBe(true);
    expect(['.1', '.2', '.3'].every((n) => existsSync(file + n))).toBe(true);
    expect(existsSync(`${file}.4`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('line 39');
    expect(recentLog(1)[0]).toContain('line 39');
    dir.remove();
  });
});

describe('diagnostics', () => {
  it('say which version, platform and servers, and never a user name, a password or a secret', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = tempDir();
    const accounts = join(dir.path, 'accounts.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(accounts, JSON.stringify({ accounts: [{
      type: 'imap', name: 'Support', email: 'agent@example.test', username: 'agent-login', passwordEnv: 'SB_DIAG_PASSWORD',
      imap: { host: '127.0.0.1', port: 10143, security: 'none' }, smtp: { host: '127.0.0.1', port: 10025, security: 'none' },
    }] }));
    process.env.SB_DIAG_PASSWORD = 'hunter2-secret';
    const services = createServices({ dataDir: dir.path, accountsFile: accounts, mode: 'browser', version: '9.9.9', openExternal: async () => false });
    logToFile(join(dir.path, 'logs'));
    log.info('account agent:1 synced');
    const { text } = await services.handlers.diagnostics({});
    expect(text).toContain('Switchboard 9.9.9 (browser mode)');
    expect(text).toContain('imap 127.0.0.1:10143 (none)');
    expect(text).toContain('account agent:1 synced');
    expect(text).not.toMatch(/hunter2|agent-login|agent@example\.test/);
    await services.close();
    delete process.env.SB_DIAG_PASSWORD;
    dir.remove();
  });
});
