import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * zod's sources carry `@__PURE__` notes in places Rollup cannot use; it says so on every build. They are
 * harmless (the note is dropped), so only those are silenced: a user's start shows no warning.
 */
const onwarn: NonNullable<import('rollup').RollupOptions['onwarn']> = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
  warn(warning);
};

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      rollupOptions: {
        onwarn,
        input: {
          index: resolve(__dirname, 'main/index.ts'), // Electron
          host: resolve(__dirname, 'main/host/index.ts'), // browser mode (plain Node)
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { onwarn, input: { index: resolve(__dirname, 'preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    // SWITCHBOARD_NO_MINIFY=1: readable names in CPU profiles (npm run bench:ingest -- --profile).
    // The start bundle (about 805 kB: React, Dexie, i18n, the inbox) loads from disk, never over a network.
    build: { minify: !process.env.SWITCHBOARD_NO_MINIFY, chunkSizeWarningLimit: 1000, rollupOptions: { onwarn, input: resolve(__dirname, 'renderer/index.html') } },
  },
});
