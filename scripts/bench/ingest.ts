/**
 * npm run bench:ingest [-- --messages N]: email ingest from a real Dovecot into the app's cache.
 * Measures, in one run over the same messages: imapflow FETCH alone, mailparser alone, raw IndexedDB
 * puts alone (Chromium), and the whole app end to end (browser mode: IMAP → parse → WebSocket →
 * threading → IndexedDB), with the time until the first page of the inbox shows. CPU per message is the
 * comparison that does not depend on the number of cores: every process's CPU during the end-to-end run
 * (host, Chromium, Dovecot) against the sum of the stages' CPU alone (FETCH: this process and Dovecot;
 * mailparser: this process; IndexedDB puts: Chromium), per message. Linux only (/proc); elsewhere "n/a".
 */
import { chromium } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMail } from '../../main/connectors/email/parse';
import { startDovecot, users } from '../../tests/integration/peers/dovecot';
import { rawClient } from '../../tests/integration/peers/mail';
import { chromiumArgs, chromiumExecutable } from '../../tests/support/chromium';
import { generateMail } from './mail-corpus';
import { startBenchHost } from './host';
import { topSelfTime, type CpuProfile } from './profile';
import { childNamed, cpuByTree, describeCpu } from './cpu';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, profile: { type: 'boolean', default: false } } });
const N = Number(values.messages);
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
const log = (line: string) => console.log(line);
/** CPU seconds of this process so far (user + system). */
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const sum = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);

async function main() {
  const dc = await startDovecot();
  const data = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  let host: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    // Seed the mailbox.
    const corpus = generateMail(N);
    const bytes = corpus.reduce((sum, m) => sum + m.length, 0);
    const seeding = await rawClient(dc, users.agent);
    let t = Date.now();
    // APPENDs pipelined a few at a time (imapflow queues them on the one connection).
    for (let i = 0; i < corpus.length; i += 20) {
      await Promise.all(corpus.slice(i, i + 20).map((raw) => seeding.append('INBOX', raw)));
      if ((i + 20) % 2000 === 0) log(`  seeded ${i + 20} of ${N}`);
    }
    await seeding.logout();
    log(`seeded ${N} messages (${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - t} ms`);

    // Stage 1: imapflow FETCH of every message's source.
    const client = await rawClient(dc, users.agent);
    const sources: Buffer[] = [];
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    const fetchCpuBefore = ownCpu() + sum(cpuByTree({ Dovecot: dc.pid }));
    t = Date.now();
    for await (const m of client.fetch('1:*', { uid: true, source: true }, { uid: true })) if (m.source) sources.push(m.source);
    const fetchMs = Date.now() - t;
    const fetchCpu = ownCpu() + sum(cpuByTree({ Dovecot: dc.pid })) - fetchCpuBefore;
    lock.release();
    await client.logout();
    const fetchRate = rate(sources.length, fetchMs);
    log(`imapflow FETCH: ${sources.length} messages in ${fetchMs} ms = ${fetchRate} msg/s`);

    // Stage 2: mailparser over the same messages.
    const parseCpuBefore = ownCpu();
    t = Date.now();
    const sizes: number[] = [];
    for (let i = 0; i < sources.length; i++) {
      const parsed = await parseMail(sources[i]!, { accountId: 'bench', folder: 'INBOX', uidValidity: 1, uid: i + 1, flags: [], size: sources[i]!.length, ownAddresses: [users.agent.email] });
      sizes.push(parsed.text.length);
    }
    const parseMs = Date.now() - t;
    const parseCpu = ownCpu() - parseCpuBefore;
    const parseRate = rate(sources.length, parseMs);
    log(`mailparser: ${sources.length} messages in ${parseMs} ms = ${parseRate} msg/s`);

    // The app in browser mode, with the account provisioned.
    const accounts = join(data, 'accounts.json');
    writeFileSync(accounts, JSON.stringify({ accounts: [{
      type: 'imap', name: 'Bench', email: users.agent.email, username: users.agent.email, passwordEnv: 'SB_BENCH_PASSWORD', folders: ['INBOX'],
      imap: { host: '127.0.0.1', port: dc.imapPort, security: 'none' }, smtp: { host: '127.0.0.1', port: 1, security: 'none' },
    }] }));
    const profileDir = join(data, 'profile');
    const started = await startBenchHost(join(data, 'app'), accounts, { SB_BENCH_PASSWORD: users.agent.password }, values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
    host = started.process;
    const { url } = started;
    const origin = new URL(url).origin;

    // Stage 3: raw IndexedDB puts of message-sized rows, in the same browser, same page sizes.
    const scratchContext = await browser.newContext();
    const scratch = await scratchContext.newPage();
    await scratch.goto(`${origin}/`);
    const chromiumTree = { 'Chromium *': childNamed(process.pid, 'chromium') };
    const idbCpuBefore = sum(cpuByTree(chromiumTree));
    const idbMs = await scratch.evaluate(async (lengths: number[]) => {
      const open = indexedDB.open('bench-raw', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('messages', { keyPath: 'id' }).createIndex('ticket', 'ticketId');
      const idb = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const start = performance.now();
      for (let from = 0; from < lengths.length; from += 200) {
        const tx = idb.transaction('messages', 'readwrite');
        const store = tx.objectStore('messages');
        for (let i = from; i < Math.min(from + 200, lengths.length); i++) {
          store.put({ id: `m${i}`, ticketId: `t${Math.floor(i / 3)}`, createdAt: i, text: 'x'.repeat(lengths[i]!), author: { name: 'Customer', email: 'c@example.com' } });
        }
        await new Promise((resolve) => (tx.oncomplete = resolve));
      }
      return performance.now() - start;
    }, sizes);
    const idbCpu = sum(cpuByTree(chromiumTree)) - idbCpuBefore;
    await scratchContext.close();
    const idbRate = rate(sizes.length, idbMs);
    log(`IndexedDB puts: ${sizes.length} messages in ${Math.round(idbMs)} ms = ${idbRate} msg/s`);

    // End to end, in a fresh browser profile.
    const page = await (await browser.newContext()).newPage();
    // The longest task on the UI thread while the sync runs (Long Tasks API: tasks over 50 ms).
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: Array<[number, number]> };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = values.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const trees = { host: host.pid, 'Chromium *': childNamed(process.pid, 'chromium'), Dovecot: dc.pid };
    const cpuBefore = cpuByTree(trees);
    const start = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 0, undefined, { timeout: 60_000, polling: 10 });
    const firstPage = Date.now() - start;
    const firstPageAt = await page.evaluate(() => performance.now());
    const countMessages = () =>
      page.evaluate(() => new Promise<number>((resolve) => {
        const open = indexedDB.open('switchboard');
        open.onsuccess = () => {
          const request = open.result.transaction('messages').objectStore('messages').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }));
    // Done when the app says so (a cheap look at the status bar rather than counting the cache every few
    // milliseconds, which would compete with the sync for IndexedDB), then checked with one count.
    const deadline = Date.now() + 20 * 60_000;
    let cached = 0;
    while (cached < N && Date.now() < deadline) {
      await page.waitForFunction(() => document.querySelector('footer[role="status"]')?.textContent?.startsWith('Up to date'), undefined, { timeout: deadline - Date.now(), polling: 20 });
      cached = await countMessages();
      if (cached < N) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const totalMs = Date.now() - start;
    const cpuAfter = cpuByTree(trees);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: Array<[number, number]> }).longTasks);
    // The sync begins once the app's code has run (renderer/sync/engine.ts marks it): the task that
    // evaluates the app's script comes before it and is counted in the first page, not in the sync.
    const syncAt = await page.evaluate(() => performance.getEntriesByName('switchboard:sync-started')[0]?.startTime ?? 0);
    const longestOf = (list: Array<[number, number]>) => Math.round(Math.max(0, ...list.map(([, d]) => d)));
    const duringSync = tasks.filter(([at, d]) => at + d > syncAt);
    const longest = longestOf(duringSync);
    if (cached < N) throw new Error(`only ${cached} of ${N} messages were cached within 20 minutes`);
    const e2e = rate(N, totalMs);
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      log('renderer, most self time:');
      topSelfTime(profile).forEach((line) => log(line));
    }
    log(`end to end: ${N} messages cached in ${totalMs} ms = ${e2e} msg/s; first page shown after ${firstPage} ms`);
    // Where the way to the first page went, on the page's own clock (0: the navigation began).
    const phases = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const script = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.endsWith('.js'));
      return { html: nav?.responseEnd ?? 0, scriptAsked: script?.startTime ?? 0, scriptLoaded: script?.responseEnd ?? 0 };
    });
    const ms = (at: number) => Math.round(at);
    log(`first page by phase, on the page's clock: HTML at ${ms(phases.html)} ms, script asked at ${ms(phases.scriptAsked)} and loaded at ${ms(phases.scriptLoaded)}, sync began at ${ms(syncAt)}, first page seen at ${ms(firstPageAt)}`);
    log(describeCpu(cpuBefore, cpuAfter, totalMs));

    const measured = sum(cpuAfter) > 0;
    const perMessage = (seconds: number) => (measured ? ((seconds * 1000) / N).toFixed(2) : 'n/a');
    const e2eCpu = sum(cpuAfter) - sum(cpuBefore);
    const stagesCpu = fetchCpu + parseCpu + idbCpu;
    log(`CPU per message: FETCH ${perMessage(fetchCpu)} ms, mailparser ${perMessage(parseCpu)} ms, IndexedDB puts ${perMessage(idbCpu)} ms; end to end ${perMessage(e2eCpu)} ms`);
    log(`longest task on the page's thread: ${longestOf(tasks.filter(([at, d]) => at + d <= syncAt))} ms starting the app (its script, before the sync), ${longest} ms during the sync (${longestOf(duringSync.filter(([at]) => at < firstPageAt))} ms of it until the first page, ${longestOf(tasks.filter(([at]) => at >= firstPageAt))} ms after it)`);
    log(`targets: overhead ≤ 1.5, first page ≤ 1000 ms, longest task ≤ 100 ms`);
    log(`ingest: ${e2e} msg/s end-to-end, cpu per message ${perMessage(e2eCpu)} ms (stages ${perMessage(stagesCpu)} ms), overhead ${measured ? (e2eCpu / stagesCpu).toFixed(2) : 'n/a'}, first page ${firstPage} ms, longest task ${longest} ms`);
  } finally {
    await browser.close();
    host?.kill('SIGINT');
    if (values.profile && host) {
      if (host.exitCode === null && host.signalCode === null) await new Promise((resolve) => host!.once('exit', resolve));
      const dir = join(data, 'profile');
      for (const file of existsSync(dir) ? readdirSync(dir) : []) {
        log('main (host), most self time:');
        topSelfTime(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile).forEach((line) => log(line));
      }
    }
    dc.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
