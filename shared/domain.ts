/**
 * The domain vocabulary: Ticket, Message, Customer, Account, Agent.
 * Schemas validate data where it enters main; the inferred types are used everywhere.
 * Times are epoch milliseconds (numbers sort and index well in IndexedDB).
 */
import { z } from 'zod';

import { helpdeskTypes } from './helpdesks';
import { MAX_ID } from './ids';
import { channels, priorities, ticketStatuses } from './statuses';

export { priorities, ticketStatuses };
export const TicketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

const Id = z.string().min(1).max(MAX_ID);
/**
 * Any moment a Date can hold: mail from before 1970 is real (an old archive, a device whose clock was
 * never set), and a row the app wrote must never be refused at the next start for its date.
 */
const Time = z.number().int().min(-8.64e15).max(8.64e15);

/** The demo, email, and each helpdesk of the registry (shared/helpdesks.ts). */
export const AccountType = z.enum(['demo', 'imap', ...helpdeskTypes]);
export type AccountType = z.infer<typeof AccountType>;

/** What a source can do, so the UI offers only that. */
export const Capabilities = z.object({
  statuses: z.array(TicketStatus),
  priority: z.boolean(),
  assign: z.boolean(),
  tags: z.boolean(),
  internalNotes: z.boolean(),
  merge: z.boolean(),
  /** Flag a conversation for follow-up (IMAP \Flagged). */
  flags: z.boolean(),
  /** Move a ticket to another team (group, queue, mailbox): escalation between support lines. */
  teams: z.boolean(),
  /** Time worked is kept by the source (RT's TimeWorked, Freshdesk's time entries). */
  timeTracking: z.boolean().optional(),
  /** Files can be sent with a reply (email, RT); elsewhere the composer offers none rather than drop them. */
  attachments: z.boolean().optional(),
  /** A knowledge base to read articles from (RT Articles, Zendesk Guide). */
  articles: z.boolean().optional(),
});
export type Capabilities = z.infer<typeof Capabilities>;

/** What the renderer may know about an account: never a secret. */
export const Account = z.object({
  id: Id,
  type: AccountType,
  name: z.string(),
  demo: z.boolean(),
  capabilities: Capabilities.optional(),
  /** 'oauth2': signs in in the browser (Sign in again), else with a password or token. */
  signIn: z.literal('oauth2').optional(),
  /** Why the agent must sign in again (an OAuth2 sign-in revoked or expired). */
  needsSignIn: z.string().max(1000).optional(),
});
export type Account = z.infer<typeof Account>;

export const Agent = z.object({ id: Id, accountId: Id, name: z.string(), email: z.string() });
export type Agent = z.infer<typeof Agent>;

/** A knowledge-base article of a source (RT Articles, Zendesk Guide), as plain text. */
export const Article = z.object({ id: Id, title: z.string().max(500), body: z.string().max(200_000), locale: z.string().max(20).nullable() });
export type Article = z.infer<typeof Article>;

/** A team of a source (a Zendesk or Freshdesk group, an RT queue, a Help Scout mailbox), by its name. */
export const Team = z.object({ id: Id, accountId: Id, name: z.string().min(1).max(200) });
export type Team = z.infer<typeof Team>;

export const Customer = z.object({
  id: Id,
  accountId: Id,
  name: z.string(),
  email: z.string(),
  organization: z.string().nullable(),
  vip: z.boolean(),
  /** The agent's own VIP mark, which decides over the sources' (absent: the sources decide). */
  localVip: z.boolean().optional(),
  /** When the agent marked the customer VIP: tickets from before are history, not news to notify. */
  vipSince: z.number().int().optional(),
});
export type Customer = z.infer<typeof Customer>;

export const Ticket = z.object({
  /** Stable local id: `${accountId}:${remoteId}`. */
  id: Id,
  accountId: Id,
  remoteId: Id,
  subject: z.string(),
  status: TicketStatus,
  /** The source's own status value, kept and shown next to ours. */
  sourceStatus: z.string(),
  priority: Priority,
  channel: Channel,
  customerId: Id,
  assigneeId: Id.nullable(),
  tags: z.array(z.string()),
  createdAt: Time,
  updatedAt: Time,
  firstResponseAt: Time.nullable(),
  /** When it was solved or closed, where known (RT's Resolved, or the agent's own change); absent while open. */
  solvedAt: Time.nullable().optional(),
  /** When the nearest SLA target falls due; null when no target runs. */
  slaDueAt: Time.nullable(),
  /**
   * Every SLA target that applies: where Switchboard runs the clocks (email, Zendesk policies), each with
   * its due time, or met / missed / paused; where the source gives due dates (RT, Freshdesk, the demo), those.
   */
  slaTargets: z
    .array(z.object({ kind: z.enum(['firstResponse', 'nextResponse', 'resolution']), dueAt: Time.nullable(), state: z.enum(['ok', 'atRisk', 'breached', 'met', 'missed', 'paused']) }))
    .max(3)
    .optional(),
  preview: z.string(),
  messageCount: z.number().int().nonnegative(),
  /** The source's version of this ticket (ETag, updated stamp, MODSEQ): the base for conflict checks. */
  version: z.string(),
  /** A message from the customer the agent has not opened yet. */
  unread: z.boolean().optional(),
  /** Flagged for follow-up (IMAP \Flagged on any of its messages). */
  flagged: z.boolean().optional(),
  /** The customer's rating, where the source asks for one (Zendesk's satisfaction survey). */
  satisfaction: z.enum(['good', 'bad']).optional(),
  /** The team the source files it under: a Zendesk or Freshdesk group, an RT queue, a Help Scout mailbox. */
  team: z.string().max(200).optional(),
  /** Email conversations: the number in subject tags like "[#12]", and the normalized subject for threading. */
  number: z.number().int().positive().optional(),
  threadSubject: z.string().optional(),
});
export type Ticket = z.infer<typeof Ticket>;

export const Attachment = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int().nonnegative(),
  type: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/**
 * A part shown inside an email's HTML (`cid:` links, mostly images), its content fetched on demand.
 * `attachment`: it is also the message's listed attachment of that number (an image with a Content-ID in
 * multipart/mixed, which mailers send too): shown in the HTML, and still listed, so nothing is hidden.
 */
export const InlinePart = z.object({ cid: z.string().max(1000), attachmentId: Id, type: z.string().max(200), size: z.number().int().nonnegative(), attachment: z.number().int().nonnegative().optional() });
export type InlinePart = z.infer<typeof InlinePart>;

/** Where an email message is stored on the server, and its flags there. */
export const MailLocation = z.object({
  folder: z.string(),
  uidValidity: z.number().int().nonnegative(),
  uid: z.number().int().positive(),
  flags: z.array(z.string()),
});
export type MailLocation = z.infer<typeof MailLocation>;

const Addr = z.object({ name: z.string(), email: z.string() });

/** Email-only details of a message: threading headers, recipients, server copies, unsafe HTML. */
export const MessageEmail = z.object({
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  subject: z.string(),
  to: z.array(Addr),
  cc: z.array(Addr),
  locations: z.array(MailLocation),
  /** `folder|uidValidity|uid` of each location, indexed to find a message by its server copy. */
  keys: z.array(z.string()),
  html: z.string().nullable(),
  /** The parts the HTML links to by `cid:` (absent on messages cached before they were listed). */
  inline: z.array(InlinePart).optional(),
  broken: z.boolean(),
  tooLarge: z.boolean(),
  /** Tells apart different messages with the same Message-ID (absent on messages cached before it existed). */
  fingerprint: z.string().optional(),
});
export type MessageEmail = z.infer<typeof MessageEmail>;

export const Message = z.object({
  id: Id,
  ticketId: Id,
  accountId: Id,
  author: z.object({ name: z.string(), email: z.string() }),
  direction: z.enum(['in', 'out']),
  internal: z.boolean(),
  createdAt: Time,
  text: z.string(),
  attachments: z.array(Attachment),
  email: MessageEmail.optional(),
});
export type Message = z.infer<typeof Message>;

export { customerIdFor, localId } from './ids';
