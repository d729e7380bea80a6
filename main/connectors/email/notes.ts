/**
 * Internal notes on email tickets, shared through the mailbox itself (no server beyond IMAP): a note is a
 * message appended to the folder "Switchboard Notes" (created when first needed), threaded into its
 * conversation by In-Reply-To/References and marked `X-Switchboard-Note`. It never goes through SMTP, so
 * the customer never receives it; every agent syncing the mailbox sees it. Exactly once: its Message-ID
 * derives from the mutation id, and it is appended only when the folder has no message with that id.
 * Only messages in that folder are read as notes: a customer cannot make their mail one by adding the header.
 */
import type { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ImapAccountSettings } from '../../../shared/accounts';
import type { EmailContext } from '../../../shared/email';
import type { Mutation } from '../../../shared/mutation';
import { forgetFolders, serverFolders } from './folders';

export const NOTES_FOLDER = 'Switchboard Notes';
export const NOTE_HEADER = 'X-Switchboard-Note';

export function noteMessageId(mutationId: string, address: string): string {
  return `sb-note-${mutationId}@${address.split('@')[1] ?? 'switchboard.invalid'}`;
}

export async function composeNote(settings: ImapAccountSettings, mutation: Mutation, email: EmailContext, text: string): Promise<{ raw: Buffer; messageId: string }> {
  const messageId = noteMessageId(mutation.id, settings.email);
  const composer = new MailComposer({
    from: { name: settings.name, address: settings.email },
    to: { name: settings.name, address: settings.email },
    subject: `Note: ${email.subject}`,
    messageId: `<${messageId}>`,
    inReplyTo: email.inReplyTo ? `<${email.inReplyTo}>` : undefined,
    references: email.references.map((r) => `<${r}>`),
    date: new Date(mutation.createdAt),
    headers: { [NOTE_HEADER]: 'internal' },
    text,
  });
  const raw = await new Promise<Buffer>((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
  return { raw, messageId };
}

/** The notes folder's path on this server, created if it is not there yet (Courier: under INBOX.). */
export async function notesFolder(client: ImapFlow): Promise<string> {
  const found = (await serverFolders(client, [NOTES_FOLDER])).paths[0];
  if (found) return found;
  const created = await client.mailboxCreate(NOTES_FOLDER);
  forgetFolders(); // every connection lists the folders again: the pull now reads this one too
  return created.path;
}

/** Appends the note unless the folder already holds it (a repeated push after a lost answer). */
export async function appendNote(client: ImapFlow, folder: string, raw: Buffer, messageId: string): Promise<void> {
  const lock = await client.getMailboxLock(folder);
  try {
    await client.noop();
    const present = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
    if (present.length === 0) await client.append(folder, raw, ['\\Seen']);
  } finally {
    lock.release();
  }
}
