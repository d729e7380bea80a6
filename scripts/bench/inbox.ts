/**
 * npm run bench:inbox [-- --tickets N --rounds R --keep-profile DIR --skip-app --app-tickets M --profile]: the inbox's views over a
 * cache of N tickets (default 100,000) in Chromium's IndexedDB, read the app's way (renderer/db/views.ts).
 * Prints the default view's first page p50/p95, every view × sort (and narrowed to an account, a channel)
 * p95, the sidebar counts; then, from the whole app over the same N tickets with their conversations
 * (inbox-app.ts), a fresh window's time to its first page and its JS heap with the search index loaded.
 * Last, exactly: `inbox: first page p95 P ms at N tickets, view switch p95 V ms, counts p95 C ms, heap H MB,
 * cold first page F ms`. Targets: P ≤ 15, V ≤ 50, C ≤ 10, H ≤ 250, F ≤ 1000.
 */
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumExecutable } from '../../tests/support/chromium';
import { appFigures } from './inbox-app';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' }, 'keep-profile': { type: 'string' }, 'skip-app': { type: 'boolean', default: false }, 'app-tickets': { type: 'string' }, profile: { type: 'boolean', default: false } } });
const TICKETS = Number(values.tickets);
const ROUNDS = Number(values.rounds);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'sb-bench-inbox-'));
  let server: Server | null = null;
  let browser: Browser | null = null;
  let closeContext = async () => undefined as unknown;
  try {
    await build({ entryPoints: [join(__dirname, 'inbox-page.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: join(work, 'bench.js'), logLevel: 'error' });
    const js = readFileSync(join(work, 'bench.js'));
    server = createServer((req, res) => {
      if (req.url?.startsWith('/bench.js')) res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>bench</title><script src="bench.js"></script>');
    });
    await new Promise<void>((resolve) => server!.listen(values['keep-profile'] ? 47311 : 0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    console.log(`inbox bench: ${TICKETS} tickets, ${ROUNDS} rounds, Chromium ${chromiumExecutable ?? '(Playwright default)'}`);
    // --keep-profile DIR: the browser profile (and the cache in it, on a fixed port: same origin) stays for the next run.
    const context = values['keep-profile']
      ? await chromium.launchPersistentContext(values['keep-profile'], { executablePath: chromiumExecutable, args: chromiumArgs })
      : await (browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })).newContext();
    closeContext = () => context.close();
    const page = await context.newPage();
    await page.goto(url);
    if ((await page.evaluate(() => window.inboxBench.count())) !== TICKETS) {
      const filled = await page.evaluate((n) => window.inboxBench.populate(n), TICKETS);
      console.log(`cache: ${TICKETS} tickets written in ${(filled.ms / 1000).toFixed(1)} s`);
    }
    const count = await page.evaluate(() => window.inboxBench.count());
    await page.evaluate(() => window.inboxBench.firstPage(3)); // warm-up: the first reads open IndexedDB's files
    const first = await page.evaluate((r) => window.inboxBench.firstPage(r), ROUNDS * 10);
    console.log(`first page (All open by SLA due, one page): p50 ${percentile(first, 50).toFixed(1)} ms, p95 ${percentile(first, 95).toFixed(1)} ms over ${first.length} reads`);
    const switches = await page.evaluate((r) => window.inboxBench.switches(r), ROUNDS);
    console.log(`view switch (${Object.keys(switches.rows).length} views × sorts, ${switches.times.length} reads): p50 ${percentile(switches.times, 50).toFixed(1)} ms, p95 ${percentile(switches.times, 95).toFixed(1)} ms, slowest ${switches.slowest}`);
    console.log(`rows per view: ${Object.entries(switches.rows).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    console.log(`p95 per view: ${Object.entries(switches.each).map(([k, v]) => [k, percentile(v, 95)] as const).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    const firstCounts = await page.evaluate(() => window.inboxBench.counts(1)); // a cache from before the counters counts once
    console.log(`sidebar counts, first read: ${firstCounts.times[0]!.toFixed(1)} ms`);
    const counts = await page.evaluate((r) => window.inboxBench.counts(r), ROUNDS * 10);
    console.log(`sidebar counts: p50 ${percentile(counts.times, 50).toFixed(1)} ms, p95 ${percentile(counts.times, 95).toFixed(1)} ms — ${Object.entries(counts.counts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    await closeContext();
    await browser?.close();
    const app = values['skip-app'] ? null : await appFigures(Number(values['app-tickets'] ?? TICKETS), join(work, 'bench.js'), (line) => console.log(line), values.profile);
    if (app) console.log(`app, fresh window: first page after ${app.coldMs} ms; JS heap and array buffers ${app.heapMb.toFixed(1)} MB after a GC, with the search index loaded`);
    console.log('targets: first page ≤ 15 ms, view switch ≤ 50 ms, counts ≤ 10 ms, heap ≤ 250 MB, cold first page ≤ 1000 ms');
    const appPart = app ? `heap ${app.heapMb.toFixed(1)} MB, cold first page ${app.coldMs} ms` : 'heap (skipped) MB, cold first page (skipped) ms';
    console.log(`inbox: first page p95 ${percentile(first, 95).toFixed(1)} ms at ${count} tickets, view switch p95 ${percentile(switches.times, 95).toFixed(1)} ms, counts p95 ${percentile(counts.times, 95).toFixed(1)} ms, ${appPart}`);
  } finally {
    await closeContext().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
