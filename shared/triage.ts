/**
 * Team triage over plain IMAP, shared by the writer (main) and the reader (the cache): a conversation's
 * status, priority, assignee and tags as `$sb-…` keywords on its messages. Free of zod, for the page's bundle.
 */
import type { Priority, TicketStatus } from './domain';
import { bounded } from './ids';
import { priorities, ticketStatuses } from './statuses';

export const STATUS = '$sb-status-';
export const PRIORITY = '$sb-priority-';
export const ASSIGNEE = '$sb-assignee-';
export const TAG = '$sb-tag-';
/** Every Switchboard keyword starts so. */
export const KEYWORD = '$sb-';

/** Triage read back from a message's flags; a keyword with an unknown value is ignored. */
export function triageOf(flags: readonly string[]): { status: TicketStatus | null; priority: Priority | null; assignee: string | null; tags: string[] } {
  const value = (prefix: string) => flags.find((f) => f.startsWith(prefix))?.slice(prefix.length);
  const status = value(STATUS);
  const priority = value(PRIORITY);
  return {
    status: status && (ticketStatuses as readonly string[]).includes(status) ? (status as TicketStatus) : null,
    priority: priority && (priorities as readonly string[]).includes(priority) ? (priority as Priority) : null,
    assignee: value(ASSIGNEE) ?? null,
    // Bounded as a change is (100 tags of 100 characters): another client's keywords can be longer.
    tags: [...new Set(flags.filter((f) => f.startsWith(TAG)).map((f) => f.slice(TAG.length, TAG.length + 100)))].slice(0, 100),
  };
}

/**
 * The cache's id of an email message: one per Message-ID and account, whatever folders hold copies. A
 * different message that carries the same Message-ID (same id, different content) is a `variant`: the
 * Message-ID's id followed by its content's fingerprint, so it is kept and shown beside the first.
 */
export const mailMessageId = (accountId: string, messageId: string, variant?: string) =>
  bounded(`${accountId}:mid:${messageId}${variant ? `#${variant}` : ''}`);
