/** A TCP proxy on 127.0.0.1 that can cut its connections part-way through a server's answer, or silence them. */
import { createServer, connect, type Socket } from 'node:net';

export interface CuttingProxy {
  port: number;
  /** Cut every connection once the server has sent this many more bytes through it; null: never. */
  cutAfter(bytes: number | null): void;
  /**
   * Once the client sends a command matching `command`, the server's completion of it (a tagged "OK" line)
   * is swallowed and the connection cut: the server did it, the client never hears. null: off.
   */
  cutOnCompletionOf(command: RegExp | null): void;
  cuts: number;
  /** The connections open now go silent both ways without closing (a NAT that forgot them); new ones work. */
  freezeOpen(): void;
  /** Connections accepted so far. */
  accepted: number;
  stop(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let limit: number | null = null;
  let watched: RegExp | null = null;
  const sockets = new Set<Socket>();
  const frozen = new WeakSet<Socket>();
  const proxy: CuttingProxy = {
    port: 0,
    cuts: 0,
    accepted: 0,
    freezeOpen() {
      for (const s of sockets) frozen.add(s);
    },
    cutAfter(bytes) {
      limit = bytes;
    },
    cutOnCompletionOf(command) {
      watched = command;
    },
    stop: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    proxy.accepted++;
    let sent = 0;
    let armed = false;
    upstream.on('data', (chunk: Buffer) => {
      if (frozen.has(client)) return;
      if (armed && /^\S+ OK/m.test(chunk.toString('latin1'))) {
        armed = false;
        proxy.cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      if (limit !== null && sent + chunk.length > limit) {
        client.write(chunk.subarray(0, Math.max(0, limit - sent)));
        proxy.cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      sent += chunk.length;
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      if (frozen.has(client)) return;
      if (watched?.test(chunk.toString('latin1'))) armed = true;
      upstream.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}
