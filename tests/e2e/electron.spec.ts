/**
 * The same journey in the real Electron shell. Runs wherever Electron's binary exists; these machines
 * cannot download it, so here it is skipped and says so.
 */
import { _electron, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.cjs';
import { tempDir } from '../support/temp';
import { changeStatusAndReload, inboxRows } from './journeys';

// Skipped (with the reason printed) where Electron's binary is missing, as here; the desktop workflow
// (.github/workflows/desktop.yml) downloads it on Ubuntu, Windows and macOS, where these journeys run.
const binary = electronBinary();
if (!binary) console.log('skipped: Electron binary not available');

test('Electron: the demo inbox, a status change kept across a reload', async () => {
  test.skip(!binary, 'Electron binary not available');
  const dir = tempDir('switchboard-electron-');
  const app = await _electron.launch({
    executablePath: binary!,
    args: [join(__dirname, '../..'), '--data-dir', dir.path],
  });
  try {
    const page = await app.firstWindow();
    await changeStatusAndReload(page, async () => {
      await page.reload();
    });
    const exposed = await page.evaluate(() => Object.keys((window as unknown as { switchboard: object }).switchboard).sort());
    test.expect(exposed).toEqual(['about', 'addAccount', 'appInfo', 'articles', 'beginSignIn', 'cancelSignIn', 'changeSecret', 'connectivity', 'diagnostics', 'discardFiles', 'discoverServers', 'fetchAttachment', 'finishSignIn', 'installUpdate', 'listAccounts', 'notify', 'on', 'openExternal', 'pull', 'push', 'readFile', 'removeAccount', 'removeDemo', 'reportActivity', 'restoreDemo', 'setBadge', 'setDesktopSettings', 'setSyncPaused', 'shellState', 'stageFile', 'testAccount']);
    test.expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    dir.remove();
  }
});

test('Electron: desktop settings, About from the application menu, a link to no ticket', async () => {
  test.skip(!binary, 'Electron binary not available');
  const dir = tempDir('switchboard-electron-');
  const app = await _electron.launch({ executablePath: binary!, args: [join(__dirname, '../..'), '--data-dir', dir.path] });
  try {
    const page = await app.firstWindow();
    await test.expect(inboxRows(page).first()).toBeVisible();
    // The application menu's About opens Settings at the licences.
    await app.evaluate(({ Menu }) => {
      const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
        items.map((i) => (i.label === 'About Switchboard' ? i : i.submenu ? find(i.submenu.items) : undefined)).find(Boolean);
      find(Menu.getApplicationMenu()!.items)!.click();
    });
    await test.expect(page.getByText(/Switchboard is built with \d+ open-source packages/)).toBeVisible();
    const desktop = page.getByRole('group', { name: 'Desktop', exact: true });
    await desktop.getByLabel('Closing the window keeps Switchboard running in the tray').check();
    await test.expect(desktop.getByLabel('Closing the window keeps Switchboard running in the tray')).toBeChecked();
    await page.getByRole('button', { name: 'Close' }).click();
    // A switchboard:// link to a ticket this workspace does not have opens nothing and says so.
    await app.evaluate(({ app: electronApp }) => electronApp.emit('open-url', { preventDefault: () => undefined }, 'switchboard://ticket/no-such-ticket'));
    await test.expect(page.getByText("That link doesn't point to a ticket in this workspace")).toBeVisible();
  } finally {
    await app.close();
    dir.remove();
  }
});
