/**
 * A local HTTP server standing in for a hosted helpdesk (Zendesk, Freshdesk, Help Scout cannot run here):
 * routes answer in the shapes the public API documents, keeping state where the API does; faults (429
 * with Retry-After, 401, 5xx) can be queued for the next requests. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Bytes sent as they are (a file download), with `headers` giving their type. */
  raw?: Buffer;
}

export interface Route {
  method: string;
  path: RegExp;
  reply(match: RegExpExecArray, request: { url: URL; body: unknown; headers: IncomingMessage['headers'] }): Reply;
}

export interface Replay {
  url: string;
  requests: Array<{ method: string; path: string; body: unknown; authorization: string | undefined }>;
  /** The next `times` requests get this answer instead of their route's. */
  fault(reply: Reply, times?: number): void;
  stop(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function startReplay(routes: (base: string) => Route[]): Promise<Replay> {
  const faults: Reply[] = [];
  const requests: Replay['requests'] = [];
  let table: Route[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = await bodyOf(request);
      requests.push({ method: request.method ?? 'GET', path: url.pathname + url.search, body, authorization: request.headers.authorization });
      let reply = faults.shift();
      for (const route of reply ? [] : table) {
        const match = route.method === request.method ? route.path.exec(url.pathname + url.search) : null;
        if (match) {
          reply = route.reply(match, { url, body, headers: request.headers });
          break;
        }
      }
      reply ??= { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      response.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(url);
  return {
    url,
    requests,
    fault: (reply, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(reply);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
