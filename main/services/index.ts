/** Builds main's services for a transport: one workspace, its handlers and its event hub. */
import type { Handlers } from '../../shared/contract';
import { createEventHub, type EventSink } from './events';
import { createHandlers, type HandlerDeps } from './handlers';
import { Workspace } from './workspace';

export interface Services {
  handlers: Handlers;
  subscribe: (sink: EventSink) => () => void;
}

export function createServices(options: { dataDir: string } & Omit<HandlerDeps, 'workspace'>): Services {
  const hub = createEventHub();
  const workspace = new Workspace(options.dataDir, hub.emit);
  return { handlers: createHandlers({ ...options, workspace }), subscribe: hub.subscribe };
}
