/** Opens an imapflow client for an account, with its TLS rules, and explains failures in plain words. */
import { ImapFlow } from 'imapflow';
import type { ImapAccountSettings } from '../../../shared/accounts';
import { explain } from './errors';
import { tlsOptionsFor } from './tls';

export async function openImap(settings: ImapAccountSettings, password: string, options: { qresync?: boolean } = {}): Promise<ImapFlow> {
  const { host, port, security } = settings.imap;
  const context = { kind: 'IMAP' as const, host, port, user: settings.username };
  let client: ImapFlow;
  try {
    client = new ImapFlow({
      host,
      port,
      secure: security === 'tls',
      doSTARTTLS: security === 'starttls' ? true : false,
      tls: security === 'none' ? undefined : await tlsOptionsFor(settings.imap, 'imap'),
      auth: { user: settings.username, pass: password },
      logger: false,
      qresync: options.qresync ?? true,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 5 * 60_000,
      // IDLE only where asked for (EmailConnector.watch); imapflow polls where the server has no IDLE.
      disableAutoIdle: true,
    });
  } catch (error) {
    throw explain(error, context);
  }
  client.on('error', () => undefined); // surfaced through the failing call, not as an unhandled event
  try {
    await client.connect();
  } catch (error) {
    throw explain(error, context);
  }
  return client;
}
