/**
 * Debian's Chromium, used by Playwright and by vitest's browser mode. Playwright's own browser download
 * is not reachable from these machines; where Debian's binary is absent, Playwright's default applies.
 */
import { existsSync } from 'node:fs';

const debianChromium = '/usr/lib/chromium/chromium';

export const chromiumExecutable: string | undefined =
  process.env.SWITCHBOARD_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
