/**
 * The pull protocol every Connector speaks: pull(cursor) → { changes, nextCursor, done }.
 * The cursor is opaque to everyone but the connector that made it.
 */
import { z } from 'zod';
import { Agent, Customer, Message, Team, Ticket } from './domain';
import { MailFlags, MailGone, MailMessage } from './email';

export const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: Ticket }),
  z.object({ kind: z.literal('message'), message: Message }),
  z.object({ kind: z.literal('customer'), customer: Customer }),
  z.object({ kind: z.literal('agent'), agent: Agent }),
  z.object({ kind: z.literal('team'), team: Team }),
  /** The source deleted the ticket (Zendesk's export lists it with status "deleted"): it leaves the cache. */
  z.object({ kind: z.literal('ticketGone'), ticketId: z.string().min(1).max(200), reason: z.string().max(500) }),
  // Email: messages are threaded into tickets by the cache, which knows every conversation.
  z.object({ kind: z.literal('mail'), mail: MailMessage }),
  z.object({ kind: z.literal('mailFlags'), flags: MailFlags }),
  z.object({ kind: z.literal('mailGone'), gone: MailGone }),
  /** Every UID still in the folder up to `upTo` (servers without QRESYNC): the others were expunged. */
  z.object({ kind: z.literal('mailSnapshot'), snapshot: MailGone.omit({ uid: true }).extend({ upTo: z.number().int(), uids: z.array(z.number().int()) }) }),
  /** UIDVALIDITY changed: copies from the old numbering are gone. */
  z.object({ kind: z.literal('mailReset'), reset: MailGone.omit({ uid: true }) }),
]);
export type Change = z.infer<typeof Change>;

export const PullResult = z.object({
  changes: z.array(Change),
  nextCursor: z.string(),
  done: z.boolean(),
  /** How far a long initial sync has come: `done` of `total` items (messages by default, or tickets). */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative(), unit: z.enum(['messages', 'tickets']).optional() }).optional(),
});
export type PullResult = z.infer<typeof PullResult>;
