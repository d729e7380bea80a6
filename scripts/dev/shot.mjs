import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const host = spawn('node', ['out/main/host.js', '--no-open', '--data-dir', '/tmp/sbdata', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((r) => host.stdout.on('data', (d) => { const m = /browser mode: (\S+)/.exec(String(d)); if (m) r(m[1]); }));
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: process.env.LOC || 'en-US' });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(2500);
await page.locator('.row').nth(2).click().catch(e=>console.log(e.message));
await page.waitForTimeout(500);
if (process.env.SETTINGS) { await page.getByRole('button', { name: /Settings|Настройки/ }).click(); await page.getByRole('button', { name: /Add email account|Добавить почтовый ящик/ }).click(); await page.waitForTimeout(300); }
await page.screenshot({ path: process.env.OUT || '/tmp/shot.png' });
await browser.close(); host.kill('SIGINT');
