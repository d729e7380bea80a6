// `npm start`: builds when the sources changed, then starts Electron — or browser mode where Electron's
// binary is missing or there is no display. `npm run start:browser` starts browser mode directly.
// Arguments after `--` reach the app. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import electron from './electron-binary.cjs';

const { electronBinary, electronInstaller, root } = electron;

const sources = ['main', 'preload', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];
const stamp = join(root, 'out', '.build-stamp');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

function buildIfNeeded() {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (sources.every((s) => newest(join(root, s)) <= built)) return;
  console.log('Building Switchboard…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  const result = build.status === 0 ? spawnSync(process.execPath, [join(root, 'scripts', 'licences.mjs')], { cwd: root, stdio: 'inherit' }) : build;
  if (result.status !== 0) {
    console.error('The build failed; the errors are above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

/** Electron 45 downloads its binary on first launch; try that once, with a time limit. */
function ensureElectron() {
  const found = electronBinary();
  if (found) return found;
  console.log('Downloading Electron (first start only)…');
  spawnSync(process.execPath, [electronInstaller], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], timeout: 180_000 });
  return electronBinary();
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

let args = process.argv.slice(2);
const browserOnly = args[0] === '--browser';
if (browserOnly) args = args.slice(1);
buildIfNeeded();

const host = () => run(process.execPath, [join(root, 'out', 'main', 'host.js'), ...args]);
if (browserOnly) host();
else {
  const electron = ensureElectron();
  if (!electron) {
    console.log("Electron's binary is not installed (its download failed), so Switchboard starts in browser mode instead.");
    host();
  } else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No graphical display was found, so Switchboard starts in browser mode instead.');
    host();
  } else run(electron, [root, ...args]);
}
