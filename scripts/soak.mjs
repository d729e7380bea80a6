// npm run soak [-- --runs N]: the crash runs of tests/e2e/crash.spec.ts, N of them (default 200), against the
// real RT, Dovecot and SMTP server the test starts. Prints the Playwright output, then exactly one last line:
// "soak: N runs, L lost, D duplicates, C not converged".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of runs, not "${values.runs}"`);
  process.exit(2);
}
const summary = join(root, 'test-results', 'soak.txt');
rmSync(summary, { force: true });
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', 'tests/e2e/crash.spec.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SOAK_RUNS: String(runs) },
});
console.log(existsSync(summary) ? readFileSync(summary, 'utf8').trim() : `soak: ${runs} runs did not finish (see above)`);
process.exit(result.status ?? 1);
