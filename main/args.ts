/** Command-line options, the same for Electron and browser mode (`npm start -- --data-dir /tmp/sb`). */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface Options {
  dataDir: string;
  /** Browser mode: a fixed port; null picks one. */
  port: number | null;
  open: boolean;
  /** A provisioning file of accounts (secrets by environment-variable name). */
  accountsFile: string | null;
  /** Started at login: stay in the tray until the agent opens the window. */
  hidden: boolean;
  /** Browser mode: a new key for the data folder (tabs holding the old one must be given the new address). */
  newToken: boolean;
  unknown: string[];
}

/** Where Electron keeps `userData` for productName "Switchboard"; browser mode uses the same folder. */
export function defaultDataDir(env = process.env, platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Switchboard');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Switchboard');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Switchboard');
}

export function parseOptions(argv: string[]): Options {
  const { values, tokens } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      accounts: { type: 'string' },
      hidden: { type: 'boolean' },
      'new-token': { type: 'boolean' },
    },
  });
  const known = new Set(['data-dir', 'port', 'no-open', 'accounts', 'hidden', 'new-token']);
  const unknown = tokens.flatMap((t) => (t.kind === 'option' && !known.has(t.name) ? [t.rawName] : []));
  let port: number | null = null;
  if (typeof values.port === 'string') {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  return {
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(),
    port,
    open: values['no-open'] !== true,
    accountsFile: typeof values.accounts === 'string' ? values.accounts : null,
    hidden: values.hidden === true,
    newToken: values['new-token'] === true,
    unknown,
  };
}
