/**
 * The Dovecot-based journeys run where Dovecot is installed (Linux CI); elsewhere they say why they are
 * skipped. `useMailPeers` starts Dovecot and the SMTP server for a spec file and stops them after.
 */
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { startDovecot, type Dovecot } from '../integration/peers/dovecot';
import { startSmtpSink, type SmtpSink } from '../integration/peers/smtp-sink';

export function dovecotAvailable(): boolean {
  try {
    execFileSync('dovecot', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function useMailPeers(): { dc: () => Dovecot; sink: () => SmtpSink } {
  const available = dovecotAvailable();
  if (!available) console.log('skipped: Dovecot is not installed here (the email journeys run on Linux CI)');
  test.skip(!available, 'Dovecot is not installed here');
  let dc: Dovecot | undefined;
  let sink: SmtpSink | undefined;
  test.beforeAll(async () => {
    dc = await startDovecot();
    sink = await startSmtpSink(dc.lmtpSocket);
  });
  test.afterAll(async () => {
    await sink?.stop();
    dc?.stop();
  });
  return { dc: () => dc!, sink: () => sink! };
}
