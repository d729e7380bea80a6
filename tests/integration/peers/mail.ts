/** Helpers for mail tests: account settings for a Dovecot user, and a raw IMAP client to arrange mailboxes. */
import { ImapFlow } from 'imapflow';
import type { ImapAccountSettings } from '../../../shared/accounts';
import type { Dovecot } from './dovecot';

export function settingsFor(dc: Dovecot, smtpPort: number, user: { email: string }, extra: Partial<ImapAccountSettings> = {}): ImapAccountSettings {
  return {
    type: 'imap',
    name: 'Support',
    email: user.email,
    imap: { host: '127.0.0.1', port: dc.imapPort, security: 'none' },
    smtp: { host: '127.0.0.1', port: smtpPort, security: 'none' },
    username: user.email,
    folders: ['INBOX', 'Sent'],
    signature: '',
    sentCopy: 'auto',
    ...extra,
  };
}

export async function rawClient(dc: Dovecot, user: { email: string; password: string }): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dc.imapPort, secure: false, doSTARTTLS: false, auth: { user: user.email, pass: user.password }, logger: false });
  await client.connect();
  return client;
}

/** `headers`: more header lines (Cc, …). */
export function mail(n: number, extra: { subject?: string; from?: string; messageId?: string; inReplyTo?: string; body?: string; size?: number; headers?: Record<string, string> } = {}): Buffer {
  const id = extra.messageId ?? `msg-${n}-${Math.random().toString(36).slice(2)}@example.com`;
  const body = extra.body ?? `Message number ${n}.`;
  const padding = extra.size ? `\r\n${'x'.repeat(76)}`.repeat(Math.ceil(extra.size / 78)) : '';
  return Buffer.from(
    `From: ${extra.from ?? `Customer ${n} <customer${n}@example.com>`}\r\nTo: agent@example.test\r\n` +
      `Subject: ${extra.subject ?? `Question ${n}`}\r\nMessage-ID: <${id}>\r\n` +
      (extra.inReplyTo ? `In-Reply-To: <${extra.inReplyTo}>\r\nReferences: <${extra.inReplyTo}>\r\n` : '') +
      Object.entries(extra.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
      `Date: ${new Date(Date.UTC(2026, 10, 1) + n * 60_000).toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}${padding}\r\n`,
  );
}

export async function appendAll(client: ImapFlow, folder: string, messages: Buffer[], flags: string[] = []): Promise<void> {
  for (const m of messages) await client.append(folder, m, flags);
}

