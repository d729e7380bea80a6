/**
 * Electron entry: app lifecycle, the window and IPC. Everything else (services, connectors) is shared
 * with browser mode and imports no electron.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { parseOptions } from './args';
import { log, logToFile } from './log';
import { createServices, type Services } from './services';
import { registerIpc } from './shell/ipc';
import { nativeNotifier } from './shell/notifications';
import { safeVault } from './shell/safe-vault';
import { createWindow } from './shell/window';
import { deepLinkInArgs, parseDeepLink, PROTOCOL } from './shell/deep-link';
import { join } from 'node:path';

const options = parseOptions(process.argv.slice(app.isPackaged ? 1 : 2));
app.setPath('userData', options.dataDir);
// One instance per data folder: a second launch hands its arguments (a switchboard:// link) to the first and quits.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
for (const flag of options.unknown) log.warn(`ignoring unknown option ${flag}`);

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  if (!primary) return;
  // The page may ask for notifications; nothing else (camera, location, …).
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
  const dataDir = app.getPath('userData');
  logToFile(app.getPath('logs'));
  let services: Services;
  try {
    services = createServices({
      dataDir,
      vault: safeVault(dataDir),
      accountsFile: options.accountsFile,
      mode: 'electron',
      version: app.getVersion(),
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
      notify: nativeNotifier(() => services.emit),
      // macOS dock and Linux launchers; Windows shows no count here (the tray count comes with the tray).
      setBadge: (count) => app.setBadgeCount(count),
    });
  } catch (error) {
    dialog.showErrorBox('Switchboard could not start', (error as Error).message);
    app.quit();
    return;
  }
  registerIpc(services);
  app.on('before-quit', () => void services.close());
  const stateFile = join(dataDir, 'window-state.json');
  const win = createWindow(stateFile);
  const openLink = (url: string) => {
    const link = parseDeepLink(url);
    const focused = BrowserWindow.getAllWindows()[0];
    if (focused) {
      if (focused.isMinimized()) focused.restore();
      focused.focus();
    }
    services.emit('openTicket', { ticketId: 'ticketId' in link ? link.ticketId : null });
  };
  const initial = deepLinkInArgs(process.argv);
  if (initial) win.webContents.once('did-finish-load', () => openLink(initial));
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkInArgs(argv);
    if (link) openLink(link);
    else BrowserWindow.getAllWindows()[0]?.focus();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  app.setAsDefaultProtocolClient(PROTOCOL);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(stateFile);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
