/**
 * A Mutation is one local change on its way to a source. Its id is the idempotency key end to end.
 */
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './limits';
import { withCurrentNames } from './renamed-ops';
import { Message, Priority, Ticket, TicketStatus } from './domain';
import { EmailContext } from './email';

const Id = z.string().min(1).max(200);

export const FileId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'not a file id');
export const AttachedFile = z.object({
  fileId: FileId,
  name: z.string().min(1).max(255),
  type: z.string().max(255),
  size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
});
export type AttachedFile = z.infer<typeof AttachedFile>;

export const MutationOp = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setStatus'), status: TicketStatus }),
  z.object({ type: z.literal('setPriority'), priority: Priority }),
  z.object({ type: z.literal('setAssignee'), assigneeId: Id.nullable() }),
  z.object({ type: z.literal('setTags'), tags: z.array(z.string().min(1).max(100)).max(100) }),
  /** The agent read the conversation (IMAP \Seen on its messages). */
  z.object({ type: z.literal('markSeen') }),
  /** Flagged for follow-up, or not (IMAP \Flagged on its messages). */
  z.object({ type: z.literal('setFlagged'), flagged: z.boolean() }),
  /** Moved to another team (by name): escalation between support lines. */
  z.object({ type: z.literal('setTeam'), team: z.string().min(1).max(200) }),
  /** Time the agent worked on the ticket, added to the source's own time tracking. */
  z.object({ type: z.literal('logTime'), minutes: z.number().int().min(1).max(24 * 60) }),
  z.object({
    type: z.literal('reply'),
    text: z.string().min(1).max(100_000),
    internal: z.boolean(),
    /**
     * Email: to the customer only (`reply`), to everyone on the thread (`replyAll`, the default), or the
     * conversation sent on to other addresses (`forward`, to `forwardTo`). Helpdesks keep their own recipients.
     */
    mode: z.enum(['reply', 'replyAll', 'forward']).optional(),
    /**
     * "Reply and set": the status the ticket has after this reply, at the source as in the app (sent with
     * the reply itself where the source allows). Absent (older rows): the source's own rule.
     */
    status: TicketStatus.optional(),
    forwardTo: z.array(z.string().email().max(320)).min(1).max(20).optional(),
    /** Files sent with the reply, staged in main beforehand; 25 MB in all at most. */
    attachments: z
      .array(AttachedFile)
      .max(MAX_ATTACHMENTS)
      .refine((files) => files.reduce((sum, f) => sum + f.size, 0) <= MAX_ATTACHMENT_BYTES, 'attachments: more than 25 MB in all')
      .optional(),
  }),
]);
export type MutationOp = z.infer<typeof MutationOp>;

export const Mutation = z.object({
  id: z.string().min(8).max(100),
  accountId: Id,
  ticketId: Id,
  remoteId: Id,
  /** The ticket version the agent saw when making the change. */
  baseVersion: z.string().max(500).nullable(),
  createdAt: z.number().int().nonnegative().max(8.64e15),
  op: z.preprocess(withCurrentNames, MutationOp),
  /** For email conversations: recipients, threading headers and the messages that carry triage keywords. */
  email: EmailContext.optional(),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushResult = z.discriminatedUnion('kind', [
  /**
   * `ticket` is the source's copy after the change; or only its new `version` when the change was a field the
   * agent's ticket already shows (one request fewer); email has neither and keeps the optimistic ticket.
   */
  z.object({ kind: z.literal('applied'), ticket: Ticket.optional(), version: z.string().max(500).optional(), messages: z.array(Message) }),
  z.object({ kind: z.literal('conflict'), remote: Ticket }),
  z.object({ kind: z.literal('rejected'), reason: z.string().max(10_000) }),
  z.object({ kind: z.literal('retryAfter'), ms: z.number().int().nonnegative() }),
]);
export type PushResult = z.infer<typeof PushResult>;

