import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Emit } from '../../../shared/contract';
import { ShellControl, type DesktopHooks } from '../../../main/services/shell-control';
import { tempDir } from '../../support/temp';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function setUp(desktop = true) {
  const dir = tempDir();
  dirs.push(dir);
  const emitted: [string, unknown][] = [];
  const emit: Emit = (event, payload) => emitted.push([event, payload]);
  const hooks: DesktopHooks = { apply: vi.fn(), installUpdate: vi.fn() };
  const shell = new ShellControl(dir.path, emit, desktop ? hooks : null);
  return { dir, emitted, hooks, shell };
}

describe('ShellControl', () => {
  it('pauses and resumes sync for every window, and tells the tray', () => {
    const { shell, emitted } = setUp();
    const tray = vi.fn();
    shell.onChange(tray);
    shell.setSyncPaused(true);
    expect(shell.state().syncPaused).toBe(true);
    expect(emitted.at(-1)).toEqual(['shellChanged', expect.objectContaining({ syncPaused: true })]);
    expect(tray).toHaveBeenLastCalledWith(expect.objectContaining({ syncPaused: true }));
    shell.setSyncPaused(false);
    expect(emitted.at(-1)).toEqual(['shellChanged', expect.objectContaining({ syncPaused: false })]);
  });

  it('keeps desktop settings across restarts and applies them to the OS', () => {
    const { shell, dir, hooks } = setUp();
    expect(shell.state().desktop).toEqual({ closeToTray: false, startAtLogin: false, handleMailto: false });
    shell.setDesktopSettings({ closeToTray: true, startAtLogin: true });
    expect(hooks.apply).toHaveBeenLastCalledWith({ closeToTray: true, startAtLogin: true, handleMailto: false });
    expect(JSON.parse(readFileSync(join(dir.path, 'desktop-settings.json'), 'utf8'))).toMatchObject({ closeToTray: true });
    const again = new ShellControl(dir.path, () => undefined, { apply: vi.fn(), installUpdate: vi.fn() });
    expect(again.closeToTray).toBe(true);
    expect(again.state().desktop?.startAtLogin).toBe(true);
  });

  it('says desktop settings are not for browser mode', () => {
    const { shell } = setUp(false);
    expect(shell.state().desktop).toBeNull();
    expect(() => shell.setDesktopSettings({ closeToTray: true })).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });

  it('restarts to update at once when nothing is being sent', () => {
    const { shell, hooks } = setUp();
    shell.setUpdate({ state: 'ready', version: '1.2.0' });
    shell.requestInstall();
    expect(hooks.installUpdate).toHaveBeenCalledTimes(1);
  });

  it('never restarts while the outbox is sending: it waits, then installs once idle', () => {
    const { shell, hooks, emitted } = setUp();
    shell.setUpdate({ state: 'ready', version: '1.2.0' });
    shell.setOutboxBusy(true);
    expect(shell.requestInstall().update).toEqual({ state: 'waiting', version: '1.2.0' });
    expect(emitted.at(-1)?.[1]).toMatchObject({ update: { state: 'waiting' } });
    // The updater announcing the same download again does not cancel the request.
    shell.setUpdate({ state: 'ready', version: '1.2.0' });
    shell.setOutboxBusy(true);
    expect(hooks.installUpdate).not.toHaveBeenCalled();
    shell.setOutboxBusy(false);
    expect(hooks.installUpdate).toHaveBeenCalledTimes(1);
  });

  it('refuses to install when no update is ready', () => {
    const { shell, hooks } = setUp();
    expect(() => shell.requestInstall()).toThrow(/No update is ready/);
    shell.setUpdate({ state: 'failed', message: 'x' });
    expect(() => shell.requestInstall()).toThrow(/No update is ready/);
    expect(hooks.installUpdate).not.toHaveBeenCalled();
  });
});
