import { beforeAll, describe, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { users, type Dovecot } from '../peers/dovecot';
import { settingsFor } from '../peers/mail';
import { freePort } from '../peers/ports';
import type { SmtpSink } from '../peers/smtp-sink';
import { useMailServers } from '../peers/use-mail-servers';

const servers = useMailServers();
let dc: Dovecot;
let sink: SmtpSink;
beforeAll(() => {
  dc = servers.dc();
  sink = servers.sink();
});

describe('Test connection says exactly what failed', () => {
  it('succeeds with the right settings', async () => {
    const connector = new EmailConnector(settingsFor(dc, sink.port, users.agent), 'a', () => users.agent.password);
    expect(await connector.testConnection()).toEqual({ ok: true, notes: [] });
  });

  it('a wrong password: "The mail server refused the password for agent@…"', async () => {
    const connector = new EmailConnector(settingsFor(dc, sink.port, users.agent), 'a', () => 'wrong');
    expect(await connector.testConnection()).toEqual({
      ok: false,
      problem: 'auth',
      message: 'The mail server refused the password for agent@example.test.',
    });
    // …and a pull says the agent must sign in again, rather than "unavailable".
    await expect(connector.pull(null)).rejects.toMatchObject({ code: 'needs_sign_in' });
  });

  it('nothing listening on the port', async () => {
    const port = await freePort();
    const settings = settingsFor(dc, sink.port, users.agent);
    const connector = new EmailConnector({ ...settings, imap: { ...settings.imap, port } }, 'a', () => users.agent.password);
    expect(await connector.testConnection()).toMatchObject({ ok: false, problem: 'connect', message: `Nothing answered at 127.0.0.1:${port}. Check the port and that the server is running.` });
  });

  it('a folder that does not exist', async () => {
    const connector = new EmailConnector(settingsFor(dc, sink.port, users.agent, { folders: ['INBOX', 'Support Queue'] }), 'a', () => users.agent.password);
    expect(await connector.testConnection()).toMatchObject({ ok: false, problem: 'capability', message: 'The mailbox has no folder "Support Queue".' });
  });

  it('an untrusted self-signed certificate: its fingerprint, and once trusted, a working TLS connection', async () => {
    const settings = settingsFor(dc, sink.port, users.agent);
    const tls = { ...settings, imap: { host: '127.0.0.1', port: dc.imapsPort, security: 'tls' as const } };
    const untrusted = await new EmailConnector(tls, 'a', () => users.agent.password).testConnection();
    expect(untrusted).toMatchObject({ ok: false, problem: 'certificate' });
    if (untrusted.ok) return;
    expect(untrusted.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(untrusted.message).toContain(untrusted.fingerprint);

    const trusted = new EmailConnector({ ...tls, imap: { ...tls.imap, fingerprint: untrusted.fingerprint } }, 'a', () => users.agent.password);
    expect(await trusted.testConnection()).toMatchObject({ ok: true });
    const page = await trusted.pull(null);
    expect(page.nextCursor).toContain('INBOX');
    await trusted.close();

    const wrongPin = new EmailConnector({ ...tls, imap: { ...tls.imap, fingerprint: untrusted.fingerprint!.replace(/^../, untrusted.fingerprint!.startsWith('00') ? '11' : '00') } }, 'a', () => users.agent.password);
    expect(await wrongPin.testConnection()).toMatchObject({ ok: false });
  });

  it('STARTTLS with the server certificate as CA file', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dc.dir}/ca.pem`, dc.caPem);
    const settings = settingsFor(dc, sink.port, users.agent);
    const starttls = { ...settings, imap: { host: '127.0.0.1', port: dc.imapPort, security: 'starttls' as const, caFile: `${dc.dir}/ca.pem` } };
    expect(await new EmailConnector(starttls, 'a', () => users.agent.password).testConnection()).toMatchObject({ ok: true });
  });
});
