import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './tests/support/chromium';
import { HOW_TO, chromiumFound } from './tests/support/peers';

// The journeys need a Chromium; without one they are left out, saying why (electron.spec.ts says its own).
const browser = chromiumFound();
if (!browser) console.log(`skipped: the browser-mode journeys (tests/e2e) — ${HOW_TO.chromium}`);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1, // two cores: the host, the browser and the test runner share them
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'browser-mode',
      testIgnore: browser ? '**/electron.spec.ts' : '**/*',
      use: { browserName: 'chromium', launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs } },
    },
    { name: 'electron', testMatch: '**/electron.spec.ts' },
  ],
});
