/** Registers one IPC handler per contract method; every call is checked for its sender, then dispatched. */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, methodNames } from '../../shared/contract';
import type { Services } from '../services';
import { dispatch } from '../services/dispatch';
import { log } from '../log';
import { appUrl } from './window';
import { isTrustedSender } from './guards';

function senderOf(event: IpcMainInvokeEvent): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isTopFrame: frame.parent === null && BrowserWindow.fromWebContents(event.sender) !== null };
}

export function registerIpc(services: Services): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), (event, params: unknown) => {
      if (!isTrustedSender(senderOf(event), appUrl())) {
        log.warn(`refused ${method} from an untrusted frame`);
        return { ok: false, error: { code: 'forbidden', message: 'Only the Switchboard window may call this' } };
      }
      return dispatch(services.handlers, method, params);
    });
  }
  services.subscribe((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channelOf(event), payload);
  });
}
