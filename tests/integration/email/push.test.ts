import { expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { users } from '../peers/dovecot';
import { startCuttingProxy } from '../peers/cutting-proxy';
import { rawClient, settingsFor } from '../peers/mail';
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

it('mail filed in Sent by another client is noticed without waiting for the timed pull', async () => {
  const connector = new EmailConnector(settings(), 'agent', () => users.agent.password, { watch: { cycleMs: 500 } });
  let notified = 0;
  const stop = connector.watch(() => notified++);
  try {
    await new Promise((resolve) => setTimeout(resolve, 800));
    const before = notified;
    const box = await rawClient(servers.dc(), users.agent);
    await box.append('Sent', 'From: agent@example.test\r\nTo: alice@example.test\r\nSubject: Re: Urgent\r\n\r\nCalled her back.\r\n');
    await box.logout();
    await expect.poll(() => notified, { timeout: 3000, interval: 50 }).toBeGreaterThan(before);
  } finally {
    stop();
    await connector.close();
  }
});

it('a watch connection that goes silent is noticed and opened again, and mail that came meanwhile is told', async () => {
  const proxy = await startCuttingProxy(servers.dc().imapPort);
  const base = settings();
  const connector = new EmailConnector({ ...base, imap: { ...base.imap, port: proxy.port } }, 'agent', () => users.agent.password, { watch: { cycleMs: 300, deadlineMs: 500 } });
  let notified = 0;
  const stop = connector.watch(() => notified++);
  try {
    await expect.poll(() => proxy.accepted, { timeout: 3000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.freezeOpen(); // no FIN, no RST: the server and the app each think the other is there
    const before = notified;
    await nodemailer.createTransport({ host: '127.0.0.1', port: servers.sink().port, secure: false, ignoreTLS: true })
      .sendMail({ from: users.alice.email, to: users.agent.email, subject: 'While the line was dead', text: 'Hello?' });
    await expect.poll(() => proxy.accepted, { timeout: 5000, interval: 100 }).toBe(2);
    await expect.poll(() => notified, { timeout: 3000, interval: 50 }).toBeGreaterThan(before);
  } finally {
    stop();
    await connector.close();
    await proxy.stop();
  }
});
