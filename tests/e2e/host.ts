/** The `host` fixture: browser mode started for each test with its own data folder (tests/support/browser-mode.ts). */
import { test as base } from '@playwright/test';
import { restartHost, startBrowserMode, stopHost, type RunningHost } from '../support/browser-mode';
import { tempDir } from '../support/temp';

export { restartHost, startBrowserMode, stopHost, type RunningHost };

export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const dir = tempDir('switchboard-e2e-');
    const host = await startBrowserMode(dir.path);
    await use(host);
    await stopHost(host);
    dir.remove();
  },
});
export { expect } from '@playwright/test';
