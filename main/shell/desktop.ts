/**
 * Desktop settings made real: start at login (the OS login items on macOS and Windows, an XDG
 * autostart entry on Linux) and Switchboard as the mailto: handler, only when the agent opted in.
 */
import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DesktopSettings } from '../../shared/shell';
import type { DesktopHooks } from '../services/shell-control';
import { log } from '../log';

/** The XDG autostart entry (Linux): the AppImage's own path when run from one. */
export function autostartEntry(exec: string): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Switchboard', `Exec="${exec.replace(/(["\\`$])/g, '\\$1')}" --hidden`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

function setLinuxAutostart(enabled: boolean): void {
  const dir = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
  const file = join(dir, 'switchboard.desktop');
  if (!enabled) return rmSync(file, { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, autostartEntry(process.env.APPIMAGE ?? process.execPath));
}

export function desktopHooks(installUpdate: () => void): DesktopHooks {
  return {
    apply(settings: DesktopSettings) {
      try {
        if (process.platform === 'linux') setLinuxAutostart(settings.startAtLogin);
        else app.setLoginItemSettings({ openAtLogin: settings.startAtLogin, args: ['--hidden'] });
        if (settings.handleMailto) app.setAsDefaultProtocolClient('mailto');
        else if (app.isDefaultProtocolClient('mailto')) app.removeAsDefaultProtocolClient('mailto');
      } catch (error) {
        log.warn(`desktop settings not applied: ${(error as Error).message}`);
      }
    },
    installUpdate,
  };
}
