import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';

// Electron cannot run here: the login item and protocol calls are recorded by a mock.
const app = { setLoginItemSettings: vi.fn(), setAsDefaultProtocolClient: vi.fn(), removeAsDefaultProtocolClient: vi.fn(), isDefaultProtocolClient: vi.fn(() => true) };
vi.mock('electron', () => ({ app }));

const dirs: { remove: () => void }[] = [];
const platform = process.platform;
afterEach(() => {
  dirs.splice(0).forEach((d) => d.remove());
  Object.defineProperty(process, 'platform', { value: platform });
  delete process.env.XDG_CONFIG_HOME;
});

describe('desktop settings applied to the OS', () => {
  it('on Linux writes and removes an XDG autostart entry that starts hidden in the tray', async () => {
    const { desktopHooks } = await import('../../../main/shell/desktop');
    const dir = tempDir();
    dirs.push(dir);
    process.env.XDG_CONFIG_HOME = dir.path;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    const hooks = desktopHooks(() => undefined);
    const file = join(dir.path, 'autostart', 'switchboard.desktop');
    hooks.apply({ closeToTray: true, startAtLogin: true, handleMailto: false });
    expect(readFileSync(file, 'utf8')).toMatch(/^Exec=".*" --hidden$/m);
    expect(app.removeAsDefaultProtocolClient).toHaveBeenCalledWith('mailto');
    hooks.apply({ closeToTray: true, startAtLogin: false, handleMailto: true });
    expect(existsSync(file)).toBe(false);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('mailto');
  });

  it('on macOS and Windows uses the OS login items', async () => {
    const { desktopHooks } = await import('../../../main/shell/desktop');
    Object.defineProperty(process, 'platform', { value: 'win32' });
    desktopHooks(() => undefined).apply({ closeToTray: false, startAtLogin: true, handleMailto: false });
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] });
  });

  it('quotes the program path in the autostart entry', async () => {
    const { autostartEntry } = await import('../../../main/shell/desktop');
    expect(autostartEntry('/home/a b/Switch"board.AppImage')).toContain('Exec="/home/a b/Switch\\"board.AppImage" --hidden');
  });
});
