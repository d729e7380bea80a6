/**
 * The same journey in the real Electron shell. Runs wherever Electron's binary exists; these machines
 * cannot download it, so here it is skipped and says so.
 */
import { _electron, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.cjs';
import { tempDir } from '../support/temp';
import { changeStatusAndReload } from './journeys';

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
    test.expect(exposed).toEqual(['about', 'addAccount', 'appInfo', 'diagnostics', 'fetchAttachment', 'installUpdate', 'listAccounts', 'notify', 'on', 'openExternal', 'pull', 'push', 'removeAccount', 'removeDemo', 'reportActivity', 'restoreDemo', 'setBadge', 'setDesktopSettings', 'setSyncPaused', 'shellState', 'testAccount']);
    test.expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    dir.remove();
  }
});
