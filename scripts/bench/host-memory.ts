/**
 * npm run bench:host [-- --calls N --settle S]: the browser-mode host's memory through a burst of contract
 * calls, valid and invalid mixed — the demo's calls, values over their bounds (strings up to 3 MB, arrays
 * of 200,000 entries), unknown methods, broken JSON, frames over the limit — from a few connections at
 * once. Prints the host's RSS before, at the peak of the burst, and S seconds after it (default 60).
 * Loopback only; the number of calls is the bound.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { startBenchHost } from './host';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '5000' }, settle: { type: 'string', default: '60' } } });
const CALLS = Number(values.calls);
const SETTLE_S = Number(values.settle);
const CONNECTIONS = 4;

/** Resident memory of a process in MB (Linux /proc; elsewhere ps). */
function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
    return Number(/(\d+)/.exec(line)![1]) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
  }
}

const bigStrings = new Map<number, string>();
const big = (mb: number) => bigStrings.get(mb) ?? (bigStrings.set(mb, 'x'.repeat(Math.floor(mb * 1024 * 1024))), bigStrings.get(mb)!);
const manyZeros = Array.from({ length: 200_000 }, () => 0);
const manyFolders = Array.from({ length: 200_000 }, (_, k) => `F${k}`);
const mutation = (extra: Record<string, unknown>) => ({ id: crypto.randomUUID(), accountId: 'demo', ticketId: 'demo:1', remoteId: '1', baseVersion: null, createdAt: Date.now(), op: { type: 'setStatus', status: 'open' }, ...extra });

/** The i-th request of the burst: what it sends (a frame, or raw text). */
function request(i: number, id: number): string {
  switch (i % 10) {
    case 0: return JSON.stringify({ id, method: 'appInfo', params: {} });
    case 1: return JSON.stringify({ id, method: 'listAccounts', params: {} });
    case 2: return JSON.stringify({ id, method: 'pull', params: { accountId: 'demo', cursor: null } });
    case 3: return JSON.stringify({ id, method: 'notify', params: { title: big(1 + (i % 3)), body: '' } });
    case 4: return JSON.stringify({ id, method: 'push', params: { mutation: mutation({ baseVersion: big(0.5) }) } });
    case 5: return JSON.stringify({ id, method: 'push', params: { mutation: mutation({ email: { to: [], cc: [], subject: 's', inReplyTo: null, references: [], targets: manyZeros } }) } });
    case 6: return JSON.stringify({ id, method: `no-such-method-${i}`, params: {} });
    case 7: return `{"id":${id},"method":"appInfo","params":`; // broken JSON: closes that connection
    case 8: return JSON.stringify({ id, method: 'stageFile', params: { fileId: 'bench-file-1', size: 10, offset: 0, chunk: big(0.8) } });
    default: return JSON.stringify({ id, method: 'addAccount', params: { settings: { type: 'imap', folders: manyFolders }, password: 'x' } });
  }
}

async function connection(url: string, share: number): Promise<void> {
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  let ws: WebSocket | null = null;
  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws`, ['switchboard.v1', `token.${token}`], { headers: { Origin: origin } });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
  for (let i = 0; i < share; i++) {
    if (!ws || ws.readyState !== WebSocket.OPEN) ws = await open();
    const current = ws;
    await new Promise<void>((resolve) => {
      const done = () => {
        current.off('message', done);
        current.off('close', done);
        resolve();
      };
      current.on('message', done);
      current.on('close', done);
      current.send(request(i, i + 1));
    });
  }
  ws?.close();
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'sb-bench-host-'));
  const accounts = join(work, 'accounts.json');
  writeFileSync(accounts, JSON.stringify({ accounts: [] }));
  const host = await startBenchHost(join(work, 'data'), accounts, {});
  const pid = host.process.pid!;
  try {
    // Warmed up first: the demo's data, loaded at its first pull, is the working set, not a leak.
    await connection(host.url, 3);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    const started = Date.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, () => connection(host.url, Math.ceil(CALLS / CONNECTIONS))));
    const seconds = (Date.now() - started) / 1000;
    peak = Math.max(peak, rssMb(pid));
    const afterBurst = rssMb(pid);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1000));
    clearInterval(sampler);
    const after = rssMb(pid);
    const alive = host.process.exitCode === null && host.process.signalCode === null;
    console.log(`host memory through ${CALLS} calls (${CONNECTIONS} connections, valid and invalid mixed) in ${seconds.toFixed(1)} s:`);
    console.log(`  RSS before        ${before.toFixed(0)} MB`);
    console.log(`  RSS at the peak   ${peak.toFixed(0)} MB`);
    console.log(`  RSS when it ended ${afterBurst.toFixed(0)} MB`);
    console.log(`  RSS ${SETTLE_S} s after   ${after.toFixed(0)} MB (${(after - before >= 0 ? '+' : '')}${(after - before).toFixed(0)} MB over the start)`);
    console.log(`  host ${alive ? 'still running' : 'STOPPED'}`);
  } finally {
    host.process.kill('SIGINT');
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
