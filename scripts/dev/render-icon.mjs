// Renders resources/icon.svg to the PNG sizes the installers and the page need (run by hand after editing the SVG).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const svg = readFileSync(new URL('../../resources/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [size, out] of [[1024, 'resources/icon.png'], [64, 'renderer/public/favicon.png']]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  await page.screenshot({ path: out, omitBackground: true });
  await page.close();
}
await browser.close();
