// Writes out/licences.json: every package the app ships (the lock file's production tree), with its
// licence and licence text, for the About box. Run by `npm run build`; fails loudly if one has no licence.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The production packages of a lock file: not dev-only, not only optional for development. */
export function shippedPackages(lock) {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path, entry]) => ({ path, name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version }));
}

function licenceText(dir) {
  const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
  return file ? readFileSync(join(dir, file), 'utf8').trim() : '';
}

export function collectLicences(base = root) {
  const lock = JSON.parse(readFileSync(join(base, 'package-lock.json'), 'utf8'));
  const seen = new Map();
  for (const pkg of shippedPackages(lock)) {
    const dir = join(base, pkg.path);
    if (!existsSync(join(dir, 'package.json'))) continue; // an optional package for another platform
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const license = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? '');
    if (!license) throw new Error(`${pkg.name} ${pkg.version} declares no licence: check it before shipping`);
    seen.set(`${pkg.name}@${pkg.version}`, { name: pkg.name, version: pkg.version, license, text: licenceText(dir) });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const licences = collectLicences();
  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(join(root, 'out/licences.json'), JSON.stringify(licences));
  console.log(`licences: ${licences.length} packages written to out/licences.json`);
}
