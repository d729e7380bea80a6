/**
 * What each contract method does, independent of the transport: Electron IPC and the browser-mode
 * WebSocket call the very same handlers, after `dispatch` has validated the request.
 */
import type { Handlers } from '../../shared/contract';
import { isSafeExternalUrl } from '../../shared/links';
import type { Workspace } from './workspace';

export interface HandlerDeps {
  workspace: Workspace;
  mode: 'electron' | 'browser';
  version: string;
  /** Opens a vetted https:/mailto: URL outside the app; false where the transport cannot (browser mode). */
  openExternal: (url: string) => Promise<boolean>;
}

export function createHandlers({ workspace, mode, version, openExternal }: HandlerDeps): Handlers {
  return {
    appInfo: async () => ({ version, mode, me: workspace.me(), platform: process.platform }),
    listAccounts: async () => workspace.accounts(),
    pull: async ({ accountId, cursor }) => workspace.connector(accountId).pull(cursor),
    push: async ({ mutation }) => workspace.connector(mutation.accountId).push(mutation),
    removeDemo: async () => ({ removed: workspace.setDemoRemoved(true) }),
    restoreDemo: async () => ({ restored: workspace.setDemoRemoved(false) }),
    testAccount: async ({ settings, password }) => workspace.testAccount(settings, password),
    addAccount: async ({ settings, password }) => workspace.addAccount(settings, password),
    removeAccount: async ({ accountId }) => ({ removed: await workspace.removeAccount(accountId) }),
    openExternal: async ({ url }) => ({ opened: isSafeExternalUrl(url) ? await openExternal(url) : false }),
  };
}
