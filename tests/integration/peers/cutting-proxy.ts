/** A TCP proxy on 127.0.0.1 that can cut its connections part-way through a server's answer. */
import { createServer, connect, type Socket } from 'node:net';

export interface CuttingProxy {
  port: number;
  /** Cut every connection once the server has sent this many more bytes through it; null: never. */
  cutAfter(bytes: number | null): void;
  cuts: number;
  stop(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let limit: number | null = null;
  const sockets = new Set<Socket>();
  const proxy: CuttingProxy = {
    port: 0,
    cuts: 0,
    cutAfter(bytes) {
      limit = bytes;
    },
    stop: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let sent = 0;
    upstream.on('data', (chunk: Buffer) => {
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
    client.on('data', (chunk) => upstream.write(chunk));
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
