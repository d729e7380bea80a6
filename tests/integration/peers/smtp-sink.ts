/**
 * An SMTP server on 127.0.0.1 that delivers into the test Dovecot over LMTP (option (c) of
 * shared/PEERS.md), or into Cyrus or Courier their own way, so a reply sent by the app lands in the
 * recipients' INBOX for real. It counts every
 * accepted message, and can cut the connection after DATA (the reply is delivered but the client never
 * hears "250") to test that a retry does not deliver twice.
 */
import { connect as netConnect } from 'node:net';
import nodemailer, { type TransportOptions } from 'nodemailer';
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { users } from './dovecot';
import { freePort } from './ports';

export interface SentMessage {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

export interface SmtpSink {
  port: number;
  messages: SentMessage[];
  /** The next `count` messages are delivered, then the connection is dropped before the reply. */
  dropAfterData(count: number): void;
  /** How many connections were dropped that way. */
  dropped: number;
  stop(): Promise<void>;
}

/** How accepted mail reaches the mailboxes: Dovecot's LMTP socket, or a server's own way (imap-peers.ts). */
export type Delivery = string | ((to: string[], raw: string) => Promise<void>);

function deliveryOf(target: Delivery): (to: string[], from: string, raw: string) => Promise<void> {
  if (typeof target !== 'string') return (to, _from, raw) => target(to, raw);
  const lmtp = nodemailer.createTransport({
    lmtp: true,
    host: 'localhost',
    port: 24,
    ignoreTLS: true,
    getSocket: (_options: unknown, callback: (err: Error | null, socket: { connection: Socket }) => void) =>
      callback(null, { connection: netConnect(target) }),
  } as TransportOptions);
  return async (to, from, raw) => {
    await lmtp.sendMail({ envelope: { from, to }, raw });
  };
}

/**
 * `afterDelivery`: what the server does next (a server that files its own Sent copy, like Gmail).
 * `introspect`: XOAUTH2 is accepted too, the token checked with the token server (who it belongs to, or null).
 */
export async function startSmtpSink(target: Delivery, afterDelivery?: (message: SentMessage) => void, introspect?: (token: string) => Promise<string | null>): Promise<SmtpSink> {
  const known = new Set<string>(Object.values(users).map((u) => u.email));
  const passwords = new Map<string, string>(Object.values(users).map((u) => [u.email, u.password]));
  const deliver = deliveryOf(target);
  const messages: SentMessage[] = [];
  let drops = 0;

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authMethods: introspect ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      const refuse = () => callback(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }));
      if (auth.method === 'XOAUTH2' && introspect) {
        introspect(auth.accessToken ?? '').then((user) => (user && user === auth.username ? callback(null, { user }) : refuse()), refuse);
      } else if (auth.method !== 'XOAUTH2' && passwords.get(auth.username ?? '') === auth.password) callback(null, { user: auth.username });
      else refuse();
    },
    onRcptTo(address, _session, callback) {
      if (known.has(address.address.toLowerCase())) callback();
      else callback(Object.assign(new Error(`5.1.1 <${address.address}>: User unknown`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        try {
          await deliver(to, from, raw);
          const sent = { from, to, raw, user: session.user as string | undefined };
          messages.push(sent);
          afterDelivery?.(sent);
          if (drops > 0) {
            drops--;
            sink.dropped++;
            // Delivered, but the client never hears about it.
            (session as unknown as { socket?: { destroy(): void } }).socket?.destroy();
            server.connections.forEach((c: { _socket?: { destroy(): void } }) => c._socket?.destroy());
            return;
          }
          callback(null, `Delivered to ${to.length} recipient(s)`);
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const sink: SmtpSink = {
    port,
    messages,
    dropped: 0,
    dropAfterData(count) {
      drops = count;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return sink;
}
