// Finds Electron's binary without require('electron'), which would try to download it.
// CommonJS so that `npm start` (ESM) and the Playwright specs (TypeScript) can both load it.
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The path of Electron's executable, or null when it has not been downloaded. */
function electronBinary() {
  const name = process.platform === 'win32' ? 'electron.exe' : 'electron';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

module.exports = { root, electronBinary, electronInstaller: join(electronDir, 'install.js') };
