import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShellControl } from '../../../main/services/shell-control';
import { DAY_MS, updateFailure, wireUpdater, type UpdaterLike } from '../../../main/shell/updater';
import { tempDir } from '../../support/temp';

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  quitAndInstall = vi.fn();
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    return null;
  }
}

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function setUp() {
  const dir = tempDir();
  dirs.push(dir);
  const updater = new FakeUpdater();
  const shell = new ShellControl(dir.path, () => undefined, { apply: () => undefined, installUpdate: () => updater.quitAndInstall() });
  const timers = { setTimeout: vi.fn(), setInterval: vi.fn() };
  const wired = wireUpdater(updater, shell, timers as unknown as { setTimeout: typeof setTimeout; setInterval: typeof setInterval });
  return { updater, shell, timers, wired };
}

describe('updates', () => {
  it('checks soon after start and then daily, downloading in the background', () => {
    const { updater, timers } = setUp();
    expect(updater.autoDownload).toBe(true);
    expect(timers.setTimeout).toHaveBeenCalledTimes(1);
    expect(timers.setInterval).toHaveBeenCalledWith(expect.any(Function), DAY_MS);
    (timers.setInterval.mock.calls[0]![0] as () => void)();
    expect(updater.checks).toBe(1);
  });

  it('follows the download to "Restart to update", and stops checking once one is ready', () => {
    const { updater, shell, wired } = setUp();
    updater.emit('checking-for-update');
    expect(shell.state().update).toEqual({ state: 'checking' });
    updater.emit('update-available', { version: '2.0.0' });
    updater.emit('download-progress', { percent: 42.5 });
    expect(shell.state().update).toEqual({ state: 'downloading', version: '2.0.0', percent: 42.5 });
    updater.emit('update-downloaded', { version: '2.0.0' });
    expect(shell.state().update).toEqual({ state: 'ready', version: '2.0.0' });
    wired.check();
    expect(updater.checks).toBe(0);
  });

  it('holds the restart while the outbox sends a reply, then installs', () => {
    const { updater, shell } = setUp();
    updater.emit('update-downloaded', { version: '2.0.0' });
    shell.setOutboxBusy(true);
    shell.requestInstall();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    shell.setOutboxBusy(false);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('discards a download whose checksum fails, says so, and keeps this version', () => {
    const { updater, shell } = setUp();
    updater.emit('update-available', { version: '2.0.0' });
    updater.emit('error', new Error('sha512 checksum mismatch, expected abc, got def'));
    expect(shell.state().update).toEqual({ state: 'failed', message: expect.stringMatching(/integrity check.*discarded/) });
    expect(() => shell.requestInstall()).toThrow();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('words failures for the agent', () => {
    expect(updateFailure(new Error('New version 2.0.0 is not signed by the application owner'))).toMatch(/integrity/);
    expect(updateFailure(new Error('net::ERR_INTERNET_DISCONNECTED'))).toMatch(/Could not reach the update server/);
    expect(updateFailure(new Error('something else'))).toMatch(/could not be installed/);
  });
});
