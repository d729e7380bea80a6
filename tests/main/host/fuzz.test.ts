/**
 * The browser-mode host under attack from this machine (loopback only, bounded in count and time):
 * malformed frames with and without the token, oversize frames, forged Host headers, and contract calls
 * with values just outside their bounds. Whatever comes, the host stays up and answers the next good call.
 */
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { methodNames } from '../../../shared/contract';
import { createServices } from '../../../main/services';
import { MAX_FRAME_BYTES, PROTOCOL, startHost, type Host } from '../../../main/host/server';
import { justOutside } from '../../support/contract-bounds';
import { frame, rawUpgrade } from '../../support/raw-websocket';
import { tempDir } from '../../support/temp';

let host: Host;
const data = tempDir();
const site = tempDir();
const errors: unknown[] = [];
const onError = (error: unknown) => errors.push(error);

beforeAll(async () => {
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  writeFileSync(join(site.path, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const services = createServices({ dataDir: data.path, mode: 'browser', version: 'test', openExternal: async () => false });
  host = await startHost({ services, staticDir: site.path, port: 0 });
});
afterAll(async () => {
  process.off('uncaughtException', onError);
  process.off('unhandledRejection', onError);
  await host.close();
  data.remove();
  site.remove();
});

const origin = () => `http://127.0.0.1:${host.port}`;
const goodHeaders = (token: string | null) => [`Host: 127.0.0.1:${host.port}`, `Origin: ${origin()}`, `Sec-WebSocket-Protocol: ${[PROTOCOL, ...(token ? [`token.${token}`] : [])].join(', ')}`];

/** A well-behaved client's connection. */
function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, [PROTOCOL, `token.${host.token}`], { headers: { Origin: origin() } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let nextId = 1;
function call(ws: WebSocket, method: string, params: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${method} in 10 s`)), 10_000);
    ws.on('message', function onMessage(raw) {
      const answer = JSON.parse(String(raw)) as { id?: number; result?: { ok: boolean; error?: { code: string } } };
      if (answer.id !== id) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve(answer.result!);
    });
    ws.send(JSON.stringify({ id, method, params }));
  });
}

/** The host is up: a fresh connection gets its answer. */
async function stillAnswers(): Promise<void> {
  const ws = await open();
  expect(await call(ws, 'appInfo', {})).toMatchObject({ ok: true });
  ws.close();
  expect(errors).toEqual([]);
}

const text = (s: string) => Buffer.from(s);
const malformed: Record<string, Buffer> = {
  'an unmasked client frame': frame(text('{"id":1,"method":"appInfo"}'), { opcode: 1, mask: false }),
  'invalid UTF-8 in a text frame': frame(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d]), { opcode: 1 }),
  'a reserved opcode': frame(text('x'), { opcode: 3 }),
  'a reserved control opcode': frame(text('x'), { opcode: 0xb }),
  'RSV1 set without an extension': frame(text('{}'), { opcode: 1, rsv: 4 }),
  'an absurd length': frame(text('x'), { opcode: 1, claimedLength: 0x7fffffffffffffffn }),
  'a length over the limit': frame(text('x'), { opcode: 1, claimedLength: BigInt(MAX_FRAME_BYTES + 1) }),
  'a truncated header': Buffer.from([0x81]),
  'a truncated extended length': Buffer.from([0x81, 0xfe, 0x01]),
  'a continuation with nothing to continue': frame(text('x'), { opcode: 0 }),
  'a fragmented ping': frame(text('x'), { opcode: 9, fin: false }),
  'a ping over 125 bytes': frame(Buffer.alloc(200, 1), { opcode: 9 }),
  'a close frame with a one-byte body': frame(Buffer.from([3]), { opcode: 8 }),
  'a close frame with an invalid code': frame(Buffer.from([0x03, 0xec]), { opcode: 8 }),
  'a binary frame': frame(Buffer.from([1, 2, 3]), { opcode: 2 }),
  'text that is not JSON': frame(text('{"id":1,'), { opcode: 1 }),
};

describe('browser-mode host under attack', () => {
  it.each(Object.keys(malformed))('survives %s, with and without the token', async (name) => {
    for (const token of [null, 'wrong-token-0123456789', host.token]) {
      const raw = await rawUpgrade(host.port, goodHeaders(token));
      expect(raw.status).toContain('101');
      raw.socket.write(malformed[name]!);
      // Half a header is waited for; the rest closes that socket. Either way: hang up and move on.
      await Promise.race([raw.closed, new Promise((resolve) => setTimeout(resolve, 300))]);
      raw.socket.destroy();
    }
    await stillAnswers();
  });

  it('closes a connection whose frame is over the limit, not the host', async () => {
    const ws = await open();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 1, method: 'appInfo', params: { pad: 'x'.repeat(MAX_FRAME_BYTES) } }));
    expect(await closed).toBe(1009);
    await stillAnswers();
  });

  it('checks Host on the upgrade as on plain HTTP, and refuses a request naming two hosts', async () => {
    const forged = await rawUpgrade(host.port, [`Host: evil.example`, `Origin: ${origin()}`, `Sec-WebSocket-Protocol: ${PROTOCOL}, token.${host.token}`]);
    expect(forged.status).toContain('403');
    const twice = await rawUpgrade(host.port, [...goodHeaders(host.token), 'Host: evil.example']);
    expect(twice.status).toContain('403');
    const twiceSame = await rawUpgrade(host.port, [...goodHeaders(host.token), `Host: 127.0.0.1:${host.port}`]);
    expect(twiceSame.status).toContain('403');
    const none = await rawUpgrade(host.port, goodHeaders(host.token).slice(1));
    expect(none.status).not.toContain('101');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', setHost: false, headers: [['Host', `127.0.0.1:${host.port}`], ['Host', 'evil.example']] as unknown as Record<string, string> }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    await stillAnswers();
  });

  it('answers every call just outside a bound with invalid_request, and the next good call as usual', async () => {
    const ws = await open();
    let sent = 0;
    for (const method of methodNames) {
      for (const variant of justOutside(method).variants) {
        const answer = await call(ws, method, variant.params);
        expect(answer, `${method} ${variant.path}`).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(await call(ws, 'appInfo', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('answers random frames with an error, never with a crash', async () => {
    const ws = await open();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methodNames), fc.jsonValue({ maxDepth: 4 }), async (method, params) => {
        const answer = await call(ws, method, { junk: params });
        expect(answer.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    ws.close();
    await stillAnswers();
  });
});
