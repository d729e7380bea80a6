import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { labelsFor } from '../../../main/shell/labels';

// Electron cannot run here: the tray is tested against a mock that records what it was given.
const tray = { on: vi.fn(), setToolTip: vi.fn(), setTitle: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn() };
vi.mock('electron', () => ({
  Tray: vi.fn(function Tray() {
    return tray;
  }),
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
  nativeImage: { createFromPath: () => ({ resize: () => ({}) }) },
}));

const actions = () => ({ open: vi.fn(), setPaused: vi.fn(), quit: vi.fn() });

describe('tray', () => {
  it('shows the at-risk count and offers open, pause and quit', async () => {
    const { trayMenuTemplate } = await import('../../../main/shell/tray');
    const a = actions();
    const menu = trayMenuTemplate({ atRisk: 3, syncPaused: false }, labelsFor('en'), a);
    expect(menu.map((m) => m.label).filter(Boolean)).toEqual(['3 tickets at risk', 'Open Switchboard', 'Pause sync', 'Quit Switchboard']);
    (menu.find((m) => m.label === 'Pause sync')!.click as () => void)();
    expect(a.setPaused).toHaveBeenCalledWith(true);
    const paused = trayMenuTemplate({ atRisk: 0, syncPaused: true }, labelsFor('ru'), a);
    (paused.find((m) => m.label === 'Возобновить синхронизацию')!.click as () => void)();
    expect(a.setPaused).toHaveBeenLastCalledWith(false);
  });

  it('redraws its tooltip and menu when the count or the pause changes', async () => {
    const { createTray } = await import('../../../main/shell/tray');
    const a = actions();
    const created = createTray('/icon.png', a);
    created.update({ atRisk: 1, syncPaused: true }, labelsFor('en'));
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Switchboard — 1 ticket at risk — Sync paused');
    const menu = tray.setContextMenu.mock.calls.at(-1)![0] as { template: MenuItemConstructorOptions[] };
    expect(menu.template.some((m) => m.label === 'Resume sync')).toBe(true);
    // A click on the icon opens the window.
    expect(tray.on).toHaveBeenCalledWith('click', a.open);
  });
});
