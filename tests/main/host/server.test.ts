import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices } from '../../../main/services';
import { CLOSE_UNAUTHORIZED, PROTOCOL, startHost, type Host } from '../../../main/host/server';
import { tempDir } from '../../support/temp';

let host: Host;
const data = tempDir();
const site = tempDir();

beforeAll(async () => {
  writeFileSync(join(site.path, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const services = createServices({ dataDir: data.path, mode: 'browser', version: 'test', openExternal: async () => false });
  host = await startHost({ services, staticDir: site.path, port: 0 });
});
afterAll(async () => {
  await host.close();
  data.remove();
  site.remove();
});

const origin = () => `http://127.0.0.1:${host.port}`;

/** Opens a socket and resolves with what happened first: an open connection or a close code. */
function connect(protocols: string[], headers: Record<string, string>): Promise<{ ws: WebSocket; closeCode: number | null }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, protocols, { headers });
    let opened = false;
    ws.on('open', () => {
      opened = true;
      // A refused client is closed straight after the handshake; give that a moment to arrive.
      setTimeout(() => resolve({ ws, closeCode: null }), 150);
    });
    ws.on('close', (code) => (opened ? resolve({ ws, closeCode: code }) : reject(new Error(`closed before open: ${code}`))));
    ws.on('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, params: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(data) {
      const frame = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.result);
      }
    });
    ws.send(JSON.stringify({ id, method, params }));
  });
}

/** fetch() will not send a forged Host header; node:http will. */
function statusWithHost(hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('browser-mode host', () => {
  it('prints a URL with the token in the fragment, never in the path or query', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a connection without the token with close code 4401', async () => {
    const { closeCode } = await connect([PROTOCOL], { Origin: origin() });
    expect(closeCode).toBe(CLOSE_UNAUTHORIZED);
  });

  it('refuses a wrong token with close code 4401', async () => {
    const { closeCode } = await connect([PROTOCOL, `token.${'x'.repeat(32)}`], { Origin: origin() });
    expect(closeCode).toBe(CLOSE_UNAUTHORIZED);
  });

  it('refuses the right token from another origin with close code 4401', async () => {
    for (const foreign of ['http://evil.example', 'http://127.0.0.1:1', 'null']) {
      const { closeCode } = await connect([PROTOCOL, `token.${host.token}`], { Origin: foreign });
      expect(closeCode, foreign).toBe(CLOSE_UNAUTHORIZED);
    }
  });

  it('refuses a client that sends no Origin at all', async () => {
    const { closeCode } = await connect([PROTOCOL, `token.${host.token}`], {});
    expect(closeCode).toBe(CLOSE_UNAUTHORIZED);
  });

  it('serves the contract to the app’s own page, with validation', async () => {
    const { ws, closeCode } = await connect([PROTOCOL, `token.${host.token}`], { Origin: origin() });
    expect(closeCode).toBeNull();
    expect(await call(ws, 1, 'appInfo', {})).toMatchObject({ ok: true, value: { mode: 'browser', version: 'test' } });
    expect(await call(ws, 2, 'listAccounts', {})).toMatchObject({ ok: true, value: [{ id: 'demo', demo: true }] });
    expect(await call(ws, 3, 'pull', { accountId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    ws.close();
  });

  it('accepts localhost as well as 127.0.0.1 as the origin', async () => {
    const { ws, closeCode } = await connect([PROTOCOL, `token.${host.token}`], { Origin: `http://localhost:${host.port}` });
    expect(closeCode).toBeNull();
    ws.close();
  });

  it('serves the page only under its own host name (no DNS rebinding) and never outside its folder', async () => {
    const ok = await fetch(`${origin()}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await statusWithHost('attacker.example')).toBe(403);
    expect(await statusWithHost(`localhost:${host.port}`)).toBe(200);
    const escaped = await fetch(`${origin()}/..%2f..%2fetc%2fpasswd`);
    expect(escaped.status).toBe(404);
    expect((await fetch(`${origin()}/%E0%A4%A`)).status).toBe(400);
  });
});
