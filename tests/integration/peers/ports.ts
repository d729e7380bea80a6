import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

/**
 * Several ports free a moment ago, all different: each is held until all are picked (picked one after
 * another and let go, the OS may hand out the same port twice, and a server with two listeners on one
 * port does not start).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

/** Resolves when an IMAP server greets on `port` ("* OK"): bound ports alone do not mean it can serve. */
export function waitForGreeting(port: number, name: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        if (String(data).startsWith('* OK')) resolve();
        else reject(new Error(`unexpected greeting: ${String(data)}`));
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`${name} did not greet on ${port}`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

export interface ServerProcess {
  pid: number | undefined;
  /** Kills the server's whole process group (its children too), once; also done if the test runner exits. */
  stop(): void;
}

/**
 * Starts a test server in a process group of its own and waits for its IMAP greeting on `port`; a server
 * that does not greet is killed and its standard error is in the error.
 */
export async function startServer(name: string, command: string, args: string[], port: number): Promise<ServerProcess> {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', kill);
  const stop = () => {
    kill();
    process.off('exit', kill);
  };
  try {
    await waitForGreeting(port, name);
  } catch (error) {
    stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { pid: child.pid, stop };
}
