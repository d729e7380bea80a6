import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'), // Electron
          host: resolve(__dirname, 'main/host/index.ts'), // browser mode (plain Node)
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    // SWITCHBOARD_NO_MINIFY=1: readable names in CPU profiles (npm run bench:ingest -- --profile).
    build: { minify: !process.env.SWITCHBOARD_NO_MINIFY, chunkSizeWarningLimit: 800, rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
