/**
 * Updates with electron-updater: checked at start and daily, downloaded in the background, installed
 * when the agent chooses "Restart to update" — which ShellControl holds back while the outbox sends.
 * A download whose signature or checksum fails is discarded by electron-updater and reported here;
 * the running version is untouched. Takes the updater as a parameter, so it is tested without Electron.
 */
import type { ShellControl } from '../services/shell-control';
import { log } from '../log';

/** The part of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export const DAY_MS = 24 * 60 * 60_000;
const FIRST_CHECK_MS = 30_000;

/** The agent's words for what went wrong; the details go to the log. */
export function updateFailure(error: Error): string {
  const text = error.message;
  if (/checksum|sha512|sha256|signature|not signed|code sign/i.test(text)) return 'The downloaded update failed its integrity check and was discarded; this version keeps running.';
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|net::|ECONNRESET|EAI_AGAIN|offline/i.test(text)) return 'Could not reach the update server; Switchboard will try again later.';
  return 'The update could not be installed; this version keeps running.';
}

export function wireUpdater(updater: UpdaterLike, shell: ShellControl, timers: { setTimeout: typeof setTimeout; setInterval: typeof setInterval } = globalThis): { check(): void } {
  updater.autoDownload = true;
  // Quitting installs a downloaded update too: the agent chose to stop the app, nothing is being sent then.
  updater.autoInstallOnAppQuit = true;
  let version = '';
  const busy = () => {
    const state = shell.state().update?.state;
    return state === 'ready' || state === 'waiting' || state === 'downloading' || state === 'checking';
  };
  updater.on('checking-for-update', () => shell.setUpdate({ state: 'checking' }));
  updater.on('update-not-available', () => shell.setUpdate({ state: 'idle' }));
  updater.on('update-available', (info: { version: string }) => {
    version = info.version;
    shell.setUpdate({ state: 'downloading', version, percent: 0 });
  });
  updater.on('download-progress', (progress: { percent: number }) => shell.setUpdate({ state: 'downloading', version, percent: Math.max(0, Math.min(100, progress.percent)) }));
  updater.on('update-downloaded', (info: { version: string }) => {
    log.info(`update ${info.version} downloaded`);
    shell.setUpdate({ state: 'ready', version: info.version });
  });
  updater.on('error', (error: Error) => {
    log.warn(`update failed: ${error.message.split('\n')[0]}`);
    shell.setUpdate({ state: 'failed', message: updateFailure(error) });
  });
  const check = () => {
    if (busy()) return;
    updater.checkForUpdates().catch(() => undefined); // reported through 'error'
  };
  timers.setTimeout(check, FIRST_CHECK_MS);
  timers.setInterval(check, DAY_MS);
  return { check };
}
