/** Starts the app in browser mode for a benchmark (its own data folder, accounts provisioned from a file). */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export async function startBenchHost(dataDir: string, accountsFile: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [...nodeArgs, join(__dirname, '../../out/main/host.js'), '--no-open', '--port', '0', '--data-dir', dataDir, '--accounts', accountsFile], {
    env: { ...process.env, ...env, SWITCHBOARD_LOG: 'warn', SWITCHBOARD_KEYCHAIN: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      const match = /browser mode: (\S+)/.exec(String(d));
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { url, process: child };
}
