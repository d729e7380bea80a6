/**
 * A private Secret Service for tests: its own D-Bus session and an unlocked GNOME Keyring in a temporary
 * home, so tests never touch the keychain of whoever runs them. Null (with the reason) where the tools
 * are missing; .ci/run installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Keyring {
  env: NodeJS.ProcessEnv;
  stop(): void;
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

export function keyringMissing(): string | null {
  const missing = ['dbus-daemon', 'gnome-keyring-daemon', 'secret-tool'].filter((tool) => !has(tool));
  return missing.length ? `${missing.join(', ')} not installed (apt-get install dbus gnome-keyring libsecret-tools)` : null;
}

/** The keyring daemons started with this home (found by their environment). */
function keyringDaemonsOf(home: string): number[] {
  return readdirSync('/proc').flatMap((name) => {
    try {
      const environ = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      return command.includes('gnome-keyring-daemon') && environ.includes(`HOME=${home}`) ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

export function startKeyring(): Keyring {
  const home = mkdtempSync(join(tmpdir(), 'sb-keyring-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime);
  chmodSync(runtime, 0o700);
  const [address, pid] = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { encoding: 'utf8', timeout: 10_000 }).trim().split('\n');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_RUNTIME_DIR: runtime, DBUS_SESSION_BUS_ADDRESS: address };
  // The keyring's password on standard input unlocks (and first creates) the login keyring.
  execFileSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--daemonize'], { env, input: 'test-keyring', timeout: 10_000, stdio: ['pipe', 'ignore', 'ignore'] });
  return {
    env,
    stop() {
      for (const daemon of [Number(pid), ...keyringDaemonsOf(home)]) {
        try {
          process.kill(daemon);
        } catch {
          // already gone
        }
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
