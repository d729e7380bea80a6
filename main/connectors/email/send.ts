/**
 * Replies over SMTP, exactly once. The Message-ID derives from the outbox mutation id. Before sending,
 * the message is appended to Sent marked `$sb-sending`; after the server accepts it the mark is removed.
 * A retry first looks in Sent for that Message-ID. A copy without the mark was sent. A copy still marked
 * was cut short (a crash): the SMTP journal says whether the server had already said "go ahead" to DATA —
 * then it may have been delivered and is not sent again (marked `$sb-unconfirmed`), else it is sent now.
 * A failure before DATA removes the copy, so the retry sends it.
 */
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ImapAccountSettings } from '../../../shared/accounts';
import type { EmailContext } from '../../../shared/email';
import type { LocalFile } from '../../../shared/connector';
import type { Mutation } from '../../../shared/mutation';
import { smtpAuth, type Login } from './credentials';
import { explain } from './errors';
import { memoryJournal, type SmtpJournal } from './smtp-journal';
import { tlsOptionsFor } from './tls';

export const SENDING = '$sb-sending';
export const UNCONFIRMED = '$sb-unconfirmed';

export function replyMessageId(mutationId: string, address: string): string {
  return `sb-${mutationId}@${address.split('@')[1] ?? 'switchboard.invalid'}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const toHtml = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');

export async function composeReply(settings: ImapAccountSettings, mutation: Mutation, email: EmailContext, text: string, files: LocalFile[] = []): Promise<{ raw: Buffer; messageId: string }> {
  const messageId = replyMessageId(mutation.id, settings.email);
  const body = settings.signature ? `${text}\n\n-- \n${settings.signature}` : text;
  const composer = new MailComposer({
    from: { name: settings.name, address: settings.email },
    to: email.to.map((a) => ({ name: a.name, address: a.email })),
    cc: email.cc.map((a) => ({ name: a.name, address: a.email })),
    subject: email.subject,
    messageId: `<${messageId}>`,
    inReplyTo: email.inReplyTo ? `<${email.inReplyTo}>` : undefined,
    references: email.references.map((r) => `<${r}>`),
    date: new Date(mutation.createdAt),
    text: body,
    html: toHtml(body),
    // Read from the staged file as the message is built: never a second copy of it in a string.
    attachments: files.map((f) => ({ filename: f.name, contentType: f.type || 'application/octet-stream', path: f.path })),
  });
  const raw = await new Promise<Buffer>((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
  return { raw, messageId };
}

async function findInSent(client: ImapFlow, sent: string, messageId: string): Promise<{ uid: number; flags: Set<string> } | null> {
  const lock = await client.getMailboxLock(sent);
  try {
    // The folder may have been selected a while ago: let the server report copies filed since (by the
    // server itself, or by an earlier attempt on another connection) before searching.
    await client.noop();
    const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
    if (uids.length === 0) return null;
    const message = await client.fetchOne(String(uids[0]), { uid: true, flags: true }, { uid: true });
    return message ? { uid: message.uid, flags: message.flags ?? new Set() } : null;
  } finally {
    lock.release();
  }
}

async function setFlags(client: ImapFlow, sent: string, uid: number, add: string[], remove: string[]): Promise<void> {
  const lock = await client.getMailboxLock(sent);
  try {
    if (remove.length) await client.messageFlagsRemove(String(uid), remove, { uid: true });
    if (add.length) await client.messageFlagsAdd(String(uid), add, { uid: true });
  } finally {
    lock.release();
  }
}

async function removeFromSent(client: ImapFlow, sent: string, uid: number): Promise<void> {
  const lock = await client.getMailboxLock(sent);
  try {
    await client.messageDelete(String(uid), { uid: true });
  } finally {
    lock.release();
  }
}

/** `refused`: the server turned the reply down for good (a 5xx), with its words. */
export type SendOutcome = { sent: 'now' | 'earlier' | 'unconfirmed' } | { refused: string };

/**
 * `serverKeepsSent`: the server files its own copy in Sent after SMTP (Gmail). Then nothing is appended,
 * and the copy the server made is what a retry finds.
 */
export async function sendOnce(
  client: ImapFlow,
  settings: ImapAccountSettings,
  login: Login,
  sentFolder: string,
  composed: { raw: Buffer; messageId: string },
  recipients: string[],
  serverKeepsSent = false,
  journal: SmtpJournal = memoryJournal(),
): Promise<SendOutcome> {
  const earlier = await findInSent(client, sentFolder, composed.messageId);
  let uid: number | undefined;
  if (earlier && earlier.flags.has(SENDING) && !journal.reachedData(composed.messageId)) {
    uid = earlier.uid; // cut short before DATA: sent now, with the copy already in Sent
  } else if (earlier) {
    if (earlier.flags.has(SENDING)) await setFlags(client, sentFolder, earlier.uid, [UNCONFIRMED], [SENDING]);
    return { sent: earlier.flags.has(SENDING) || earlier.flags.has(UNCONFIRMED) ? 'unconfirmed' : 'earlier' };
  } else if (!serverKeepsSent) {
    const appended = await client.append(sentFolder, composed.raw, ['\\Seen', SENDING]);
    uid = appended && typeof appended === 'object' ? appended.uid : undefined;
  }

  let dataAccepted = false;
  const watch = (meta: { tnx?: string }, message: unknown) => {
    if (meta?.tnx === 'server' && /^354/.test(String(message))) {
      dataAccepted = true;
      journal.markData(composed.messageId); // on disk before the message goes out
    }
  };
  const quiet = () => undefined;
  const { host, port, security } = settings.smtp;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    tls: security === 'none' ? undefined : await tlsOptionsFor(settings.smtp, 'smtp'),
    auth: smtpAuth(settings.username, login),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    debug: true,
    // Only the server's replies are looked at (to know whether DATA was reached); nothing is logged.
    logger: { level: quiet, trace: quiet, debug: watch, info: quiet, warn: quiet, error: quiet, fatal: quiet } as never,
  });
  try {
    await transport.sendMail({ envelope: { from: settings.email, to: recipients }, raw: composed.raw });
  } catch (error) {
    if (dataAccepted) {
      // The server may have delivered it: never risk a second copy.
      if (uid !== undefined) await setFlags(client, sentFolder, uid, [UNCONFIRMED], [SENDING]);
      return { sent: 'unconfirmed' };
    }
    if (uid !== undefined) await removeFromSent(client, sentFolder, uid);
    const code = (error as { responseCode?: number }).responseCode;
    const command = (error as { command?: string }).command ?? '';
    if (code !== undefined && code >= 500 && !/AUTH/.test(command)) {
      return { refused: `The outgoing mail server refused the reply: ${String((error as { response?: string }).response ?? (error as Error).message).slice(0, 200)}` };
    }
    throw explain(error, { kind: 'SMTP', host, port, user: settings.username });
  } finally {
    transport.close();
  }
  if (uid !== undefined) await setFlags(client, sentFolder, uid, [], [SENDING]);
  return { sent: 'now' };
}
