import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumExecutable } from './tests/support/chromium';

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
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          env: { SWITCHBOARD_LOG: 'error' },
        },
      },
      {
        // The cache in real IndexedDB, in Chromium. Dependencies found only while tests run would make Vite
        // reload the page mid-run; they are named here so they are prepared before.
        optimizeDeps: { include: ['fast-check', 'react', 'react/jsx-dev-runtime', 'react-dom/client', 'react-i18next', 'i18next', 'dexie'] },
        test: {
          name: 'browser',
          include: ['tests/renderer/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
