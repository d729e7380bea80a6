/** What the email suite needs of an IMAP server under test, and helpers to arrange its mailboxes. */
import { ImapFlow } from 'imapflow';
import { users } from './dovecot';

export { users };
export type User = (typeof users)[keyof typeof users];

/** Where install-imap-servers.sh unpacks Cyrus and Courier. */
export const PEERS_DIR = process.env.SWITCHBOARD_PEERS_DIR ?? '/opt/switchboard-peers';

export interface ImapPeer {
  name: 'Dovecot' | 'Cyrus' | 'Courier';
  imapPort: number;
  /** Where a user's sent mail is kept on this server. */
  sentFolder: string;
  /** A folder of its own for tests that renumber one (INBOX cannot be deleted), in the server's namespace. */
  folder(name: string): string;
  /** Puts a message into a user's mailbox as a delivery would (LMTP, or APPEND where there is none). */
  deliver(user: User, raw: Buffer | string, folder?: string): Promise<void>;
  stop(): Promise<void>;
}

/** A plain imapflow client for arranging a mailbox (no STARTTLS: the test servers are plain on loopback). */
export async function clientOf(peer: Pick<ImapPeer, 'imapPort'>, user: User): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port: peer.imapPort, secure: false, doSTARTTLS: false, auth: { user: user.email, pass: user.password }, logger: false });
  await client.connect();
  return client;
}

export async function appendAs(peer: Pick<ImapPeer, 'imapPort'>, user: User, folder: string, raw: Buffer | string, flags: string[] = []): Promise<void> {
  const client = await clientOf(peer, user);
  try {
    await client.append(folder, raw, flags);
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/**
 * Deletes the folder and creates it again with `messages`: a new UIDVALIDITY on every server here (waiting
 * for the clock's next second where the server derives it from the clock).
 */
export async function recreate(peer: Pick<ImapPeer, 'imapPort'>, user: User, folder: string, messages: (Buffer | string)[]): Promise<void> {
  const client = await clientOf(peer, user);
  try {
    const uidValidity = async () => {
      const status = await client.status(folder, { uidValidity: true });
      return status ? status.uidValidity : undefined;
    };
    const before = await uidValidity();
    // Cyrus names a deleted folder by the second it was deleted in: a second delete that second fails.
    await client.mailboxDelete(folder).catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await client.mailboxDelete(folder);
    });
    for (let i = 0; i < 5; i++) {
      await client.mailboxCreate(folder);
      if ((await uidValidity()) !== before) break;
      // Same second, same UIDVALIDITY (Cyrus and Courier take it from the clock): again a second later.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await client.mailboxDelete(folder);
    }
    for (const raw of messages) await client.append(folder, raw);
  } finally {
    await client.logout().catch(() => undefined);
  }
}

