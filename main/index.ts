/**
 * Electron entry: app lifecycle, the window, tray, menu, links and updates. Everything else (services,
 * connectors) is shared with browser mode and imports no electron.
 */
import { app, clipboard, dialog, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { parseOptions } from './args';
import { log, logToFile } from './log';
import { createServices, type Services } from './services';
import { appMenuTemplate } from './shell/app-menu';
import { deepLinkInArgs, mailtoInArgs, PROTOCOL } from './shell/deep-link';
import { desktopHooks } from './shell/desktop';
import { registerIpc } from './shell/ipc';
import { labelsFor } from './shell/labels';
import { nativeNotifier } from './shell/notifications';
import { safeVault } from './shell/safe-vault';
import { handOver, openUrl, type HandOverTarget } from './shell/second-instance';
import { createTray } from './shell/tray';
import { wireUpdater, type UpdaterLike } from './shell/updater';
import { createWindow } from './shell/window';

const options = parseOptions(process.argv.slice(app.isPackaged ? 1 : 2));
app.setPath('userData', options.dataDir);
// One instance per data folder: a second launch hands its arguments (a link) to the first and quits.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
for (const flag of options.unknown) log.warn(`ignoring unknown option ${flag}`);

let quitting = false;
app.on('before-quit', () => (quitting = true));
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** electron-updater, only in an installed build (a development build has no update feed). */
async function loadUpdater(): Promise<UpdaterLike | null> {
  if (!app.isPackaged) return null;
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}

void app.whenReady().then(async () => {
  if (!primary) return;
  // The page may ask for notifications; nothing else (camera, location, …).
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
  const dataDir = app.getPath('userData');
  logToFile(app.getPath('logs'));
  const updater = await loadUpdater().catch((error: unknown) => {
    log.warn(`updates unavailable: ${(error as Error).message}`);
    return null;
  });
  let atRisk = 0;
  let services: Services;
  try {
    services = createServices({
      dataDir,
      vault: safeVault(dataDir),
      licencesFile: join(__dirname, '../licences.json'),
      accountsFile: options.accountsFile,
      mode: 'electron',
      version: app.getVersion(),
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
      notify: nativeNotifier(() => services.emit),
      setBadge: (count) => {
        atRisk = count;
        redraw();
        // macOS dock and Linux launchers; on Windows the tray carries the count.
        return app.setBadgeCount(count);
      },
      desktop: desktopHooks(() => {
        quitting = true;
        updater?.quitAndInstall();
      }),
    });
  } catch (error) {
    dialog.showErrorBox('Switchboard could not start', (error as Error).message);
    app.quit();
    return;
  }
  const control = services.shell;
  registerIpc(services);
  app.on('before-quit', () => void services.close());
  control.applySaved();

  const windowOptions = { stateFile: join(dataDir, 'window-state.json'), hideOnClose: () => control.closeToTray && !quitting, hidden: options.hidden };
  let win = createWindow(windowOptions);
  const showWindow = () => {
    if (win.isDestroyed()) win = createWindow({ ...windowOptions, hidden: false });
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const target: HandOverTarget = {
    showWindow,
    openTicket: (ticketId) => services.emit('openTicket', { ticketId }),
    search: (query) => services.emit('navigate', { to: 'search', query }),
  };
  const whenLoaded = (fn: () => void) => (win.webContents.isLoading() ? win.webContents.once('did-finish-load', fn) : fn());
  const initial = deepLinkInArgs(process.argv) ?? mailtoInArgs(process.argv);
  if (initial) whenLoaded(() => openUrl(initial, target, control.handleMailto));
  app.on('second-instance', (_event, argv) => handOver(argv, target, control.handleMailto));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    whenLoaded(() => openUrl(url, target, control.handleMailto));
  });
  app.setAsDefaultProtocolClient(PROTOCOL);

  const updates = updater ? wireUpdater(updater, control) : null;
  const tray = createTray(join(__dirname, '../renderer/favicon.png'), {
    open: showWindow,
    setPaused: (paused) => control.setSyncPaused(paused),
    quit: () => app.quit(),
  });
  const navigate = (to: 'settings' | 'about') => {
    showWindow();
    services.emit('navigate', { to });
  };
  function redraw(): void {
    const state = control.state();
    const labels = labelsFor(control.language);
    tray.update({ atRisk, syncPaused: state.syncPaused }, labels);
    const menu = appMenuTemplate(process.platform, labels, {
      settings: () => navigate('settings'),
      about: () => navigate('about'),
      checkForUpdates: () => updates?.check(),
      installUpdate: () => void control.requestInstall(),
      copyDiagnostics: () => void services.handlers.diagnostics({}).then(({ text }) => clipboard.writeText(text)),
    }, state.update);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
  }
  control.onChange(redraw);
  redraw();
  app.on('activate', showWindow);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
