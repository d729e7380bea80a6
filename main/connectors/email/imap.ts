/** Opens an imapflow client for an account, with its TLS rules, and explains failures in plain words. */
import { ImapFlow, type Logger } from 'imapflow';
import type { ImapAccountSettings } from '../../../shared/accounts';
import { imapAuth, type Login } from './credentials';
import { explain } from './errors';
import { tlsOptionsFor } from './tls';

/**
 * The server's own words for the last command it refused on a client. imapflow's flag calls answer a
 * refused STORE with `false` and tell only their logger why; this logger keeps the why, so a refused
 * change can say what the server said. Nothing else is logged (no message content, no secrets).
 */
const refusals = new WeakMap<ImapFlow, string>();

export function lastRefusal(client: ImapFlow): string | null {
  return refusals.get(client) ?? null;
}

function refusalLogger(owner: { client: ImapFlow | null }): Logger {
  const keep = (entry: unknown) => {
    const { err, msg, dropped } = (entry ?? {}) as { err?: { responseText?: string; response?: string }; msg?: string; dropped?: unknown[] };
    const text = err?.responseText || err?.response || (dropped?.length ? `${msg ?? 'not accepted'}: ${dropped.join(', ')}` : null);
    if (text && owner.client) refusals.set(owner.client, String(text).slice(0, 300));
  };
  const ignore = () => undefined;
  return { debug: ignore, info: ignore, warn: keep, error: keep };
}

export async function openImap(settings: ImapAccountSettings, login: Login, options: { qresync?: boolean } = {}): Promise<ImapFlow> {
  const { host, port, security } = settings.imap;
  const context = { kind: 'IMAP' as const, host, port, user: settings.username };
  let client: ImapFlow;
  const owner: { client: ImapFlow | null } = { client: null };
  try {
    client = new ImapFlow({
      host,
      port,
      secure: security === 'tls',
      doSTARTTLS: security === 'starttls' ? true : false,
      tls: security === 'none' ? undefined : await tlsOptionsFor(settings.imap, 'imap'),
      auth: imapAuth(settings.username, login),
      logger: refusalLogger(owner),
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
  owner.client = client;
  client.on('error', () => undefined); // surfaced through the failing call, not as an unhandled event
  try {
    await client.connect();
  } catch (error) {
    throw explain(error, context);
  }
  return client;
}
