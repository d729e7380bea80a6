/**
 * Browser mode: runs main's services in plain Node and serves the app to the system browser.
 * Started by `npm run start:browser`, or by `npm start` where Electron's binary is missing.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseOptions } from '../args';
import { log, logToFile } from '../log';
import { createServices, type Services } from '../services';
import { keychainVault } from './keychain-vault';
import { readJson, writeJsonAtomic } from '../services/files';
import { openBrowser } from './open-browser';
import { newToken, startHost, type Host } from './server';

/** What browser mode keeps in the data folder between starts: its port and the tab's key. */
const Remembered = z.object({ port: z.number().int().min(1).max(65535), token: z.string().regex(/^[\w-]{20,200}$/).optional() });

/**
 * The last port is reused when free (the cache lives in the browser per origin, and the origin includes
 * the port), and the data folder's key with it, so an open tab reconnects by itself when the host comes
 * back. `--new-token` makes a new key: tabs holding the old one must be given the new address.
 */
async function start(services: Services, dataDir: string, port: number | null, rotate: boolean): Promise<Host> {
  const staticDir = join(__dirname, '../renderer');
  const remembered = readJson(join(dataDir, 'browser-mode.json'), Remembered);
  const token = (!rotate && remembered?.token) || newToken();
  if (port === null && remembered) {
    try {
      return await startHost({ services, staticDir, port: remembered.port, token });
    } catch {
      log.info(`port ${remembered.port} is taken; using another one (this browser profile's cache stays with the old one)`);
    }
  }
  return startHost({ services, staticDir, port: port ?? 0, token });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  for (const flag of options.unknown) log.warn(`ignoring unknown option ${flag}`);
  let host: Host;
  let services: Services;
  logToFile(join(options.dataDir, 'logs'));
  try {
    services = createServices({
      dataDir: options.dataDir,
      accountsFile: options.accountsFile,
      mode: 'browser',
      version: __APP_VERSION__,
      openExternal: async () => false,
      licencesFile: join(__dirname, '../licences.json'),
      // SWITCHBOARD_KEYCHAIN=off keeps secrets in memory only (tests, shared machines).
      vault: (process.env.SWITCHBOARD_KEYCHAIN !== 'off' && keychainVault({ workspace: resolve(options.dataDir) })) || undefined,
    });
    host = await start(services, options.dataDir, options.port, options.newToken);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Port ${options.port} is already in use; choose another with --port, or leave it out to pick a free one.` : `Switchboard could not start browser mode: ${(error as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping browser mode`);
    void Promise.all([host.close(), services.close()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  // Ready for Ctrl-C before the address is printed: whoever reads the line may stop us at once.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // Readable by this user only (writeJsonAtomic): the key opens the workspace to whoever holds it.
  writeJsonAtomic(join(options.dataDir, 'browser-mode.json'), { port: host.port, token: host.token });
  console.log(`Switchboard browser mode: ${host.url}`);
  if (options.open) openBrowser(host.url);
}

void main();
