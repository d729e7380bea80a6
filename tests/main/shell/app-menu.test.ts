import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../main/shell/app-menu';
import { labelsFor } from '../../../main/shell/labels';

const actions = () => ({ settings: vi.fn(), about: vi.fn(), checkForUpdates: vi.fn(), installUpdate: vi.fn(), copyDiagnostics: vi.fn() });
const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
const roles = (menu: MenuItemConstructorOptions[]) => items(menu).flatMap((m) => (m.role ? [m.role] : []));

describe('application menu', () => {
  it('gives macOS its app menu and standard roles', () => {
    const menu = appMenuTemplate('darwin', labelsFor('en'), actions(), null);
    expect(menu[0]!.label).toBe('Switchboard');
    expect(roles(menu)).toEqual(expect.arrayContaining(['services', 'hide', 'hideOthers', 'quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll', 'togglefullscreen', 'minimize', 'zoom', 'front']));
  });

  it('gives Windows and Linux a File menu, and About and updates under Help', () => {
    const menu = appMenuTemplate('win32', labelsFor('en'), actions(), { state: 'idle' });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(menu)).not.toContain('services');
    const help = menu.at(-1)!.submenu as MenuItemConstructorOptions[];
    expect(help.map((m) => m.label).filter(Boolean)).toEqual(['Copy diagnostics', 'Check for updates', 'About Switchboard']);
  });

  it('opens Settings with the platform shortcut, and offers "Restart to update" once one is ready', () => {
    const a = actions();
    const menu = appMenuTemplate('linux', labelsFor('ru'), a, { state: 'ready', version: '2.0.0' });
    const settings = items(menu).find((m) => m.label === 'Настройки…')!;
    expect(settings.accelerator).toBe('CmdOrCtrl+,');
    const restart = items(menu).find((m) => m.label === 'Перезапустить и обновить до 2.0.0')!;
    (restart.click as () => void)();
    expect(a.installUpdate).toHaveBeenCalled();
  });

  it('disables "Check for updates" where there is no updater (a development build)', () => {
    const menu = appMenuTemplate('linux', labelsFor('en'), actions(), null);
    expect(items(menu).find((m) => m.label === 'Check for updates')!.enabled).toBe(false);
  });
});
