/**
 * Email into tickets, in the cache (which knows every conversation): threading by Message-ID /
 * In-Reply-To / References, then the subject tag [#N], then the normalized subject with a shared
 * participant in a time window. A ticket's fields are derived from its messages and their triage keywords.
 */
import type { Change } from '../../shared/sync';
import type { Customer, MailLocation, Message, Ticket, TicketStatus } from '../../shared/domain';
import type { MailMessage } from '../../shared/email';
import { headerRoot, normalizeSubject, relatedIds, sameConversationBySubject, subjectTag } from '../../shared/threading';
import type { SwitchboardDb } from '../db/schema';
import { rebase } from './rebase';

type MailChange = Extract<Change, { kind: 'mail' | 'mailFlags' | 'mailGone' | 'mailSnapshot' | 'mailReset' }>;

export const mailMessageId = (accountId: string, messageId: string) => `${accountId}:mid:${messageId}`;
const locationKey = (l: { folder: string; uidValidity: number; uid: number }) => `${l.folder}|${l.uidValidity}|${l.uid}`;
export const customerIdFor = (email: string) => `customer:${email.toLowerCase()}`;

const STATUS = '$sb-status-';
const PRIORITY = '$sb-priority-';
const ASSIGNEE = '$sb-assignee-';
const TAG = '$sb-tag-';

async function nextNumber(db: SwitchboardDb, accountId: string): Promise<number> {
  const key = `${accountId}#ticket-number`;
  const row = await db.syncState.get(key);
  const next = Number(row?.cursor ?? '0') + 1;
  await db.syncState.put({ key, accountId, cursor: String(next), lastSyncAt: null, error: null });
  return next;
}

/** The ticket a new message belongs to, or null for a new conversation. */
async function findTicket(db: SwitchboardDb, mail: MailMessage): Promise<string | null> {
  const byRoot = await db.tickets.where('[accountId+remoteId]').equals([mail.accountId, headerRoot(mail)]).first();
  if (byRoot) return byRoot.id;
  for (const related of relatedIds(mail)) {
    const parent = await db.messages.get(mailMessageId(mail.accountId, related));
    if (parent) return parent.ticketId;
  }
  const tag = subjectTag(mail.subject);
  if (tag !== null) {
    const tagged = await db.tickets.where('[accountId+number]').equals([mail.accountId, tag]).first();
    if (tagged) return tagged.id;
  }
  const subject = normalizeSubject(mail.subject);
  if (!subject) return null;
  const participants = [mail.from.email, ...mail.to.map((a) => a.email), ...mail.cc.map((a) => a.email)];
  for (const candidate of await db.tickets.where('[accountId+threadSubject]').equals([mail.accountId, subject]).toArray()) {
    const customer = await db.customers.get(candidate.customerId);
    const theirs = { subject: candidate.subject, participants: customer ? [customer.email] : [], date: candidate.updatedAt };
    if (sameConversationBySubject({ subject: mail.subject, participants, date: mail.date }, theirs)) return candidate.id;
  }
  return null;
}

function toMessage(mail: MailMessage, ticketId: string, locations: MailLocation[]): Message {
  return {
    id: mailMessageId(mail.accountId, mail.messageId),
    ticketId,
    accountId: mail.accountId,
    author: mail.from,
    direction: mail.outgoing ? 'out' : 'in',
    internal: false,
    createdAt: mail.date,
    text: mail.text,
    attachments: mail.attachments,
    email: {
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      subject: mail.subject,
      to: mail.to,
      cc: mail.cc,
      locations,
      keys: locations.map(locationKey),
      html: mail.html,
      broken: mail.broken,
    },
  };
}

async function applyMail(db: SwitchboardDb, mail: MailMessage, touched: Set<string>): Promise<void> {
  const id = mailMessageId(mail.accountId, mail.messageId);
  const location: MailLocation = { folder: mail.folder, uidValidity: mail.uidValidity, uid: mail.uid, flags: mail.flags };
  const existing = await db.messages.get(id);
  if (existing?.email) {
    // The same message in another folder (INBOX and Sent), or seen again: one message, several copies.
    const locations = [...existing.email.locations.filter((l) => locationKey(l) !== locationKey(location)), location];
    await db.messages.put({ ...existing, email: { ...existing.email, locations, keys: locations.map(locationKey) } });
    touched.add(existing.ticketId);
    return;
  }
  let ticketId = existing?.ticketId ?? (await findTicket(db, mail));
  if (!ticketId) {
    ticketId = `${mail.accountId}:${headerRoot(mail)}`;
    const now = mail.date;
    await db.tickets.put({
      id: ticketId, accountId: mail.accountId, remoteId: headerRoot(mail), subject: mail.subject, status: 'new',
      sourceStatus: 'new', priority: 'normal', channel: 'email', customerId: customerIdFor(mail.from.email),
      assigneeId: null, tags: [], createdAt: now, updatedAt: now, firstResponseAt: null, slaDueAt: null,
      preview: '', messageCount: 0, version: '', number: await nextNumber(db, mail.accountId),
      threadSubject: normalizeSubject(mail.subject),
    });
  }
  await db.messages.put(toMessage(mail, ticketId, [location]));
  touched.add(ticketId);
}

async function updateLocations(db: SwitchboardDb, accountId: string, keys: string[], change: (l: MailLocation) => MailLocation | null, touched: Set<string>): Promise<void> {
  const messages = await db.messages.where('email.keys').anyOf(keys).filter((m) => m.accountId === accountId).toArray();
  for (const message of messages) {
    const email = message.email!;
    const locations = email.locations.flatMap((l) => (keys.includes(locationKey(l)) ? (change(l) ?? []) : [l]));
    touched.add(message.ticketId);
    if (locations.length === 0) await db.messages.delete(message.id);
    else await db.messages.put({ ...message, email: { ...email, locations, keys: locations.map(locationKey) } });
  }
}

/** A ticket as its messages and their keywords describe it. */
async function deriveTicket(db: SwitchboardDb, ticketId: string): Promise<void> {
  const ticket = await db.tickets.get(ticketId);
  if (!ticket) return;
  const messages = await db.messages.where('[ticketId+createdAt]').between([ticketId, -Infinity], [ticketId, Infinity]).toArray();
  if (messages.length === 0) {
    await db.tickets.delete(ticketId);
    return;
  }
  const first = messages[0]!;
  const last = messages[messages.length - 1]!;
  const firstIn = messages.find((m) => m.direction === 'in');
  const customerMessage = firstIn ?? first;
  const customerEmail = firstIn ? firstIn.author.email : (first.email?.to[0]?.email ?? first.author.email);
  const customerName = firstIn ? firstIn.author.name : (first.email?.to[0]?.name ?? '');
  const customer: Customer = (await db.customers.get(customerIdFor(customerEmail))) ?? {
    id: customerIdFor(customerEmail), accountId: ticket.accountId, name: customerName || customerEmail, email: customerEmail, organization: null, vip: false,
  };
  await db.customers.put(customer);
  const flags = [...messages].reverse().map((m) => m.email?.locations.flatMap((l) => l.flags) ?? []).find((f) => f.some((k) => k.startsWith('$sb-'))) ?? [];
  const keyword = (prefix: string) => flags.find((f) => f.startsWith(prefix))?.slice(prefix.length);
  const answered = messages.some((m) => m.direction === 'out');
  const fallback: TicketStatus = !answered ? 'new' : last.direction === 'in' ? 'open' : 'pending';
  const status = (keyword(STATUS) as TicketStatus | undefined) ?? fallback;
  const assignee = keyword(ASSIGNEE);
  if (assignee) {
    const agentId = `${ticket.accountId}:${assignee}`;
    if (!(await db.agents.get(agentId))) await db.agents.put({ id: agentId, accountId: ticket.accountId, name: assignee, email: assignee });
  }
  const firstReply = firstIn ? messages.find((m) => m.direction === 'out' && m.createdAt >= firstIn.createdAt) : undefined;
  const derived: Ticket = {
    ...ticket,
    subject: customerMessage.email?.subject || ticket.subject,
    status,
    sourceStatus: status,
    priority: (keyword(PRIORITY) as Ticket['priority'] | undefined) ?? ticket.priority,
    customerId: customer.id,
    assigneeId: assignee ? `${ticket.accountId}:${assignee}` : null,
    tags: flags.filter((f) => f.startsWith(TAG)).map((f) => f.slice(TAG.length)),
    createdAt: first.createdAt,
    updatedAt: last.createdAt,
    firstResponseAt: firstReply?.createdAt ?? null,
    preview: last.text.slice(0, 140),
    messageCount: messages.length,
    version: String(messages.length),
  };
  await db.tickets.put(await rebase(db, derived));
}

export function isMailChange(change: Change): change is MailChange {
  return change.kind.startsWith('mail');
}

/** Applies a page's mail changes; call inside the pull's transaction. */
export async function applyMailChanges(db: SwitchboardDb, accountId: string, changes: MailChange[]): Promise<void> {
  const touched = new Set<string>();
  for (const change of changes) {
    switch (change.kind) {
      case 'mail':
        await applyMail(db, change.mail, touched);
        break;
      case 'mailFlags':
        await updateLocations(db, accountId, [locationKey(change.flags)], (l) => ({ ...l, flags: change.flags.flags }), touched);
        break;
      case 'mailGone':
        await updateLocations(db, accountId, [locationKey(change.gone)], () => null, touched);
        break;
      case 'mailSnapshot': {
        const { folder, uidValidity, upTo, uids } = change.snapshot;
        const present = new Set(uids);
        const inFolder = await db.messages.where('accountId').equals(accountId).filter((m) => !!m.email?.locations.some((l) => l.folder === folder)).toArray();
        const gone = inFolder.flatMap((m) => m.email!.locations.filter((l) => l.folder === folder && l.uidValidity === uidValidity && l.uid <= upTo && !present.has(l.uid)).map(locationKey));
        if (gone.length) await updateLocations(db, accountId, gone, () => null, touched);
        break;
      }
      case 'mailReset': {
        const { folder, uidValidity } = change.reset;
        const inFolder = await db.messages.where('accountId').equals(accountId).filter((m) => !!m.email?.locations.some((l) => l.folder === folder && l.uidValidity !== uidValidity)).toArray();
        const stale = inFolder.flatMap((m) => m.email!.locations.filter((l) => l.folder === folder && l.uidValidity !== uidValidity).map(locationKey));
        if (stale.length) await updateLocations(db, accountId, stale, () => null, touched);
        break;
      }
    }
  }
  for (const ticketId of touched) await deriveTicket(db, ticketId);
}
