/** Freshdesk's records in Switchboard's vocabulary: numeric statuses, priorities and sources. */
import { type Channel, type Customer, customerIdFor, localId, type Message, type Priority, type Ticket, type TicketStatus } from '../../../shared/domain';
import { htmlToText } from '../../../shared/html-text';
import { targetsFromDue } from '../../../shared/sla/due';
import { threadFacts } from '../thread-facts';

export interface FdTicket {
  id: number;
  subject: string;
  status: number;
  priority: number;
  source: number;
  requester_id: number;
  responder_id: number | null;
  group_id?: number | null;
  tags: string[];
  custom_fields?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  due_by: string | null;
  /** When the first answer is due. */
  fr_due_by?: string | null;
  /** The request's text: plain and HTML; in a list only when asked for (include=description). */
  description_text?: string | null;
  description?: string | null;
  requester?: { id: number; name: string; email: string };
  /** The request's own files (a ticket read by id). */
  attachments?: FdAttachment[];
}

export interface FdConversation {
  id: number;
  body_text?: string | null;
  body?: string | null;
  private: boolean;
  incoming: boolean;
  user_id: number;
  created_at: string;
  attachments?: FdAttachment[];
}

/** `attachment_url` is a signed storage link that expires: read again when the file is opened. */
export interface FdAttachment {
  id: number;
  name: string;
  content_type: string;
  /** Freshdesk says `size`, or `file_size` in some answers, or neither. */
  size?: number | null;
  file_size?: number | null;
  attachment_url?: string;
}

export interface FdAgent {
  id: number;
  contact: { name: string; email: string };
}

const statuses: Record<number, TicketStatus> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed' };
export const toFdStatus: Record<TicketStatus, number> = { new: 2, open: 2, pending: 3, 'on-hold': 3, solved: 4, closed: 5 };
const statusNames: Record<number, string> = { 2: 'Open', 3: 'Pending', 4: 'Resolved', 5: 'Closed' };
const priorities: Priority[] = ['low', 'normal', 'high', 'urgent'];
export const toFdPriority = (p: Priority) => priorities.indexOf(p) + 1;
const sources: Record<number, Channel> = { 1: 'email', 2: 'web', 3: 'phone', 7: 'chat', 9: 'web', 10: 'email' };

export function customerOf(accountId: string, requester: FdTicket['requester'], id: number): Customer {
  const email = requester?.email ?? `contact-${id}@freshdesk.invalid`;
  return { id: customerIdFor(email), accountId, name: requester?.name || email, email, organization: null, vip: false };
}

/** A file's id names its ticket: Freshdesk reads attachments only through their ticket or conversation. */
const filesOf = (accountId: string, ticket: number, files: FdAttachment[] | undefined | null) =>
  (files ?? []).map((a) => ({
    id: localId(accountId, `attachment-${ticket}-${a.id}`), name: a.name || `attachment-${a.id}`,
    size: Math.max(0, Math.round(Number(a.size ?? a.file_size ?? 0) || 0)), type: a.content_type || 'application/octet-stream',
  }));

/** Plain text where Freshdesk gives it, else its HTML as text. */
const textOf = (plain: string | null | undefined, html: string | null | undefined) => plain ?? (html ? htmlToText(html).replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim() : '');

/** The request itself (Freshdesk keeps it on the ticket), then the conversation. */
export function messagesOf(accountId: string, fd: FdTicket, conversations: FdConversation[], customer: Customer, agents: ReadonlyMap<number, FdAgent>): Message[] {
  const ticketId = localId(accountId, String(fd.id));
  const request: Message = {
    id: localId(accountId, `ticket-${fd.id}`), ticketId, accountId, author: { name: customer.name, email: customer.email }, direction: 'in', internal: false,
    createdAt: Date.parse(fd.created_at) || 0, text: textOf(fd.description_text, fd.description), attachments: filesOf(accountId, fd.id, fd.attachments),
  };
  return [
    request,
    ...conversations.map((c): Message => {
      const agent = agents.get(c.user_id);
      return {
        id: localId(accountId, `conversation-${c.id}`), ticketId, accountId,
        author: agent ? { name: agent.contact.name, email: agent.contact.email } : { name: customer.name, email: customer.email },
        direction: c.incoming || !agent ? 'in' : 'out', internal: c.private === true, createdAt: Date.parse(c.created_at) || 0, text: textOf(c.body_text, c.body),
        attachments: filesOf(accountId, fd.id, c.attachments),
      };
    }),
  ];
}

/** `statusName`: the account's own name for the status, where it told (custom statuses have numbers beyond 5). */
export function ticketOf(accountId: string, fd: FdTicket, messages: Message[], customer: Customer, team?: string, statusName?: string): Ticket {
  const facts = threadFacts(messages);
  return {
    id: localId(accountId, String(fd.id)), accountId, remoteId: String(fd.id), subject: fd.subject,
    // A ticket nobody has answered yet is new to the agent, whatever Freshdesk calls it. A custom status
    // stays open (it may need an answer) and shows Freshdesk's own name for it.
    status: fd.status === 2 && facts.firstResponseAt === null ? 'new' : (statuses[fd.status] ?? 'open'),
    sourceStatus: statusNames[fd.status] ?? statusName ?? `Status ${fd.status}`,
    priority: priorities[Number(fd.priority) - 1] ?? 'normal',
    channel: sources[fd.source] ?? 'web',
    customerId: customer.id,
    assigneeId: fd.responder_id ? localId(accountId, String(fd.responder_id)) : null,
    tags: fd.tags ?? [],
    createdAt: Date.parse(fd.created_at) || 0,
    updatedAt: Date.parse(fd.updated_at) || 0,
    ...facts,
    // Freshdesk runs its own SLA clocks and tells their due times: the first answer's and the resolution's.
    ...targetsFromDue({ firstResponse: fd.fr_due_by ? Date.parse(fd.fr_due_by) || null : null, resolution: fd.due_by ? Date.parse(fd.due_by) || null : null }, facts),
    messageCount: messages.length,
    version: fd.updated_at,
    ...(team ? { team } : {}),
  };
}
