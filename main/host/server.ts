/**
 * Browser mode's transport: an HTTP server on 127.0.0.1 that serves the built renderer, and a WebSocket
 * that speaks the contract. Only the app's own page gets in: the Origin must be this server's, and the
 * client must present the data folder's key (as a WebSocket subprotocol `token.<TOKEN>`), over a request
 * naming this host once. Anyone else is closed with code 4401 (or refused before the upgrade); a broken
 * frame closes that one socket.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../services';
import { dispatch } from '../services/dispatch';
import { log } from '../log';
import { serveStatic } from './static';

export const PROTOCOL = 'switchboard.v1';
export const CLOSE_UNAUTHORIZED = 4401;
/**
 * The largest frame a client may send. Files travel in chunks (stageFile, 512 KB), so every real call fits
 * in far less; a bigger frame closes that connection (1009) before it is held in memory.
 */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;
/** Calls of one connection under way at once; beyond that its frames wait unread (the socket is paused). */
const MAX_CALLS_IN_FLIGHT = 16;

export interface HostOptions {
  services: Services;
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface Host {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startHost({ services, staticDir, port, token = newToken() }: HostOptions): Promise<Host> {
  let origins: string[] = [];
  // Refuse other host names (DNS rebinding): the page is only ever loaded as 127.0.0.1 or localhost; a
  // request naming two hosts is refused whatever they are.
  const allowedHost = (req: IncomingMessage) =>
    req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host').length === 1 && origins.some((o) => o === `http://${req.headers.host}`);

  const server = createServer((req, res) => {
    if (!allowedHost(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden host');
      return;
    }
    serveStatic(staticDir, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });

  // A malformed request or frame closes that connection only, never the host (any local process can send one).
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://host').pathname !== '/ws' || !allowedHost(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error) => {
        log.warn(`closed a browser-mode connection: ${error.message}`);
        ws.terminate();
      });
      const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      const presented = offered.find((p) => p.startsWith('token.'))?.slice('token.'.length) ?? '';
      const originOk = origins.includes(req.headers.origin ?? '');
      if (!originOk || !sameSecret(presented, token)) {
        log.warn(`refused a browser-mode connection (${originOk ? 'bad token' : 'foreign origin'})`);
        ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
        return;
      }
      serveClient(ws, services);
    });
  });

  const actualPort = await listen(server, port);
  origins = [`http://127.0.0.1:${actualPort}`, `http://localhost:${actualPort}`];
  return {
    port: actualPort,
    token,
    url: `http://127.0.0.1:${actualPort}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serveClient(ws: WebSocket, services: Services): void {
  const unsubscribe = services.subscribe((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', unsubscribe);
  let inFlight = 0;
  ws.on('message', (data, isBinary) => {
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      frame = undefined;
    }
    const { id, method, params } = (frame ?? {}) as { id?: unknown; method?: unknown; params?: unknown };
    if (typeof id !== 'number') {
      ws.close(1003, 'malformed frame');
      return;
    }
    if (++inFlight >= MAX_CALLS_IN_FLIGHT) ws.pause();
    void dispatch(services.handlers, method, params)
      .then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
      })
      .catch((error: unknown) => log.error(`could not answer ${String(method).slice(0, 40)}: ${error instanceof Error ? error.name : 'non-Error'}`))
      .finally(() => {
        if (inFlight-- === MAX_CALLS_IN_FLIGHT) ws.resume();
      });
  });
}
