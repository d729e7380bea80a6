/**
 * Request Tracker's records in Switchboard's vocabulary: statuses (RT's own value kept), numeric
 * priorities, owners as agents, requestors as customers, transactions as messages.
 */
import { type Agent, type Customer, customerIdFor, localId, type Message, type Priority, type Ticket, type TicketStatus } from '../../../shared/domain';
import { targetsFromDue } from '../../../shared/sla/due';
import { threadFacts } from '../thread-facts';

export interface RtRef {
  id: string;
}

export interface RtTicket {
  id: number | string;
  Subject: string;
  Status: string;
  Priority: string;
  Owner: RtRef;
  Requestor: RtRef[];
  Created: string;
  LastUpdated: string;
  Due: string;
  /** When it was resolved (the epoch while it never was). */
  Resolved?: string;
  Queue?: RtRef;
  CustomFields?: Array<{ name: string; values: string[] }>;
}

export interface RtTransaction {
  id: string;
  Type: string;
  Creator: RtRef;
  Created: string;
}

export interface RtAttachment {
  id: string;
  ContentType: string;
  Content: string;
  Filename: string;
  Headers: string;
}

export interface RtUser {
  id: string;
  Name: string;
  EmailAddress: string;
  RealName: string;
}

const fromRt: Record<string, TicketStatus> = { new: 'new', open: 'open', stalled: 'on-hold', resolved: 'solved', rejected: 'closed', deleted: 'closed' };
/** Ours → RT's default lifecycle (waiting on the customer is "stalled" there). */
export const toRtStatus: Record<TicketStatus, string> = { new: 'new', open: 'open', pending: 'stalled', 'on-hold': 'stalled', solved: 'resolved', closed: 'rejected' };
export const toRtPriority: Record<Priority, number> = { low: 10, normal: 40, high: 70, urgent: 90 };

export function statusOf(rt: string): TicketStatus {
  return fromRt[rt] ?? 'open'; // a custom lifecycle's own status: active, unless RT says otherwise
}

export function priorityOf(rt: string): Priority {
  const n = Number(rt) || 0;
  return n >= 85 ? 'urgent' : n >= 66 ? 'high' : n >= 33 ? 'normal' : 'low';
}

/** RT writes "not set" dates as the epoch. */
function timeOf(value: string | undefined): number | null {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) && t > 0 ? t : null;
}

export function isAgentUser(user: RtUser): boolean {
  return !user.Name.includes('@') && user.Name !== 'RT_System' && user.Name !== 'Nobody';
}

export function agentOf(accountId: string, user: RtUser): Agent {
  return { id: localId(accountId, user.Name), accountId, name: user.RealName || user.Name, email: user.EmailAddress };
}

export function customerOf(accountId: string, email: string, name = ''): Customer {
  return { id: customerIdFor(email), accountId, name: name || email, email, organization: null, vip: false };
}

/** The text of a transaction: its first text part (HTML reduced to text where there is no plain part). */
export function textOf(attachments: RtAttachment[]): string {
  const plain = attachments.find((a) => a.ContentType === 'text/plain' && !a.Filename);
  if (plain) return plain.Content;
  const html = attachments.find((a) => a.ContentType === 'text/html' && !a.Filename);
  return html ? html.Content.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : '';
}

export function messageOf(accountId: string, ticketId: string, txn: RtTransaction, attachments: RtAttachment[], agents: ReadonlySet<string>, customerEmail: string): Message {
  const creator = txn.Creator.id;
  const fromAgent = agents.has(creator);
  const id = localId(accountId, `txn-${txn.id}`);
  return {
    id,
    ticketId,
    accountId,
    author: fromAgent ? { name: creator, email: '' } : { name: creator, email: creator.includes('@') ? creator : customerEmail },
    direction: fromAgent ? 'out' : 'in',
    internal: txn.Type === 'Comment',
    createdAt: timeOf(txn.Created) ?? 0,
    text: textOf(attachments),
    attachments: attachments
      .filter((a) => a.Filename)
      .map((a) => ({ id: localId(accountId, `att-${a.id}`), name: a.Filename, size: Number(/Content-Length: (\d+)/i.exec(a.Headers)?.[1] ?? 0), type: a.ContentType })),
  };
}

export function ticketOf(accountId: string, rt: RtTicket, etag: string, messages: Message[], customer: Customer, queue?: string): Ticket {
  const owner = rt.Owner?.id;
  const status = statusOf(rt.Status);
  const facts = threadFacts(messages);
  const solvedAt = status === 'solved' || status === 'closed' ? timeOf(rt.Resolved) : null;
  return {
    id: localId(accountId, String(rt.id)),
    accountId,
    remoteId: String(rt.id),
    subject: rt.Subject,
    status,
    sourceStatus: rt.Status,
    priority: priorityOf(rt.Priority),
    channel: 'email',
    customerId: customer.id,
    assigneeId: owner && owner !== 'Nobody' ? localId(accountId, owner) : null,
    tags: [],
    createdAt: timeOf(rt.Created) ?? 0,
    updatedAt: timeOf(rt.LastUpdated) ?? 0,
    ...facts,
    solvedAt,
    // RT's one date is Due: when the ticket must be solved.
    ...targetsFromDue({ resolution: timeOf(rt.Due) }, { firstResponseAt: facts.firstResponseAt, solvedAt }),
    messageCount: messages.length,
    version: etag,
    ...(queue ? { team: queue } : {}),
  };
}
