/** Builds main's services for a transport: one workspace, its handlers and its event hub. */
import type { Emit, Handlers } from '../../shared/contract';
import { createEventHub, type EventSink } from './events';
import { createHandlers, type HandlerDeps } from './handlers';
import { Connectivity } from './connectivity';
import { ShellControl, type DesktopHooks } from './shell-control';
import { memoryVault, type Vault } from './vault';
import { Workspace } from './workspace';
import { StagedFiles } from './staged-files';
import { SignIns } from './sign-ins';
import { join } from 'node:path';

export interface Services {
  handlers: Handlers;
  emit: Emit;
  subscribe: (sink: EventSink) => () => void;
  shell: ShellControl;
  close(): Promise<void>;
}

export interface ServiceOptions extends Omit<HandlerDeps, 'workspace' | 'shell' | 'reach' | 'staged' | 'licencesFile' | 'signIns' | 'dnsServers'> {
  dataDir: string;
  /** Where secrets are kept: safeStorage in Electron, memory in browser mode. */
  vault?: Vault;
  accountsFile?: string | null;
  /** Electron only: login item, mailto:, installing updates. */
  desktop?: DesktopHooks;
  /** out/licences.json, written by `npm run build`; given by the entry point, which knows where it runs from. */
  licencesFile?: string | null;
}

export function createServices(options: ServiceOptions): Services {
  const hub = createEventHub();
  const workspace = new Workspace({
    dataDir: options.dataDir,
    emit: hub.emit,
    vault: options.vault ?? memoryVault(),
    accountsFile: options.accountsFile,
  });
  const shell = new ShellControl(options.dataDir, hub.emit, options.desktop ?? null);
  const licencesFile = options.licencesFile ?? null;
  const staged = new StagedFiles(join(options.dataDir, 'staged-files'));
  staged.sweep();
  // The sign-in page opens in the system browser: from main in Electron; browser mode's page opens a tab itself.
  const signIns = new SignIns(workspace, (url) => (options.mode === 'electron' ? options.openExternal(url) : Promise.resolve(false)));
  const dnsServers = (process.env.SB_DNS_SERVERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const handlers = createHandlers({ ...options, workspace, shell, reach: new Connectivity(hub.emit), staged, licencesFile, signIns, dnsServers });
  const close = async () => {
    signIns.close();
    await workspace.close();
  };
  return { handlers, emit: hub.emit, subscribe: hub.subscribe, shell, close };
}
