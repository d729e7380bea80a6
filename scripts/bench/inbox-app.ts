/**
 * The inbox benchmark's figures that need the whole app (browser mode, an on-disk browser profile as
 * Electron has): N tickets with their conversations written into the app's own cache, the search index
 * built by the app; then fresh windows in turn — the median time until the first page of the inbox
 * shows — and the last window's JS heap (with array buffers) once a search has run (tickets cached, the
 * inbox open, the search index loaded), after a GC.
 */
import { chromium } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../../tests/support/chromium';
import { heapOf } from './heap';
import { startBenchHost } from './host';
import { topSelfTime, type CpuProfile } from './profile';

const INDEX_DEADLINE_MS = 20 * 60_000;
/** Fresh windows opened in turn, and the pause after each closes. */
const WINDOWS = 5;
const WINDOW_PAUSE_MS = 3_000;

export async function appFigures(tickets: number, benchJs: string, log: (line: string) => void, profile = false): Promise<{ coldMs: number; heapMb: number }> {
  const work = mkdtempSync(join(tmpdir(), 'sb-bench-inbox-app-'));
  let host: ChildProcess | null = null;
  const context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: chromiumExecutable, args: chromiumArgs, bypassCSP: true });
  try {
    writeFileSync(join(work, 'accounts.json'), JSON.stringify({ accounts: [] }));
    const started = await startBenchHost(join(work, 'app'), join(work, 'accounts.json'), {});
    host = started.process;
    const statusBar = (page: import('@playwright/test').Page) => page.locator('footer.statusbar').waitFor({ timeout: 60_000 });

    // Fill the app's cache from inside its own window (same origin), then let the app index all of it.
    const filling = await context.newPage();
    await filling.goto(started.url);
    await statusBar(filling);
    await filling.addScriptTag({ content: readFileSync(benchJs, 'utf8') });
    await filling.evaluate(() => window.inboxBench.use('switchboard'));
    const filled = await filling.evaluate((n) => window.inboxBench.populate(n, true), tickets);
    log(`app: ${tickets} tickets with their conversations written in ${(filled.ms / 1000).toFixed(1)} s; the app indexes them…`);
    // The bench wrote through a cache object of its own, which the app's search does not hear: the app
    // is started again, and finds the work queued (as after a sync that a crash cut short).
    await filling.close();
    const indexing = await context.newPage();
    await indexing.goto(started.url);
    await statusBar(indexing);
    await indexing.addScriptTag({ content: readFileSync(benchJs, 'utf8') });
    await indexing.evaluate(() => window.inboxBench.use('switchboard'));
    const indexStart = Date.now();
    let left = await indexing.evaluate(() => window.inboxBench.searchQueued());
    while (left > 0 && Date.now() - indexStart < INDEX_DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      left = await indexing.evaluate(() => window.inboxBench.searchQueued());
    }
    if (left > 0) throw new Error(`the search index was not built within ${INDEX_DEADLINE_MS / 60_000} minutes (${left} tickets left)`);
    log(`app: search index built in ${((Date.now() - indexStart) / 1000).toFixed(1)} s`);
    await indexing.close();

    // Fresh windows over that cache, one after another, each once the one before has closed and the
    // cache has been left alone a moment (a single window's time moves by hundreds of milliseconds with
    // what the browser and IndexedDB are still finishing): the median is the figure.
    const times: number[] = [];
    let page: import('@playwright/test').Page | null = null;
    let cdp: import('@playwright/test').CDPSession | null = null;
    for (let n = 0; n < WINDOWS; n++) {
      if (page) {
        await cdp?.detach();
        await page.close();
        await new Promise((resolve) => setTimeout(resolve, WINDOW_PAUSE_MS));
      }
      page = await context.newPage();
      cdp = await context.newCDPSession(page);
      const profiling = profile && n === WINDOWS - 1;
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const opened = Date.now();
      await page.goto(started.url);
      await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 0, undefined, { timeout: 60_000, polling: 10 });
      times.push(Date.now() - opened);
      if (profiling) {
        const { profile: taken } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        log('fresh window until its first page, most self time:');
        topSelfTime(taken).forEach((line) => log(line));
      }
    }
    const coldMs = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    log(`app: ${WINDOWS} fresh windows, first page after ${times.join(', ')} ms (median ${coldMs} ms)`);
    if (!page || !cdp) throw new Error('no window was opened');
    const box = page.getByRole('searchbox', { name: 'Search all history' });
    await box.fill('refund');
    await page.getByRole('status').filter({ hasText: /tickets? found/ }).waitFor({ timeout: 120_000 });
    await cdp.detach();
    return { coldMs, heapMb: (await heapOf(page)) / 1024 / 1024 };
  } finally {
    await context.close().catch(() => undefined);
    host?.kill('SIGINT');
    rmSync(work, { recursive: true, force: true });
  }
}
