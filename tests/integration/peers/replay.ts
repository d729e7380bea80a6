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

/** A form's fields: text as strings, files as { name, type, bytes } (several under one name: an array). */
export type FormFields = Record<string, string | Array<{ name: string; type: string; bytes: Buffer }>>;

/** JSON parsed; a multipart form as its fields; anything else (an upload) as its bytes. */
async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
    const fields: FormFields = {};
    const entries: Array<[string, string | File]> = [];
    form.forEach((value, key) => entries.push([key, value]));
    for (const [key, value] of entries) {
      if (typeof value === 'string') fields[key] = value;
      else ((fields[key] ??= []) as Array<{ name: string; type: string; bytes: Buffer }>).push({ name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    return fields;
  }
  if (bytes.length && !type.includes('json')) return bytes;
  const text = bytes.toString('utf8');
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
