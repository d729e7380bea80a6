/**
 * An email conversation's ticket as its messages and their triage keywords describe it: subject,
 * customer, status ($sb-status-… or from who wrote last), priority, assignee, tags, times.
 */
import type { Customer, Message, Ticket, TicketStatus } from '../../shared/domain';
import { boundedRemoteId, customerIdFor, localId } from '../../shared/ids';
import { nearestDue, slaClocks, type SlaPolicy, type TargetClock } from '../../shared/sla/policy';
import { normalizeSubject, subjectTag } from '../../shared/threading';
import { ASSIGNEE, PRIORITY, STATUS, TAG, triageOf } from '../../shared/triage';

/** The ticket of the conversation whose root (first Message-ID, or `split:…`) is `root`. */
export const threadTicketId = (accountId: string, root: string) => localId(accountId, boundedRemoteId(accountId, root));

/** The customer of a conversation: whoever first wrote in, else whom the first message went to. */
export function customerOf(messages: Message[], accountId: string): Customer {
  const first = messages[0]!;
  const firstIn = messages.find((m) => m.direction === 'in');
  const email = firstIn ? firstIn.author.email : (first.email?.to[0]?.email ?? first.author.email);
  const name = firstIn ? firstIn.author.name : (first.email?.to[0]?.name ?? '');
  return { id: customerIdFor(email), accountId, name: name || email, email, organization: null, vip: false };
}

/** The assignee's address from the keywords, if any (agents are then `${accountId}:${address}`). */
export function assigneeOf(messages: Message[]): string | null {
  return triageFacet(messages, ASSIGNEE).triage.assignee;
}

/**
 * One triage facet (status, priority, assignee or tags) as the latest message carrying it says, and that
 * message's place in the thread. Each facet is read on its own: a later change of tags writes tag
 * keywords only, and a message that came after the last change (a customer's answer, our Sent copy)
 * carries none, so "the latest message with any keyword" would lose the status.
 */
function triageFacet(messages: Message[], prefix: string): { triage: ReturnType<typeof triageOf>; at: number } {
  for (let i = messages.length - 1; i >= 0; i--) {
    const flags = messages[i]!.email?.locations.flatMap((l) => l.flags) ?? [];
    if (flags.some((k) => k.startsWith(prefix))) return { triage: triageOf(flags), at: i };
  }
  return { triage: triageOf([]), at: -1 };
}

/** A customer who writes again after the ticket was set waiting or solved has reopened it (as helpdesks do). */
const REOPENED_BY_CUSTOMER: readonly TicketStatus[] = ['pending', 'on-hold', 'solved'];

/**
 * The status: the status keyword, unless the customer wrote after it was set (then open); with none,
 * from who wrote last (new until answered, open when the customer wrote last, else pending). A reply's
 * "Reply and set: Pending" removes the keyword, so both rules agree (main/connectors/email/keywords.ts).
 */
function statusOf(messages: Message[]): TicketStatus {
  const last = messages.findLast((m) => !m.internal);
  const { triage, at } = triageFacet(messages, STATUS);
  if (triage.status) {
    const customerSince = messages.slice(at + 1).some((m) => m.direction === 'in' && !m.internal);
    return customerSince && REOPENED_BY_CUSTOMER.includes(triage.status) ? 'open' : triage.status;
  }
  const answered = messages.some((m) => m.direction === 'out' && !m.internal);
  return !answered ? 'new' : last?.direction === 'in' ? 'open' : 'pending';
}

/** The SLA clocks under `policy` (email has no status history: the current status counts). */
function clocksOf(policy: SlaPolicy, ticket: Ticket, messages: Message[], status: TicketStatus, vip: boolean, now: number): TargetClock[] {
  const subject = {
    priority: ticket.priority,
    vip,
    createdAt: messages[0]!.createdAt,
    statuses: [{ status, at: messages[0]!.createdAt }],
    messages: messages.map((m) => ({ from: m.direction === 'in' ? ('customer' as const) : ('agent' as const), at: m.createdAt })),
  };
  return slaClocks(policy, subject, now);
}

/** `messages` sorted by time, at least one. */
export function deriveTicket(ticket: Ticket, messages: Message[], customer: Customer, sla: { policy: SlaPolicy; now: number }): Ticket {
  const customerId = customer.id;
  const first = messages[0]!;
  const last = messages[messages.length - 1]!;
  const firstIn = messages.find((m) => m.direction === 'in');
  const status = statusOf(messages);
  const assignee = assigneeOf(messages);
  // A note of the team is no answer to the customer.
  const firstReply = firstIn ? messages.find((m) => m.direction === 'out' && !m.internal && m.createdAt >= firstIn.createdAt) : undefined;
  // Normal is the absence of a priority keyword (keywords are spent sparingly: main/connectors/email/keywords.ts).
  const priority = triageFacet(messages, PRIORITY).triage.priority ?? 'normal';
  const clocks = clocksOf(sla.policy, { ...ticket, priority }, messages, status, customer.vip, sla.now);
  return {
    ...ticket,
    slaDueAt: nearestDue(clocks)?.dueAt ?? null,
    slaTargets: clocks,
    subject: (firstIn ?? first).email?.subject || ticket.subject,
    status,
    sourceStatus: status,
    // IMAP keeps no time of solving: the one the agent's change recorded stays while it stays solved.
    solvedAt: status === 'solved' || status === 'closed' ? (ticket.solvedAt ?? null) : null,
    priority,
    customerId,
    assigneeId: assignee ? localId(ticket.accountId, assignee) : null,
    tags: triageFacet(messages, TAG).triage.tags,
    createdAt: first.createdAt,
    updatedAt: last.createdAt,
    firstResponseAt: firstReply?.createdAt ?? null,
    preview: last.text.slice(0, 140),
    messageCount: messages.length,
    version: String(messages.length),
    unread: messages.some((m) => m.direction === 'in' && !!m.email && !m.email.locations.some((l) => l.flags.includes('\\Seen'))),
    flagged: messages.some((m) => !!m.email?.locations.some((l) => l.flags.includes('\\Flagged'))),
  };
}

/**
 * A conversation's ticket made again from its messages, when its row is missing (set aside as damaged, or
 * never written): the fields deriveTicket fills come from the messages; the number is the one our replies
 * carried in their subject tag, if any, else `nextNumber()`. `messages` sorted by time, at least one.
 */
export function rebuiltTicket(accountId: string, ticketId: string, messages: Message[], nextNumber: () => number): Ticket {
  const first = messages[0]!;
  const subject = first.email?.subject ?? '';
  const tagged = messages.flatMap((m) => (m.direction === 'out' && m.email ? (subjectTag(m.email.subject) ?? []) : []))[0];
  return {
    id: ticketId, accountId, remoteId: ticketId.startsWith(`${accountId}:`) ? ticketId.slice(accountId.length + 1) : ticketId,
    subject, status: 'new', sourceStatus: 'new', priority: 'normal', channel: 'email', customerId: customerIdFor(first.author.email),
    assigneeId: null, tags: [], createdAt: first.createdAt, updatedAt: first.createdAt, firstResponseAt: null, slaDueAt: null,
    preview: '', messageCount: 0, version: '', number: tagged ?? nextNumber(), threadSubject: normalizeSubject(subject),
  };
}
