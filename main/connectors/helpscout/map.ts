/** Help Scout's conversations in Switchboard's vocabulary: statuses, threads as messages (notes internal). */
import { type Channel, type Customer, customerIdFor, localId, type Message, type Ticket, type TicketStatus } from '../../../shared/domain';
import { threadFacts } from '../thread-facts';
import { htmlToText } from '../../../shared/html-text';

export interface HsPerson {
  id: number;
  email?: string;
  first?: string;
  last?: string;
  firstName?: string;
  lastName?: string;
  type?: string;
}

export interface HsThread {
  id: number;
  type: string;
  body?: string;
  createdAt: string;
  createdBy?: HsPerson;
  _embedded?: { attachments?: Array<{ id: number; filename: string; mimeType: string; size?: number | null }> };
}

export interface HsConversation {
  id: number;
  number: number;
  subject: string;
  status: string;
  mailboxId?: number;
  createdAt: string;
  userUpdatedAt?: string;
  assignee?: HsPerson | null;
  primaryCustomer: HsPerson;
  tags?: Array<{ tag: string }>;
  /** email, phone or chat: what kind of conversation it is (a phone call entered through the API has source "api"). */
  type?: string;
  source?: { type?: string; via?: string };
  _embedded?: { threads?: HsThread[] };
}

const statuses: Record<string, TicketStatus> = { active: 'open', pending: 'pending', closed: 'closed', spam: 'closed' };
export const toHsStatus: Record<TicketStatus, string> = { new: 'active', open: 'active', pending: 'pending', 'on-hold': 'pending', solved: 'closed', closed: 'closed' };
const channels: Record<string, Channel> = { email: 'email', chat: 'chat', phone: 'phone', api: 'api', 'web-form': 'web', beacon: 'web' };
/**
 * Threads that are messages (lineitem is a log line: "assigned to…", "status changed"): forwardparent is the
 * agent's note on a forward (internal), forwardchild the forwarded message itself.
 */
const MESSAGE_THREADS = new Set(['customer', 'message', 'reply', 'note', 'chat', 'phone', 'forwardparent', 'forwardchild']);
const INTERNAL_THREADS = new Set(['note', 'forwardparent']);

export const nameOf = (p: HsPerson | null | undefined) => [p?.first ?? p?.firstName, p?.last ?? p?.lastName].filter(Boolean).join(' ');
export const updatedOf = (c: HsConversation) => c.userUpdatedAt ?? c.createdAt;

export function customerOf(accountId: string, person: HsPerson): Customer {
  const email = person.email ?? `customer-${person.id}@helpscout.invalid`;
  return { id: customerIdFor(email), accountId, name: nameOf(person) || email, email, organization: null, vip: false };
}

export function messagesOf(accountId: string, c: HsConversation): Message[] {
  const ticketId = localId(accountId, String(c.id));
  return (c._embedded?.threads ?? [])
    .filter((t) => MESSAGE_THREADS.has(t.type))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((t) => ({
      id: localId(accountId, `thread-${t.id}`),
      ticketId,
      accountId,
      author: { name: nameOf(t.createdBy), email: t.createdBy?.email ?? '' },
      direction: t.createdBy?.type === 'customer' || t.type === 'customer' ? ('in' as const) : ('out' as const),
      internal: INTERNAL_THREADS.has(t.type),
      createdAt: Date.parse(t.createdAt) || 0,
      text: htmlToText(t.body ?? '').replace(/[ \t]+\n/g, '\n').trim(),
      // A file's id names its conversation: Help Scout serves attachment data per conversation.
      attachments: (t._embedded?.attachments ?? []).map((a) => ({ id: localId(accountId, `attachment-${c.id}-${a.id}`), name: a.filename || `attachment-${a.id}`, size: Math.max(0, Math.round(Number(a.size) || 0)), type: a.mimeType || 'application/octet-stream' })),
    }));
}

export function ticketOf(accountId: string, c: HsConversation, messages: Message[], customer: Customer, mailbox?: string): Ticket {
  const facts = threadFacts(messages);
  return {
    id: localId(accountId, String(c.id)),
    accountId,
    remoteId: String(c.id),
    subject: c.subject ?? '',
    status: c.status === 'active' && facts.firstResponseAt === null ? 'new' : (statuses[c.status] ?? 'open'),
    sourceStatus: c.status,
    priority: 'normal',
    // The conversation's own type first (a phone call created through the API has source "api"), then its source.
    channel: channels[c.type ?? ''] ?? channels[c.source?.type ?? ''] ?? 'email',
    customerId: customer.id,
    assigneeId: c.assignee?.id ? localId(accountId, String(c.assignee.id)) : null,
    tags: (c.tags ?? []).map((t) => t.tag),
    createdAt: Date.parse(c.createdAt) || 0,
    updatedAt: Date.parse(updatedOf(c)) || 0,
    slaDueAt: null,
    ...facts,
    messageCount: messages.length,
    number: c.number,
    version: updatedOf(c),
    ...(mailbox ? { team: mailbox } : {}),
  };
}
