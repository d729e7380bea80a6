/**
 * What each contract method does, independent of the transport: Electron IPC and the browser-mode
 * WebSocket call the very same handlers, after `dispatch` has validated the request.
 */
import { AppError, type Handlers } from '../../shared/contract';
import { MAX_DOWNLOAD_BYTES } from '../../shared/limits';

import { safeExternalUrl } from '../../shared/links';
import type { Workspace } from './workspace';
import { diagnosticsText } from './diagnostics';
import { recentLog } from '../log';
import type { Connectivity } from './connectivity';
import type { ShellControl } from './shell-control';
import type { StagedFiles } from './staged-files';
import { readLicences } from './licences';
import { discoverServers, fetchKnownTo, resolverFor } from './discovery';
import type { SignIns } from './sign-ins';
import { oneAtATimePerKey } from './by-key';

export interface HandlerDeps {
  workspace: Workspace;
  mode: 'electron' | 'browser';
  version: string;
  /** Opens a vetted https:/mailto: URL outside the app; false where the transport cannot (browser mode). */
  openExternal: (url: string) => Promise<boolean>;
  /** Shows a native notification; false where there is none (browser mode uses the page's own). */
  notify?: (notice: { title: string; body: string; ticketId?: string }) => boolean;
  /** Sets the dock/taskbar badge; false where there is none (browser mode badges the page's title). */
  setBadge?: (count: number) => boolean;
  shell: ShellControl;
  reach: Connectivity;
  staged: StagedFiles;
  /** The licences file written by the build (`out/licences.json`). */
  licencesFile: string | null;
  signIns: SignIns;
  /** DNS servers for finding mail servers from an address (SB_DNS_SERVERS); the system's when empty. */
  dnsServers?: string[];
}

function runtimeVersions(): string {
  const v = process.versions;
  return v.electron ? `Electron ${v.electron}, Chromium ${v.chrome}, Node ${v.node}` : `Node ${v.node}`;
}

export function createHandlers({ workspace, mode, version, openExternal, notify, setBadge, shell, reach, staged, licencesFile, signIns, dnsServers = [] }: HandlerDeps): Handlers {
  // One push per change at a time: a repeat waits for the push still under way (see by-key.ts).
  const perChange = oneAtATimePerKey();
  return {
    appInfo: async () => ({ version, mode, me: workspace.me(), platform: process.platform }),
    listAccounts: async () => workspace.accounts(),
    pull: async ({ accountId, cursor }) => reach.track(accountId, () => workspace.pull(accountId, cursor)),
    push: ({ mutation }) =>
      perChange(mutation.id, async () => {
        const attached = staged.resolve(mutation.op.type === 'reply' ? (mutation.op.attachments ?? []) : []);
        if ('missing' in attached) return { kind: 'rejected', reason: attached.missing };
        return reach.track(mutation.accountId, () => workspace.connector(mutation.accountId).push(mutation, attached.files));
      }),
    stageFile: async (chunk) => staged.put(chunk),
    discardFiles: async ({ fileIds }) => {
      staged.discard(fileIds);
      return {};
    },
    removeDemo: async () => ({ removed: workspace.setDemoRemoved(true) }),
    restoreDemo: async () => ({ restored: workspace.setDemoRemoved(false) }),
    testAccount: async ({ settings, password }) => workspace.testAccount(settings, password),
    addAccount: async (params) => workspace.addAccount(params.settings, 'signInId' in params ? signIns.take(params.signInId, params.settings) : params.password),
    discoverServers: async ({ email }) => {
      if (!dnsServers.length) return discoverServers(email);
      const resolver = resolverFor(dnsServers);
      return discoverServers(email, { resolver, fetch: fetchKnownTo(resolver) });
    },
    beginSignIn: async (target) => signIns.begin(target),
    finishSignIn: async ({ signInId }) => signIns.finish(signInId),
    cancelSignIn: async ({ signInId }) => {
      signIns.cancel(signInId);
      return {};
    },
    changeSecret: async ({ accountId, secret }) => workspace.changeSecret(accountId, secret),
    fetchAttachment: async ({ accountId, attachmentId }) => {
      const connector = workspace.connector(accountId);
      if (!connector.fetchAttachment) throw new AppError('not_found', 'This account has no attachments to fetch');
      const content = await connector.fetchAttachment(attachmentId);
      if (content.data.byteLength > MAX_DOWNLOAD_BYTES) throw new AppError('invalid_request', `attachmentId: ${content.name} is larger than 50 MB; open it in your mail program`);
      const fileId = await staged.keep(content.data);
      return { name: content.name, type: content.type, size: content.data.byteLength, fileId };
    },
    readFile: async ({ fileId, offset }) => ({ chunk: (await staged.read(fileId, offset)).toString('base64') }),
    articles: async ({ accountId }) => {
      const connector = workspace.connector(accountId);
      return { articles: connector.articles ? (await connector.articles()).slice(0, 5000) : [] };
    },
    notify: async (notice) => ({ shown: notify ? notify(notice) : false }),
    setBadge: async ({ count }) => ({ shown: setBadge ? setBadge(count) : false }),
    diagnostics: async () => ({ text: diagnosticsText({ version, mode, accounts: workspace.describeAccounts(), log: recentLog() }) }),
    removeAccount: async ({ accountId }) => {
      reach.forget(accountId);
      return { removed: await workspace.removeAccount(accountId) };
    },
    openExternal: async ({ url }) => {
      const safe = safeExternalUrl(url);
      return { opened: safe ? await openExternal(safe) : false };
    },
    shellState: async () => shell.state(),
    setSyncPaused: async ({ paused }) => shell.setSyncPaused(paused),
    setDesktopSettings: async (change) => shell.setDesktopSettings(change),
    reportActivity: async ({ outboxBusy, language }) => {
      if (language) shell.setLanguage(language);
      if (outboxBusy !== undefined) shell.setOutboxBusy(outboxBusy);
      return {};
    },
    installUpdate: async () => shell.requestInstall(),
    connectivity: async () => reach.all(),
    about: async () => ({ version, runtime: runtimeVersions(), licences: licencesFile ? readLicences(licencesFile) : [] }),
  };
}
