/** Builds main's services for a transport: one workspace, its handlers and its event hub. */
import type { Emit, Handlers } from '../../shared/contract';
import { createEventHub, type EventSink } from './events';
import { createHandlers, type HandlerDeps } from './handlers';
import { memoryVault, type Vault } from './vault';
import { Workspace } from './workspace';

export interface Services {
  handlers: Handlers;
  emit: Emit;
  subscribe: (sink: EventSink) => () => void;
  close(): Promise<void>;
}

export interface ServiceOptions extends Omit<HandlerDeps, 'workspace'> {
  dataDir: string;
  /** Where secrets are kept: safeStorage in Electron, memory in browser mode. */
  vault?: Vault;
  accountsFile?: string | null;
}

export function createServices(options: ServiceOptions): Services {
  const hub = createEventHub();
  const workspace = new Workspace({
    dataDir: options.dataDir,
    emit: hub.emit,
    vault: options.vault ?? memoryVault(),
    accountsFile: options.accountsFile,
  });
  return { handlers: createHandlers({ ...options, workspace }), emit: hub.emit, subscribe: hub.subscribe, close: () => workspace.close() };
}
