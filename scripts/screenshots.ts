/**
 * npm run screenshots: the main screens of the demo workspace in browser mode, in Chromium, written to
 * docs/screenshots/ for the README (English light, Russian dark, the KPI dashboard, the command palette,
 * Settings). Run after `npm run build`.
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../tests/support/chromium';
import { startBrowserMode, stopHost } from '../tests/support/browser-mode';
import { tempDir } from '../tests/support/temp';

const out = join(__dirname, '../docs/screenshots');

async function main() {
  mkdirSync(out, { recursive: true });
  const dir = tempDir('switchboard-screens-');
  const host = await startBrowserMode(dir.path);
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    for (const { lang, scheme, suffix } of [{ lang: 'en-US', scheme: 'light', suffix: '' }, { lang: 'ru-RU', scheme: 'dark', suffix: '-ru-dark' }] as const) {
      const context = await browser.newContext({ locale: lang, colorScheme: scheme, viewport: { width: 1440, height: 860 } });
      const page = await context.newPage();
      await page.goto(host.url);
      const open = page.getByRole('navigation').locator('.view .count').first();
      for (let i = 0; i < 100 && Number((await open.textContent()) || 0) < 100; i++) await page.waitForTimeout(200);
      await page.getByRole('listbox').getByRole('option').nth(1).click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(out, `inbox${suffix}.png`) });
      if (suffix) {
        await context.close();
        continue;
      }
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('show');
      await page.screenshot({ path: join(out, 'command-palette.png') });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'KPIs' }).click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(out, 'kpi.png') });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, 'settings.png') });
      await context.close();
    }
    console.log(`screenshots written to ${out}`);
  } finally {
    await browser.close();
    await stopHost(host);
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
