/**
 * The only bridge between the page and main: one function per contract method and a typed event
 * subscription. Nothing generic is exposed (no ipcRenderer, no process.env).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, eventNames, type EventName, type MethodName } from '../shared/contract/names';
import type { EventListener, Params, RawApi } from '../shared/contract';

const call = <M extends MethodName>(method: M) => (params: Params<M>) => ipcRenderer.invoke(channelOf(method), params);

const api = {
  appInfo: call('appInfo'),
  listAccounts: call('listAccounts'),
  pull: call('pull'),
  push: call('push'),
  removeDemo: call('removeDemo'),
  restoreDemo: call('restoreDemo'),
  testAccount: call('testAccount'),
  addAccount: call('addAccount'),
  removeAccount: call('removeAccount'),
  fetchAttachment: call('fetchAttachment'),
  articles: call('articles'),
  notify: call('notify'),
  setBadge: call('setBadge'),
  diagnostics: call('diagnostics'),
  openExternal: call('openExternal'),
  shellState: call('shellState'),
  setSyncPaused: call('setSyncPaused'),
  setDesktopSettings: call('setDesktopSettings'),
  reportActivity: call('reportActivity'),
  installUpdate: call('installUpdate'),
  about: call('about'),
  connectivity: call('connectivity'),
  changeSecret: call('changeSecret'),
  stageFile: call('stageFile'),
  discardFiles: call('discardFiles'),
  readFile: call('readFile'),
  discoverServers: call('discoverServers'),
  beginSignIn: call('beginSignIn'),
  finishSignIn: call('finishSignIn'),
  cancelSignIn: call('cancelSignIn'),
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const channel = channelOf(event);
    const wrapped = (_event: IpcRendererEvent, payload: Parameters<EventListener<E>>[0]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
} satisfies RawApi;

contextBridge.exposeInMainWorld('switchboard', api);
