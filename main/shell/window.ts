/**
 * The app window with the security rules of DESIGN.md §5: context isolation, sandbox, no Node in the
 * page, no new windows, no navigation away, external links only https:/mailto: through the OS.
 */
import { BrowserWindow, screen, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { safeExternalUrl } from '../../shared/links';
import { writeJsonAtomic } from '../services/files';
import { isAppUrl } from './guards';
import { clampToDisplays, loadWindowState } from './window-state';

export function appUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

export interface WindowOptions {
  /** Where size, position and maximized state are kept between runs. */
  stateFile: string;
  /** Closing hides the window to the tray instead (a setting), unless the app is quitting. */
  hideOnClose: () => boolean;
  /** Started at login: the window waits in the tray. */
  hidden: boolean;
}

export function createWindow({ stateFile, hideOnClose, hidden }: WindowOptions): BrowserWindow {
  const saved = loadWindowState(() => {
    try {
      return readFileSync(stateFile, 'utf8');
    } catch {
      return null;
    }
  });
  const bounds = clampToDisplays(saved.bounds, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Switchboard',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  win.once('ready-to-show', () => {
    if (hidden) return;
    if (saved.maximized) win.maximize();
    win.show();
  });
  win.on('close', (event) => {
    writeJsonAtomic(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    if (!hideOnClose()) return;
    event.preventDefault();
    win.hide();
  });
  const openOutside = (url: string) => {
    const safe = safeExternalUrl(url);
    if (safe) void shell.openExternal(safe);
  };
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appUrl())) return;
    event.preventDefault();
    openOutside(url);
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void win.loadURL(appUrl());
  return win;
}
