import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames, channelOf } from '../../../shared/contract';
import { isAppUrl, isTrustedSender } from '../../../main/shell/guards';

// Electron cannot run here (and must not be required in plain Node): the shell is tested against a mock.
const handlers = new Map<string, (event: unknown, params: unknown) => unknown>();
const sent: [string, unknown][] = [];
const appWindow = { webContents: { send: (channel: string, payload: unknown) => sent.push([channel, payload]) } };
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, params: unknown) => unknown) => handlers.set(channel, fn) },
  BrowserWindow: { fromWebContents: (wc: unknown) => (wc === 'app-contents' ? appWindow : null), getAllWindows: () => [appWindow] },
  shell: { openExternal: vi.fn() },
}));

const APP = 'file:///opt/Switchboard/resources/app.asar/out/renderer/index.html';
process.env.ELECTRON_RENDERER_URL = APP;

describe('window guards', () => {
  it('recognises only the app page, whatever its fragment or query', () => {
    expect(isAppUrl(`${APP}#ticket=1`, APP)).toBe(true);
    expect(isAppUrl(`${APP}?x=1`, APP)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', APP)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });
  it('trusts IPC only from the app page’s top frame', () => {
    expect(isTrustedSender({ url: APP, isTopFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ url: APP, isTopFrame: false }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
  });
});

describe('IPC registration', () => {
  beforeEach(async () => {
    handlers.clear();
    const { registerIpc } = await import('../../../main/shell/ipc');
    const { createServices } = await import('../../../main/services');
    const { tempDir } = await import('../../support/temp');
    registerIpc(createServices({ dataDir: tempDir().path, mode: 'electron', version: 't', openExternal: async () => true }));
  });

  const event = (url: string, parent: unknown = null, sender = 'app-contents') => ({ senderFrame: { url, parent }, sender });

  it('registers one handler per contract method and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
  });

  it('answers the app’s own frame', async () => {
    const answer = await handlers.get(channelOf('appInfo'))!(event(APP), {});
    expect(answer).toMatchObject({ ok: true, value: { mode: 'electron' } });
  });

  it('refuses a subframe, a foreign page or another window with forbidden', async () => {
    for (const e of [event(APP, { url: APP }), event('https://evil.example/'), event(APP, null, 'other-contents')]) {
      expect(await handlers.get(channelOf('listAccounts'))!(e, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('validates arguments after the sender', async () => {
    expect(await handlers.get(channelOf('pull'))!(event(APP), { accountId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
