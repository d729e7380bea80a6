/**
 * The tray icon: the count of tickets at risk in its tooltip (and its title on macOS), and a menu to
 * open the window, pause or resume sync, and quit. The menu is a pure template, tested without Electron.
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Labels } from './labels';

export interface TrayActions {
  open(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export interface TrayState {
  atRisk: number;
  syncPaused: boolean;
}

export function trayMenuTemplate(state: TrayState, labels: Labels, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: labels.atRisk(state.atRisk), enabled: false },
    { type: 'separator' },
    { label: labels.open, click: actions.open },
    state.syncPaused ? { label: labels.resume, click: () => actions.setPaused(false) } : { label: labels.pause, click: () => actions.setPaused(true) },
    { type: 'separator' },
    { label: labels.quit, click: actions.quit },
  ];
}

export function trayTooltip(state: TrayState, labels: Labels): string {
  return ['Switchboard', labels.atRisk(state.atRisk), ...(state.syncPaused ? [labels.paused] : [])].join(' — ');
}

/** Creates the tray icon; `update` redraws it after the count, the pause or the language changed. */
export function createTray(iconFile: string, actions: TrayActions): { update(state: TrayState, labels: Labels): void; destroy(): void } {
  const icon = nativeImage.createFromPath(iconFile).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  tray.on('click', actions.open);
  return {
    update(state, labels) {
      tray.setToolTip(trayTooltip(state, labels));
      if (process.platform === 'darwin') tray.setTitle(state.atRisk > 0 ? String(state.atRisk) : '');
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, labels, actions)));
    },
    destroy: () => tray.destroy(),
  };
}
