/**
 * What the test peers need, and whether this machine has it: the test configurations leave out what
 * cannot run here and print one line each saying what is missing and how to install it, so `npm test`
 * passes on macOS, Windows or a Linux without the Debian packages, saying what it did not test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './chromium';

const works = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export const dovecotInstalled = (): boolean => works('dovecot', ['--version']);

export const rtInstalled = (): boolean => existsSync('/usr/share/request-tracker5/libexec/rt-server') && existsSync('/usr/sbin/rt-setup-database-5');

/** Debian's Chromium, one named by SWITCHBOARD_CHROMIUM, or Playwright's own (npx playwright install chromium). */
export const chromiumFound = (): boolean => (chromiumExecutable !== undefined && existsSync(chromiumExecutable)) || existsSync(chromium.executablePath());

export const HOW_TO = {
  dovecot: 'Dovecot is not installed here (Debian: sudo apt-get install dovecot-imapd dovecot-lmtpd, or bash .ci/run; the email tests run on Linux CI)',
  rt: 'Request Tracker 5 is not installed here (Debian: sudo apt-get install request-tracker5 rt5-db-sqlite, or bash .ci/run)',
  chromium: 'no Chromium here (Debian: sudo apt-get install chromium fonts-dejavu-core; macOS and Windows: npx playwright install chromium)',
};
