import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseOptions } from '../../main/args';

describe('command-line options', () => {
  it('reads --port, --no-open and --data-dir, and reports the unknown ones', () => {
    expect(parseOptions(['--port', '8123', '--no-open', '--data-dir', '/tmp/sb', '--frobnicate'])).toEqual({
      port: 8123, open: false, dataDir: '/tmp/sb', accountsFile: null, hidden: false, newToken: false, unknown: ['--frobnicate'],
    });
  });
  it('defaults: a free port, open the browser, the per-user data folder', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({ port: null, open: true, accountsFile: null, unknown: [] });
    expect(parseOptions(['--accounts', 'team.json']).accountsFile).toBe('team.json');
    expect(parseOptions(['--hidden']).hidden).toBe(true); // started at login: wait in the tray
    expect(options.dataDir).toMatch(/Switchboard$/);
  });
  it('refuses a port that is not a port, saying what is wrong', () => {
    expect(() => parseOptions(['--port', 'eighty'])).toThrow(/--port must be a number/);
    expect(() => parseOptions(['--port', '70000'])).toThrow(/--port/);
  });
  it('keeps data where Electron keeps userData on each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/Switchboard');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/Switchboard');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Switchboard');
    expect(defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a')).toMatch(/Roaming[\\/]Switchboard$/);
  });
});
