// `npm start`: builds when the sources changed, then starts Electron — or browser mode where Electron's
// binary is missing or there is no display. `npm run start:browser` starts browser mode directly.
// Arguments after `--` reach the app. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * A failed download is remembered for a day (`npm start -- --electron` tries again at once), so a network
 * that hangs costs one wait, not one per start; and the download host is asked first, for a few seconds,
 * so an unreachable one means browser mode at once.
 */
const failedMark = join(root, 'out', '.electron-download-failed');
const DAY_MS = 24 * 60 * 60_000;

async function downloadHostAnswers() {
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/';
  try {
    await fetch(mirror, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/** Electron 45 downloads its binary on first launch; try that once, with a time limit. Null: it failed; false: it failed earlier today (said). */
async function ensureElectron(force) {
  const found = electronBinary();
  if (found) return found;
  if (!force && existsSync(failedMark) && Date.now() - statSync(failedMark).mtimeMs < DAY_MS) {
    console.log("Electron's download failed earlier today, so Switchboard starts in browser mode (npm start -- --electron tries the download again).");
    return false;
  }
  console.log('Downloading Electron (first start only)…');
  const ok = (await downloadHostAnswers()) && spawnSync(process.execPath, [electronInstaller], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], timeout: 180_000 }).status === 0;
  const binary = ok ? electronBinary() : null;
  if (binary) rmSync(failedMark, { force: true });
  else {
    mkdirSync(dirname(failedMark), { recursive: true });
    writeFileSync(failedMark, new Date().toISOString());
  }
  return binary;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

// Node 22 LTS is the supported version; 20.19 still runs (development machines); older cannot load the build.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Switchboard needs Node.js 22 (LTS); this is Node ${process.versions.node}. Install Node 22 from https://nodejs.org and run npm install again.`);
  process.exit(1);
}

let args = process.argv.slice(2);
const browserOnly = args[0] === '--browser';
if (browserOnly) args = args.slice(1);
// --electron: try Electron's download again now, even if it failed earlier today.
const forceElectron = args.includes('--electron');
args = args.filter((a) => a !== '--electron');
buildIfNeeded();

const host = () => run(process.execPath, [join(root, 'out', 'main', 'host.js'), ...args]);
if (browserOnly) host();
else {
  const electron = await ensureElectron(forceElectron);
  if (!electron) {
    // false: already said why (a failure remembered from earlier today).
    if (electron === null) console.log("Electron's binary is not installed (its download failed), so Switchboard starts in browser mode instead.");
    host();
  } else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No graphical display was found, so Switchboard starts in browser mode instead.');
    host();
  } else run(electron, [root, ...args]);
}
