/**
 * Email as it crosses from main to the cache: one parsed message with what threading needs.
 * Threading itself happens in the cache (renderer/sync/mail.ts), which knows every conversation.
 */
import { z } from 'zod';
import { MAX_FOLDER, MAX_MESSAGE_ID, MAX_RECIPIENTS, MAX_SUBJECT, MAX_TARGETS, MAX_UINT32 } from './limits';
import { Attachment, InlinePart } from './domain';

export const Address = z.object({ name: z.string(), email: z.string() });
export type Address = z.infer<typeof Address>;

const OutgoingAddress = z.object({ name: z.string().max(1000), email: z.string().max(1000) });

export const MailMessage = z.object({
  accountId: z.string(),
  folder: z.string(),
  uidValidity: z.number().int().nonnegative(),
  uid: z.number().int().positive(),
  /** RFC 5322 Message-ID without angle brackets; synthesized from folder/uid when the message has none. */
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  subject: z.string(),
  from: Address,
  to: z.array(Address),
  cc: z.array(Address),
  /** When it was written (its Date header; else when the server received it): epoch ms, before 1970 too. */
  date: z.number().int(),
  /** Tells apart different messages that carry the same Message-ID (copies of one message share it). */
  fingerprint: z.string(),
  text: z.string(),
  /** Unsanitized HTML, kept for safe rendering later; never rendered as is. */
  html: z.string().nullable(),
  attachments: z.array(Attachment),
  /** Parts the HTML shows by `cid:` (embedded images); not in `attachments`. */
  inline: z.array(InlinePart),
  flags: z.array(z.string()),
  /** True when there is no body preview: `text` then says why, the headers are what was readable. */
  broken: z.boolean(),
  /** …because the message is over the size limit (downloadable on demand), not because it could not be read. */
  tooLarge: z.boolean(),
  /** True for messages the account itself sent (from its own address). */
  outgoing: z.boolean(),
  /** An internal note of the team (main/connectors/email/notes.ts): never shown to or sent to the customer. */
  note: z.boolean().optional(),
  size: z.number().int().nonnegative(),
});
export type MailMessage = z.infer<typeof MailMessage>;

/** A message that vanished from a folder (expunged or moved). */
export const MailGone = z.object({
  accountId: z.string(),
  folder: z.string(),
  uidValidity: z.number().int().nonnegative(),
  uid: z.number().int().positive(),
});
export type MailGone = z.infer<typeof MailGone>;

/** Flags changed on a message already known (CONDSTORE): no refetch of the body. */
export const MailFlags = MailGone.extend({ flags: z.array(z.string()) });
export type MailFlags = z.infer<typeof MailFlags>;

/**
 * A server copy a change is written to: where it was when the change was queued, and what identifies the
 * message itself (Message-ID, and the fingerprint that tells apart messages sharing one), so a folder the
 * server renumbered meanwhile (a new UIDVALIDITY) is searched again instead of writing to whatever message
 * now has that UID. Rows queued by earlier versions lack the identity; such a change fails visibly then.
 */
export const MailTarget = z.object({
  folder: z.string().min(1).max(MAX_FOLDER),
  uidValidity: z.number().int().nonnegative().max(MAX_UINT32),
  uid: z.number().int().positive().max(MAX_UINT32),
  messageId: z.string().max(MAX_MESSAGE_ID).optional(),
  fingerprint: z.string().max(200).optional(),
});
export type MailTarget = z.infer<typeof MailTarget>;

/** What a reply or a triage change on an email conversation needs: the cache knows it, main does not. */
export const EmailContext = z.object({
  to: z.array(OutgoingAddress).max(MAX_RECIPIENTS),
  cc: z.array(OutgoingAddress).max(MAX_RECIPIENTS),
  subject: z.string().max(MAX_SUBJECT),
  inReplyTo: z.string().max(MAX_MESSAGE_ID).nullable(),
  references: z.array(z.string().max(MAX_MESSAGE_ID)).max(50),
  /** The message being answered, to mark it \\Answered once the reply is sent. */
  replyTo: MailTarget.nullable().optional(),
  /** The conversation's messages, where triage keywords are stored. */
  targets: z.array(MailTarget).max(MAX_TARGETS),
});
export type EmailContext = z.infer<typeof EmailContext>;
