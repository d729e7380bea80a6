import { expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { users } from '../peers/dovecot';
import { settingsFor } from '../peers/mail';
import { useMailServers } from '../peers/use-mail-servers';

const servers = useMailServers();
const settings = () => settingsFor(servers.dc(), servers.sink().port, users.agent);

it('new mail is pushed (IDLE) within 2 seconds of delivery', async () => {
  const connector = new EmailConnector(settings(), 'agent', () => users.agent.password);
  let notifiedAt = 0;
  const stop = connector.watch(() => (notifiedAt ||= Date.now()));
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the watcher select INBOX and start IDLE
    const sentAt = Date.now();
    await nodemailer.createTransport({ host: '127.0.0.1', port: servers.sink().port, secure: false, ignoreTLS: true })
      .sendMail({ from: users.alice.email, to: users.agent.email, subject: 'Urgent', text: 'Please call me.' });
    await expect.poll(() => notifiedAt, { timeout: 2000, interval: 50 }).toBeGreaterThan(0);
    expect(notifiedAt - sentAt).toBeLessThan(2000);
  } finally {
    stop();
    await connector.close();
  }
});

it('a refused password does not become a retry storm: the watcher backs off', async () => {
  const before = Date.now();
  const attempts: number[] = [];
  // Count connection attempts through the password callback, called once per attempt.
  const counting = new EmailConnector(settings(), 'agent', () => {
    attempts.push(Date.now() - before);
    return 'wrong-password';
  });
  const stop = counting.watch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 4000));
  stop();
  await counting.close();
  expect(attempts.length).toBeGreaterThanOrEqual(2);
  expect(attempts.length).toBeLessThanOrEqual(3); // 0 s, ~1 s (+ auth time), ~3 s: doubling pauses
});
