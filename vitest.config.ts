import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumExecutable } from './tests/support/chromium';
import { HOW_TO, chromiumFound, dovecotInstalled, rtInstalled } from './tests/support/peers';

// What this machine cannot run is left out, with one line saying why (servers.test.ts and the RT connector
// test say so themselves, server by server).
const leftOut: string[] = [];
if (!dovecotInstalled()) {
  console.log(`skipped: the email integration tests — ${HOW_TO.dovecot}`);
  leftOut.push('tests/integration/email/!(servers).test.ts');
}
if (!rtInstalled()) {
  console.log(`skipped: the Request Tracker fault and source tests — ${HOW_TO.rt}`);
  leftOut.push('tests/integration/rt/faults.test.ts', 'tests/integration/rt/source-data.test.ts');
}
const browser = chromiumFound();
if (!browser) {
  console.log(`skipped: the cache tests in a browser (tests/renderer) and the OAuth2 sign-in (its login pages are filled in a browser) — ${HOW_TO.chromium}`);
  leftOut.push('tests/integration/email/oauth.test.ts');
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          environment: 'node',
          restoreMocks: true,
          env: { SWITCHBOARD_LOG: 'error' },
        },
      },
      {
        // Against real servers started on 127.0.0.1 by the tests themselves (Dovecot, SMTP, RT).
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...leftOut],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          env: { SWITCHBOARD_LOG: 'error' },
        },
      },
      ...(browser ? [{
        // The cache in real IndexedDB, in Chromium. Dependencies found only while tests run would make Vite
        // reload the page mid-run; they are named here so they are prepared before.
        optimizeDeps: { include: ['fast-check', 'react', 'react/jsx-dev-runtime', 'react-dom/client', 'react-i18next', 'i18next', 'dexie', 'dexie-react-hooks'] },
        test: {
          name: 'browser',
          include: ['tests/renderer/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' as const }],
          },
        },
      }] : []),
    ],
  },
});
