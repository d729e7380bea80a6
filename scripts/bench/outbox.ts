/**
 * npm run bench:outbox [-- --changes N --tickets T]: N queued changes flushed to a real Request Tracker
 * after reconnect, through the whole app (IndexedDB outbox → WebSocket → main → RT connector), against a
 * bare client making the same requests (PUT with If-Match, then GET for the new ETag) to the same RT in
 * the same run, with the same parallelism (a few tickets at a time, one ticket's changes in order).
 * `--profile` prints where the page spent its time while flushing. Queueing is measured first: a tenth of
 * the changes one click at a time, the rest as bulk changes (core/commands: one transaction each).
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toRtPriority } from '../../main/connectors/rt/map';
import { priorities } from '../../shared/statuses';
import { startRt } from '../../tests/integration/peers/rt';
import { chromiumArgs, chromiumExecutable } from '../../tests/support/chromium';
import { childNamed, cpuByTree, describeCpu } from './cpu';
import { startBenchHost } from './host';
import { topSelfTime, type CpuProfile } from './profile';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '1000' }, tickets: { type: 'string', default: '100' }, profile: { type: 'boolean', default: false } } });
const CHANGES = Number(values.changes);
const TICKETS = Number(values.tickets);
const PARALLEL = 4; // as the outbox: renderer/sync/outbox.ts
const log = (line: string) => console.log(line);

async function main() {
  const rt = await startRt();
  const work = mkdtempSync(join(tmpdir(), 'sb-bench-outbox-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  let host: ChildProcess | null = null;
  try {
    const ids: string[] = [];
    for (let i = 0; i < TICKETS; i++) ids.push((await rt.rest<{ id: string }>('POST', 'ticket', { Queue: 'General', Subject: `Bench ${i}`, Requestor: `c${i}@example.test`, Content: 'Hello', ContentType: 'text/plain' })).id);
    log(`bench:outbox: ${CHANGES} changes over ${TICKETS} tickets in a real RT 5 at ${rt.url}`);

    writeFileSync(join(work, 'accounts.json'), JSON.stringify({ accounts: [{ type: 'rt', id: 'rt', name: 'Bench RT', url: rt.url, tokenEnv: 'SB_BENCH_RT_TOKEN' }] }));
    const started = await startBenchHost(join(work, 'app'), join(work, 'accounts.json'), { SB_BENCH_RT_TOKEN: rt.token });
    host = started.process;
    const { url } = started;
    await build({ entryPoints: [join(__dirname, 'outbox-page.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: join(work, 'bench.js'), logLevel: 'error' });

    // The app's CSP allows its own scripts only; the bench's page script is let in for this run.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(url);
    await page.locator('footer.statusbar').getByRole('button', { name: 'Pause sync' }).waitFor({ timeout: 60_000 });
    await page.addScriptTag({ content: readFileSync(join(work, 'bench.js'), 'utf8') });
    // Wait for the first sync of RT's tickets, then pause: the changes pile up as if offline.
    const deadline = Date.now() + 5 * 60_000;
    let cached: string[] = [];
    while (cached.length < TICKETS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      cached = await page.evaluate(() => window.outboxBench.tickets('rt'));
    }
    if (cached.length < TICKETS) throw new Error(`only ${cached.length} of ${TICKETS} tickets were cached`);
    await page.locator('footer.statusbar').getByRole('button', { name: 'Pause sync' }).click();
    // One click at a time (a tenth of the changes), then the rest as bulk changes over all the tickets.
    const single = Math.max(1, Math.floor(CHANGES / 10));
    const singleMs = await page.evaluate(([t, n]) => window.outboxBench.queue(t, n, 1), [cached, single] as const);
    log(`queued ${single} changes one at a time in ${Math.round(singleMs)} ms (${Math.round(single / (singleMs / 1000))} changes/s, each written with its effects)`);
    const bulk = CHANGES - single;
    const queuedMs = await page.evaluate(([t, n, from]) => window.outboxBench.queue(t, n, t.length, from), [cached, bulk, single] as const);
    const queuedRate = bulk / (queuedMs / 1000);
    log(`queued ${bulk} changes as bulk changes of ${cached.length} in ${Math.round(queuedMs)} ms (${Math.round(queuedRate)} changes/s written with their effects)`);

    // The app: the queued changes flushed (the app's own engine stays paused; the bench calls its flush).
    const cdp = values.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    // CPU by process while each side runs: RT is what the bench's own process tree holds beyond the app.
    const trees = { host: host.pid, 'Chromium *': childNamed(process.pid, 'chromium'), 'RT and the bench': process.pid };
    const cpuOf = () => {
      const all = cpuByTree(trees);
      all['RT and the bench']! -= Object.entries(all).filter(([name]) => name !== 'RT and the bench').reduce((sum, [, seconds]) => sum + seconds, 0);
      return all;
    };
    const appCpu = cpuOf();
    const app = await page.evaluate(() => window.outboxBench.flushAll());
    log(describeCpu(appCpu, cpuOf(), app.ms).replace('during end to end', 'while the app flushed'));
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      log('renderer, most self time while flushing:');
      topSelfTime(profile).forEach((line) => log(line));
    }
    if (app.left > 0) throw new Error(`${app.left} changes were not acknowledged: ${app.done} were`);
    const appRate = CHANGES / (app.ms / 1000);
    log(`switchboard: ${app.done} changes acknowledged in ${Math.round(app.ms)} ms = ${appRate.toFixed(1)} changes/s`);

    // The bare client: the same requests, same order per ticket, same parallelism.
    const etags = new Map<string, string>();
    for (const id of ids) {
      const response = await fetch(`${rt.url}/REST/2.0/ticket/${id}`, { headers: { Authorization: `token ${rt.token}` } });
      etags.set(id, response.headers.get('etag')!);
      await response.text();
    }
    const perTicket = ids.map((id, t) => ({ id, priorities: Array.from({ length: Math.ceil((CHANGES - t) / TICKETS) }, (_, round) => priorities[round % priorities.length]!) }));
    const bareCpu = cpuOf();
    const start = performance.now();
    const queue = [...perTicket];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        for (const priority of next.priorities) {
          const put = await fetch(`${rt.url}/REST/2.0/ticket/${next.id}`, {
            method: 'PUT',
            headers: { Authorization: `token ${rt.token}`, 'Content-Type': 'application/json', 'If-Match': etags.get(next.id)! },
            body: JSON.stringify({ Priority: toRtPriority[priority] }),
          });
          if (!put.ok) throw new Error(`bare PUT ${put.status}`);
          await put.text();
          const get = await fetch(`${rt.url}/REST/2.0/ticket/${next.id}`, { headers: { Authorization: `token ${rt.token}` } });
          etags.set(next.id, get.headers.get('etag')!);
          await get.text();
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const bareMs = performance.now() - start;
    log(describeCpu(bareCpu, cpuOf(), bareMs).replace('during end to end', 'while the bare client ran'));
    const bareRate = CHANGES / (bareMs / 1000);
    log(`bare client: ${CHANGES} changes in ${Math.round(bareMs)} ms = ${bareRate.toFixed(1)} changes/s`);
    log('targets: ratio ≥ 0.8, queued ≥ 300 changes/s');
    log(`outbox: ${appRate.toFixed(1)} changes/s flushed, bare client ${bareRate.toFixed(1)} changes/s, ratio ${(appRate / bareRate).toFixed(2)}, queued ${queuedRate.toFixed(1)} changes/s`);
  } finally {
    await browser.close();
    host?.kill('SIGINT');
    await rt.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
