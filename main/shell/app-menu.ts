/**
 * The native application menu: the standard roles (so copy, paste, undo, zoom, full screen and window
 * commands carry each platform's own shortcuts) plus Settings, About, updates and diagnostics.
 * A pure template, so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { UpdateStatus } from '../../shared/shell';
import type { Labels } from './labels';

export interface MenuActions {
  settings(): void;
  about(): void;
  checkForUpdates(): void;
  installUpdate(): void;
  copyDiagnostics(): void;
}

export function appMenuTemplate(platform: NodeJS.Platform, labels: Labels, actions: MenuActions, update: UpdateStatus | null): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const ready = update && (update.state === 'ready' || update.state === 'waiting') ? update.version : null;
  const updateItem: MenuItemConstructorOptions = ready
    ? { label: labels.restartToUpdate(ready), click: actions.installUpdate }
    : { label: labels.checkUpdates, click: actions.checkForUpdates, enabled: update !== null };
  const settings: MenuItemConstructorOptions = { label: labels.settings, accelerator: 'CmdOrCtrl+,', click: actions.settings };
  const about: MenuItemConstructorOptions = { label: labels.about, click: actions.about };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Switchboard',
    submenu: [about, updateItem, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  const fileMenu: MenuItemConstructorOptions = { label: labels.file, submenu: [settings, { type: 'separator' }, { role: 'quit' }] };
  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []), { role: 'delete' }, { role: 'selectAll' }],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: labels.window,
    role: 'windowMenu',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: labels.help,
    role: 'help',
    submenu: [{ label: labels.copyDiagnostics, click: actions.copyDiagnostics }, ...(mac ? [] : [{ type: 'separator' } as const, updateItem, about])],
  };
  return mac ? [appMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
