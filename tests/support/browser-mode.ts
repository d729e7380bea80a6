/** Starts browser mode (`out/main/host.js`) on a free port with its own data folder, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** What it was started with, so a restart starts it the same way. */
  args: string[];
  env: Record<string, string>;
  /** Everything it printed (stdout and stderr), across restarts. */
  output: string[];
}

/** `port`: a fixed one (a restart keeps the origin, so the browser keeps the cache); `env`: secrets by name. */
export async function startBrowserMode(dataDir: string, extraArgs: string[] = [], options: { port?: number; env?: Record<string, string> } = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [join(__dirname, '../../out/main/host.js'), '--no-open', '--port', String(options.port ?? 0), '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // SWITCHBOARD_KEYCHAIN=off: test passwords never reach the keychain of whoever runs the tests.
    env: { ...process.env, SWITCHBOARD_LOG: 'warn', SWITCHBOARD_KEYCHAIN: 'off', ...options.env },
  });
  let stderr = '';
  const output: string[] = [];
  child.stderr!.on('data', (d) => {
    stderr += String(d);
    output.push(String(d));
  });
  child.stdout!.on('data', (d) => output.push(String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in 15 s: ${stderr}`)), 15_000);
    child.stdout!.on('data', (d) => {
      const match = /^Switchboard browser mode: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(String(d));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
  });
  return { url, origin: new URL(url).origin, dataDir, process: child, args: extraArgs, env: options.env ?? {}, output };
}

/**
 * Stops the host and starts it again as it was — same data folder, arguments, secrets and port (so the
 * browser keeps the cache of that origin). The same object then describes the new process.
 */
export async function restartHost(host: RunningHost): Promise<RunningHost> {
  const port = Number(new URL(host.url).port);
  await stopHost(host);
  const started = await startBrowserMode(host.dataDir, host.args, { port, env: host.env });
  started.output.unshift(...host.output);
  return Object.assign(host, started);
}

export async function stopHost(host: RunningHost): Promise<number | null> {
  const { process: child } = host;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

