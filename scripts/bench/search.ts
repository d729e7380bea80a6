/**
 * npm run bench:search [-- --tickets N --rounds R]: offline search in Chromium over a generated corpus of
 * English and Russian support mail (default 100,000 tickets, about 300,000 messages). Switchboard's
 * index is built the app's way (cache writes → queue → indexer → IndexedDB); FlexSearch and MiniSearch,
 * each in a browser of its own, index the same tickets as plain text. Prints build rate, index size on
 * disk, heap (JS heap plus array buffers, after GC once the queries have run, minus the page's heap
 * before building), query latency p50/p95 over a fixed mix, and the cold start to a first result from a
 * fresh browser.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumExecutable } from '../../tests/support/chromium';
import { heapOf } from './heap';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' }, only: { type: 'string' } } });
const TICKETS = Number(values.tickets);
const ROUNDS = Number(values.rounds);
const log = (line: string) => console.log(line);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/** What agents type: single words, several words, names, Russian word forms, and words half-typed. */
export const queries = [
  'refund', 'invoice', 'charged twice', 'password reset', 'tracking number', 'replacement', 'dashboard blank', 'mobile app',
  'calendar sync', 'order history', 'discount code', 'escalate deadline', 'VAT number', 'two-factor login', 'carrier claim',
  'subscription price', 'refu', 'invo', 'deliv', 'screenshot error',
  'оплата', 'возврат', 'пароль', 'доставка', 'счёт', 'двойное списание', 'личный кабинет', 'ошибка', 'промокод', 'трек-номер',
  'заказ', 'курьер', 'опла', 'возвр', 'договор', 'не могу войти', 'реквизиты', 'Olivia Carter', 'Смирнов', 'Анна',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><meta charset="utf-8"><title>bench</title><script src="bench.js"></script>';
  const js = readFileSync(join(dir, 'bench.js'));
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/bench.js')) res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const heap = heapOf;

const launchArgs = { executablePath: chromiumExecutable, args: chromiumArgs };

async function latency(page: Page, engine: 'ours' | 'flex' | 'mini') {
  await page.evaluate(([e, q]) => window.bench.run(e, q, 1), [engine, queries] as const); // warm-up round
  const { times, hits } = await page.evaluate(([e, q, r]) => window.bench.run(e, q, r), [engine, queries, ROUNDS] as const);
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), hits };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'sb-bench-search-'));
  const profile = join(work, 'profile');
  let server: Server | null = null;
  let context: BrowserContext | null = null;
  let browser: Browser | null = null;
  try {
    await build({ entryPoints: [join(__dirname, 'search-page.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: join(work, 'bench.js'), logLevel: 'error' });
    const served = await serve(work);
    server = served.server;
    log(`search bench: ${TICKETS} tickets, ${queries.length} queries × ${ROUNDS} rounds, Chromium ${chromiumExecutable ?? '(Playwright default)'}`);

    // FlexSearch and MiniSearch, each in a browser of its own.
    const other = async (engine: 'flex' | 'mini', name: string) => {
      browser = await chromium.launch(launchArgs);
      const p = await browser.newPage();
      await p.goto(served.url);
      const before = await heap(p);
      const b = await p.evaluate(([e, n]) => (e === 'flex' ? window.bench.buildFlex(n) : window.bench.buildMini(n)), [engine, TICKETS] as const);
      await heap(p); // collected before the queries, as after building ours
      const l = await latency(p, engine);
      const h = (await heap(p)) - before; // with whatever the queries keep
      log(`${name}: built in ${(b.ms / 1000).toFixed(1)} s (${Math.round(TICKETS / (b.ms / 1000))} tickets/s), heap ${mb(h)} MB, p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms`);
      await browser.close();
      browser = null;
      return { heap: h, rate: TICKETS / (b.ms / 1000), ...l };
    };
    // Switchboard: fill the cache, build the index the app's way, measure, then start cold.
    if (values.only === 'flex') {
      await other('flex', 'flexsearch');
      return;
    }
    context = await chromium.launchPersistentContext(profile, launchArgs);
    let page = await context.newPage();
    await page.goto(served.url);
    const filled = await page.evaluate((n) => window.bench.populate(n), TICKETS);
    log(`cache: ${TICKETS} tickets, ${filled.messages} messages written in ${(filled.ms / 1000).toFixed(1)} s`);
    const storageBefore = await page.evaluate(() => window.bench.storage());
    const heapBefore = await heap(page);
    const built = await page.evaluate(() => window.bench.buildOurs());
    const disk = (await page.evaluate(() => window.bench.storage())) - storageBefore;
    await heap(page); // the building's garbage collected before the queries
    const ours = await latency(page, 'ours');
    // After the queries: what they keep counts too (each ticket's ranking factor, the per-ticket marks).
    const heapOurs = (await heap(page)) - heapBefore;
    log(`switchboard: built in ${(built.ms / 1000).toFixed(1)} s (${Math.round(built.tickets / (built.ms / 1000))} tickets/s, ${Math.round(filled.messages / (built.ms / 1000))} messages/s), index on disk ${mb(built.bytes)} MB (the snapshot row; Chromium's storage estimate moved by ${mb(disk)} MB, which also counts IndexedDB's own logs and compaction), heap ${mb(heapOurs)} MB, p50 ${ours.p50.toFixed(2)} ms, p95 ${ours.p95.toFixed(2)} ms`);
    await context.close();
    context = await chromium.launchPersistentContext(profile, launchArgs);
    page = await context.newPage();
    await page.goto(`${served.url}#cold=${encodeURIComponent('оплата заказ')}`);
    const cold = await page.evaluate(() => window.cold!);
    log(`switchboard cold start: first result (${cold.hits} hits) ${Math.round(cold.atMs)} ms after navigation, in a freshly started browser (page script running at ${Math.round(cold.scriptMs)} ms; index loaded from IndexedDB in ${Math.round(cold.loadMs)} ms)`);
    await context.close();
    context = null;

    const flex = await other('flex', 'flexsearch');
    if (values.only === 'flex') return;
    const mini = await other('mini', 'minisearch');
    const hitLine = (hits: number[]) => queries.map((q, i) => `${q}=${hits[i]}`).join(' ');
    log(`hits (top ${100}) switchboard: ${hitLine(ours.hits)}`);
    log(`hits (top ${100}) flexsearch: ${hitLine(flex.hits)}`);
    log(`hits (top ${100}) minisearch: ${hitLine(mini.hits)}`);
    log('targets: p95 ≤ FlexSearch, heap ≤ ⅓ of FlexSearch, build rate ≥ ½ of FlexSearch');
    log(`search: p95 ${ours.p95.toFixed(2)} ms (FlexSearch ${flex.p95.toFixed(2)} ms), heap ${mb(heapOurs)} MB (FlexSearch ${mb(flex.heap)} MB), cold start ${Math.round(cold.atMs)} ms, build ${Math.round(built.tickets / (built.ms / 1000))} tickets/s (FlexSearch ${Math.round(flex.rate)} tickets/s)`);
  } finally {
    await context?.close().catch(() => undefined);
    await (browser as Browser | null)?.close().catch(() => undefined);
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
