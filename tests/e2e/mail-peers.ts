/**
 * The Dovecot-based journeys run where Dovecot is installed (Linux CI); elsewhere they say why they are
 * skipped. `useMailPeers` starts Dovecot and the SMTP server for a spec file and stops them after.
 */
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, users, type Dovecot } from '../integration/peers/dovecot';
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

/** An accounts file in `dir` provisioning the agent's Dovecot mailbox (its password by environment variable). */
export function mailboxAccountsFile(peers: { dc: () => Dovecot; sink: () => SmtpSink }, dir: string): string {
  return agentAccountsFile(dir, peers.dc().imapPort, peers.sink().port);
}

/** An accounts file in `dir` provisioning the agent's mailbox on the IMAP server at `imapPort` (any of them). */
export function agentAccountsFile(dir: string, imapPort: number, smtpPort: number): string {
  const file = join(dir, 'accounts.json');
  writeFileSync(file, JSON.stringify({ accounts: [{
    type: 'imap', name: 'Support', email: users.agent.email, username: users.agent.email, passwordEnv: 'SB_E2E_PASSWORD',
    imap: { host: '127.0.0.1', port: imapPort, security: 'none' }, smtp: { host: '127.0.0.1', port: smtpPort, security: 'none' },
  }] }));
  process.env.SB_E2E_PASSWORD = users.agent.password;
  return file;
}
