/**
 * What main needs to act on an email conversation, taken from the cache: who a reply goes to, its
 * subject with the ticket's tag, the threading headers, and every server copy (for triage keywords).
 */
import type { Agent, Message, Ticket } from '../../shared/domain';
import type { MutationOp } from '../../shared/mutation';
import { type Address, type EmailContext } from '../../shared/email';
import { MAX_MESSAGE_ID, MAX_RECIPIENTS, MAX_SUBJECT, MAX_TARGETS } from '../../shared/limits';
import { baseSubject, withSubjectTag } from '../../shared/threading';
import type { SwitchboardDb } from '../db/schema';
import { threadOf } from '../db/thread';

const MAX_REFERENCES = 20;
const fits = (messageId: string) => messageId.length <= MAX_MESSAGE_ID;
/** Within the contract's bounds: a display name cut to a sensible length, an absurd address left out. */
const recipients = (list: Address[]) => list.filter((a) => a.email.length <= 1000).slice(0, MAX_RECIPIENTS).map((a) => ({ name: a.name.slice(0, 1000), email: a.email }));

/** `op`: a reply's mode decides who it goes to (reply: the customer; reply all: the thread; forward: others). */
export async function emailContextFor(db: SwitchboardDb, ticket: Ticket, me: Agent | null, op?: MutationOp): Promise<EmailContext | undefined> {
  // The conversation as the customer knows it: the team's notes are neither answered nor referenced.
  const messages = (await threadOf(db, ticket.id).toArray())
    .filter((m): m is Message & { email: NonNullable<Message['email']> } => !!m.email && !m.internal);
  if (messages.length === 0) return undefined;
  const last = messages[messages.length - 1]!;
  const lastIn = [...messages].reverse().find((m) => m.direction === 'in');
  // Our own addresses — the account's, and every one the team sent this conversation from (aliases) —
  // never receive the reply: a copy would come back into the shared INBOX as a new message.
  const ours = new Set([me?.email ?? '', ...messages.filter((m) => m.direction === 'out').map((m) => m.author.email)].map((a) => a.toLowerCase()).filter(Boolean));
  // The ticket's customer, whoever wrote last (a colleague, someone on Cc).
  const customer = await db.customers.get(ticket.customerId);
  const firstIn = messages.find((m) => m.direction === 'in');
  const customerAddress = customer && !ours.has(customer.email.toLowerCase()) ? { name: customer.name === customer.email ? '' : customer.name, email: customer.email } : (firstIn?.author ?? lastIn?.author);
  const to = customerAddress ? [customerAddress] : last.email.to.filter((a) => !ours.has(a.email.toLowerCase()));
  const seen = new Set([...ours, ...to.map((a) => a.email.toLowerCase())]);
  // Reply all: everyone on the last message the team received (its sender, To and Cc), less ourselves.
  const everyone = lastIn ? [lastIn.author, ...lastIn.email.to, ...lastIn.email.cc] : [...last.email.to, ...last.email.cc];
  const cc = everyone.filter((a) => {
    const key = a.email.toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A Message-ID longer than a header line is no use to any mail server: left out rather than cut.
  const chain = [...last.email.references, last.email.messageId].filter(fits);
  const references = chain.length > MAX_REFERENCES ? [chain[0]!, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  // Unless the agent chose otherwise, a reply goes to the customer only.
  const mode = op?.type === 'reply' ? (op.mode ?? 'reply') : 'reply';
  const forwardTo = op?.type === 'reply' && mode === 'forward' ? (op.forwardTo ?? []).map((email) => ({ name: '', email })) : null;
  const subject = `${forwardTo ? 'Fwd' : 'Re'}: ${baseSubject(messages[0]!.email.subject || ticket.subject)}`;
  const answeredMessage = (lastIn ?? last).email;
  const answered = answeredMessage.locations[0];
  const identity = (email: NonNullable<Message['email']>) => ({ ...(fits(email.messageId) ? { messageId: email.messageId } : {}), ...(email.fingerprint ? { fingerprint: email.fingerprint } : {}) });
  return {
    // A forward answers nobody: the customer's message is not marked \Answered by it.
    replyTo: answered && !forwardTo ? { folder: answered.folder, uidValidity: answered.uidValidity, uid: answered.uid, ...identity(answeredMessage) } : null,
    to: recipients(forwardTo ?? to),
    cc: forwardTo || mode === 'reply' ? [] : recipients(cc),
    subject: (ticket.number ? withSubjectTag(subject, ticket.number) : subject).slice(0, MAX_SUBJECT),
    inReplyTo: fits(last.email.messageId) ? last.email.messageId : null,
    references,
    // The newest copies of a longer conversation (the change is meant for what the agent reads).
    targets: messages.flatMap((m) => m.email.locations.map(({ folder, uidValidity, uid }) => ({ folder, uidValidity, uid, ...identity(m.email) }))).slice(-MAX_TARGETS),
  };
}
