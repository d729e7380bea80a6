/**
 * What main needs to act on an email conversation, taken from the cache: who a reply goes to, its
 * subject with the ticket's tag, the threading headers, and every server copy (for triage keywords).
 */
import type { Agent, Message, Ticket } from '../../shared/domain';
import type { MutationOp } from '../../shared/mutation';
import type { EmailContext } from '../../shared/email';
import { baseSubject, withSubjectTag } from '../../shared/threading';
import type { SwitchboardDb } from '../db/schema';

const MAX_REFERENCES = 20;

/** `op`: a reply's mode decides who it goes to (reply: the customer; reply all: the thread; forward: others). */
export async function emailContextFor(db: SwitchboardDb, ticket: Ticket, me: Agent | null, op?: MutationOp): Promise<EmailContext | undefined> {
  const messages = (await db.messages.where('[ticketId+createdAt]').between([ticket.id, -Infinity], [ticket.id, Infinity]).toArray())
    .filter((m): m is Message & { email: NonNullable<Message['email']> } => !!m.email);
  if (messages.length === 0) return undefined;
  const own = (me?.email ?? '').toLowerCase();
  const last = messages[messages.length - 1]!;
  const lastIn = [...messages].reverse().find((m) => m.direction === 'in');
  const to = lastIn ? [lastIn.author] : last.email.to;
  const seen = new Set([own, ...to.map((a) => a.email.toLowerCase())]);
  const cc = (lastIn ? [...lastIn.email.to, ...lastIn.email.cc] : last.email.cc).filter((a) => {
    const key = a.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const chain = [...last.email.references, last.email.messageId];
  const references = chain.length > MAX_REFERENCES ? [chain[0]!, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  const mode = op?.type === 'reply' ? (op.mode ?? 'replyAll') : 'replyAll';
  const forwardTo = op?.type === 'reply' && mode === 'forward' ? (op.forwardTo ?? []).map((email) => ({ name: '', email })) : null;
  const subject = `${forwardTo ? 'Fwd' : 'Re'}: ${baseSubject(messages[0]!.email.subject || ticket.subject)}`;
  const answeredMessage = (lastIn ?? last).email;
  const answered = answeredMessage.locations[0];
  const identity = (email: NonNullable<Message['email']>) => ({ messageId: email.messageId, ...(email.fingerprint ? { fingerprint: email.fingerprint } : {}) });
  return {
    // A forward answers nobody: the customer's message is not marked \Answered by it.
    replyTo: answered && !forwardTo ? { folder: answered.folder, uidValidity: answered.uidValidity, uid: answered.uid, ...identity(answeredMessage) } : null,
    to: forwardTo ?? to,
    cc: forwardTo || mode === 'reply' ? [] : cc,
    subject: ticket.number ? withSubjectTag(subject, ticket.number) : subject,
    inReplyTo: last.email.messageId,
    references,
    targets: messages.flatMap((m) => m.email.locations.map(({ folder, uidValidity, uid }) => ({ folder, uidValidity, uid, ...identity(m.email) }))),
  };
}
