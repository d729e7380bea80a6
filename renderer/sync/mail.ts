/**
 * Email into tickets, in the cache (which knows every conversation): threading by Message-ID /
 * In-Reply-To / References, then the subject tag [#N], then the normalized subject with a shared
 * participant in a time window. A page of mail is applied with a handful of bulk reads and writes.
 */
import type { Agent, MailLocation, Message, Ticket } from '../../shared/domain';
import { boundedRemoteId, customerIdFor, localId } from '../../shared/ids';
import type { MailMessage } from '../../shared/email';
import type { Change } from '../../shared/sync';
import { mailMessageId } from '../../shared/triage';
import { headerRoot, normalizeSubject, relatedIds, sameConversationBySubject, subjectTag } from '../../shared/threading';
import type { SwitchboardDb } from '../db/schema';
import { assigneeOf, customerOf, deriveTicket, rebuiltTicket, threadTicketId } from './mail-ticket';
import { slaPolicy } from './sla-policy';
import { vipRules, withVip } from '../db/vip';
import { putCustomers } from './customers';
import { rebase } from './rebase';
import { anyOfKeys } from '../db/any-of';
import { threadOf } from '../db/thread';

type MailChange = Extract<Change, { kind: 'mail' | 'mailFlags' | 'mailGone' | 'mailSnapshot' | 'mailReset' }>;

const locationKey = (l: { folder: string; uidValidity: number; uid: number }) => `${l.folder}|${l.uidValidity}|${l.uid}`;

/** What a message that reuses another's Message-ID threads by, when it names no parent: an id of its own. */
const variantRoot = (mail: MailMessage) => `${mail.messageId}#${mail.fingerprint}`;

/**
 * Different messages that carry the same Message-ID (a broken mailer, an edited resend): both fingerprints
 * known, of the same version, and different. A message cached before fingerprints existed counts as the same.
 */
function isOtherMessage(cached: Message, mail: MailMessage): boolean {
  const known = cached.email?.fingerprint;
  if (!known || !mail.fingerprint) return false;
  const version = (f: string) => f.slice(0, f.indexOf('.') + 1);
  return version(known) === version(mail.fingerprint) && known !== mail.fingerprint;
}

export function isMailChange(change: Change): change is MailChange {
  return change.kind.startsWith('mail');
}

/** What one page needs to know, read in bulk up front, and what it will write. */
class Page {
  messages = new Map<string, Message>();
  tickets = new Map<string, Ticket>();
  byRoot = new Map<string, string>();
  byNumber = new Map<number, string>();
  bySubject = new Map<string, string[]>();
  /** Tickets created by this page: all their messages are in `messages`. */
  created = new Set<string>();
  touched = new Set<string>();
  dirtyMessages = new Set<string>();
  nextNumber = 0;

  constructor(
    readonly db: SwitchboardDb,
    readonly accountId: string,
  ) {}

  async load(mails: MailMessage[]): Promise<void> {
    const { db, accountId } = this;
    const ids = [...new Set(mails.flatMap((m) => [m.messageId, ...relatedIds(m)]).map((id) => mailMessageId(accountId, id)))];
    for (const row of await db.messages.bulkGet(ids)) if (row) this.messages.set(row.id, row);
    // Different messages reusing a cached Message-ID (rare): their own rows and conversations are read too.
    const others = mails.filter((m) => {
      const cached = this.messages.get(mailMessageId(accountId, m.messageId));
      return !!cached && isOtherMessage(cached, m);
    });
    if (others.length) {
      const variants = await db.messages.bulkGet(others.map((m) => mailMessageId(accountId, m.messageId, m.fingerprint)));
      for (const row of variants) if (row) this.messages.set(row.id, row);
    }
    // A ticket's id follows from its root: the conversations by root are read by primary key.
    const roots = [...new Set([...mails.map(headerRoot), ...others.map(variantRoot)])].map((r) => threadTicketId(accountId, r));
    const numbers = [...new Set(mails.flatMap((m) => subjectTag(m.subject) ?? []))].map((n) => [accountId, n]);
    const subjects = [...new Set(mails.map((m) => normalizeSubject(m.subject)).filter(Boolean))].map((s) => [accountId, s]);
    const [byRoot, byNumber, bySubject] = await Promise.all([
      db.tickets.bulkGet(roots),
      anyOfKeys(db.tickets, '[accountId+number]', numbers),
      anyOfKeys(db.tickets, '[accountId+threadSubject]', subjects),
    ]);
    for (const ticket of [...byRoot.filter((t): t is Ticket => t !== undefined), ...byNumber, ...bySubject]) this.remember(ticket);
    const seq = await db.syncState.get(`${accountId}#ticket-number`);
    this.nextNumber = Number(seq?.cursor ?? '0');
  }

  remember(ticket: Ticket): void {
    this.tickets.set(ticket.id, ticket);
    this.byRoot.set(ticket.remoteId, ticket.id);
    if (ticket.number) this.byNumber.set(ticket.number, ticket.id);
    if (ticket.threadSubject) this.bySubject.set(ticket.threadSubject, [...(this.bySubject.get(ticket.threadSubject) ?? []), ticket.id]);
  }

  putMessage(message: Message): void {
    this.messages.set(message.id, message);
    this.dirtyMessages.add(message.id);
    this.touched.add(message.ticketId);
  }

  findTicket(mail: MailMessage): string | null {
    // The direct parent first: a message split off by hand keeps the replies to it.
    const parent = mail.inReplyTo ? this.messages.get(mailMessageId(this.accountId, mail.inReplyTo)) : undefined;
    if (parent) return parent.ticketId;
    const byRoot = this.byRoot.get(boundedRemoteId(this.accountId, headerRoot(mail)));
    if (byRoot) return byRoot;
    for (const related of relatedIds(mail)) {
      const parent = this.messages.get(mailMessageId(this.accountId, related));
      if (parent) return parent.ticketId;
    }
    const tag = subjectTag(mail.subject);
    if (tag !== null && this.byNumber.has(tag)) return this.byNumber.get(tag)!;
    // Participants compared by their customer ids (an id may be a hash of a long address).
    const participants = [mail.from.email, ...mail.to.map((a) => a.email), ...mail.cc.map((a) => a.email)].map(customerIdFor);
    for (const id of this.bySubject.get(normalizeSubject(mail.subject)) ?? []) {
      const candidate = this.tickets.get(id)!;
      const theirs = { subject: candidate.subject, participants: [candidate.customerId], date: candidate.updatedAt };
      if (sameConversationBySubject({ subject: mail.subject, participants, date: mail.date }, theirs)) return id;
    }
    return null;
  }

  newTicket(mail: MailMessage): string {
    const root = boundedRemoteId(this.accountId, headerRoot(mail));
    const ticket: Ticket = {
      id: localId(this.accountId, root), accountId: this.accountId, remoteId: root, subject: mail.subject, status: 'new',
      sourceStatus: 'new', priority: 'normal', channel: 'email', customerId: customerIdFor(mail.from.email),
      assigneeId: null, tags: [], createdAt: mail.date, updatedAt: mail.date, firstResponseAt: null, slaDueAt: null,
      preview: '', messageCount: 0, version: '', number: ++this.nextNumber, threadSubject: normalizeSubject(mail.subject),
    };
    this.remember(ticket);
    this.created.add(ticket.id);
    return ticket.id;
  }
}

function toMessage(mail: MailMessage, id: string, ticketId: string, locations: MailLocation[]): Message {
  return {
    id,
    ticketId,
    accountId: mail.accountId,
    author: mail.from,
    direction: mail.outgoing || mail.note ? 'out' : 'in',
    internal: mail.note === true,
    createdAt: mail.date,
    text: mail.text,
    attachments: mail.attachments,
    email: {
      messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references, subject: mail.subject,
      to: mail.to, cc: mail.cc, locations, keys: locations.map(locationKey), html: mail.html, inline: mail.inline, broken: mail.broken, tooLarge: mail.tooLarge,
      fingerprint: mail.fingerprint,
    },
  };
}

function applyMail(page: Page, mail: MailMessage): void {
  const location: MailLocation = { folder: mail.folder, uidValidity: mail.uidValidity, uid: mail.uid, flags: mail.flags };
  let id = mailMessageId(mail.accountId, mail.messageId);
  let existing = page.messages.get(id);
  // Another message with the same Message-ID: kept as a message of its own, never hidden behind the first.
  const variant = !!existing && isOtherMessage(existing, mail);
  if (variant) {
    id = mailMessageId(mail.accountId, mail.messageId, mail.fingerprint);
    existing = page.messages.get(id);
  }
  if (existing?.email) {
    // The same message in another folder (INBOX and Sent), or seen again: one message, several copies.
    const locations = [...existing.email.locations.filter((l) => locationKey(l) !== locationKey(location)), location];
    page.putMessage({ ...existing, email: { ...existing.email, locations, keys: locations.map(locationKey) } });
    return;
  }
  // A copy acknowledged by a push (no email details yet) keeps its ticket. A variant that names no parent
  // starts a conversation of its own rather than joining the first message's.
  const threading = variant ? { ...mail, messageId: variantRoot(mail) } : mail;
  const ticketId = existing?.ticketId ?? page.findTicket(threading) ?? page.newTicket(threading);
  page.putMessage(toMessage(mail, id, ticketId, [location]));
}

async function updateLocations(page: Page, keys: string[], change: (l: MailLocation) => MailLocation | null): Promise<void> {
  const wanted = new Set(keys);
  const rows = (await anyOfKeys(page.db.messages, 'email.keys', keys)).filter((m) => m.accountId === page.accountId);
  for (const row of rows) {
    const message = page.messages.get(row.id) ?? row;
    const email = message.email!;
    const locations = email.locations.flatMap((l) => (wanted.has(locationKey(l)) ? (change(l) ?? []) : [l]));
    page.putMessage({ ...message, email: { ...email, locations, keys: locations.map(locationKey) } });
  }
}

/** Copies in `folder` that `gone` says are no longer on the server. */
async function staleKeys(page: Page, folder: string, gone: (l: MailLocation) => boolean): Promise<string[]> {
  const rows = await page.db.messages.where('accountId').equals(page.accountId).filter((m) => !!m.email?.locations.some((l) => l.folder === folder)).toArray();
  return rows.flatMap((m) => m.email!.locations.filter((l) => l.folder === folder && gone(l)).map(locationKey));
}

async function write(page: Page): Promise<void> {
  const { db, accountId } = page;
  const dirty = [...page.dirtyMessages].map((id) => page.messages.get(id)!);
  const emptied = dirty.filter((m) => m.email && m.email.locations.length === 0);
  await db.messages.bulkPut(dirty.filter((m) => !emptied.includes(m)));
  await db.messages.bulkDelete(emptied.map((m) => m.id));

  const pendingLocal = (await db.outbox.where('accountId').equals(accountId).count()) > 0;
  const threads = new Map<string, Message[]>();
  for (const ticketId of page.touched) {
    const messages = page.created.has(ticketId)
      ? [...page.messages.values()].filter((m) => m.ticketId === ticketId && !emptied.includes(m))
      : await threadOf(db, ticketId).toArray();
    threads.set(ticketId, messages.sort((a, b) => a.createdAt - b.createdAt));
  }
  const customers = [...threads.values()].filter((m) => m.length > 0).map((m) => customerOf(m, accountId));
  const known = new Map((await db.customers.bulkGet(customers.map((c) => c.id))).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  // Known customers too: a name from a conversation improves one a source knew only by address. Email
  // has no view on VIP: a known customer's stays.
  await putCustomers(db, customers.map((c) => (known.has(c.id) ? { ...c, vip: known.get(c.id)!.vip } : c)));
  const sla = { policy: await slaPolicy(db), now: Date.now() };
  const rules = await vipRules(db);

  const tickets: Ticket[] = [];
  const agents: Agent[] = [];
  for (const [ticketId, messages] of threads) {
    if (messages.length === 0) {
      await db.tickets.delete(ticketId);
      continue;
    }
    // A conversation whose row is missing (set aside as damaged) is made again from its messages.
    const ticket = page.tickets.get(ticketId) ?? (await db.tickets.get(ticketId)) ?? rebuiltTicket(accountId, ticketId, messages, () => ++page.nextNumber);
    const fresh = customerOf(messages, accountId);
    const derived = deriveTicket(ticket, messages, withVip(known.get(fresh.id) ?? fresh, rules), sla);
    tickets.push(pendingLocal ? await rebase(db, derived) : derived);
    const assignee = assigneeOf(messages);
    if (assignee) agents.push({ id: localId(accountId, assignee), accountId, name: assignee, email: assignee });
  }
  await db.tickets.bulkPut(tickets);
  await db.syncState.put({ key: `${accountId}#ticket-number`, accountId, cursor: String(page.nextNumber), lastSyncAt: null, error: null });
  const knownAgents = new Set((await db.agents.bulkGet(agents.map((a) => a.id))).flatMap((a) => (a ? [a.id] : [])));
  await db.agents.bulkPut(agents.filter((a) => !knownAgents.has(a.id)));
}

/** Applies a page's mail changes; call inside the pull's transaction. */
export async function applyMailChanges(db: SwitchboardDb, accountId: string, changes: MailChange[]): Promise<void> {
  if (changes.length === 0) return;
  const page = new Page(db, accountId);
  await page.load(changes.flatMap((c) => (c.kind === 'mail' ? [c.mail] : [])));
  for (const change of changes) {
    switch (change.kind) {
      case 'mail':
        applyMail(page, change.mail);
        break;
      case 'mailFlags':
        await updateLocations(page, [locationKey(change.flags)], (l) => ({ ...l, flags: change.flags.flags }));
        break;
      case 'mailGone':
        await updateLocations(page, [locationKey(change.gone)], () => null);
        break;
      case 'mailSnapshot': {
        const { folder, uidValidity, upTo, uids } = change.snapshot;
        const present = new Set(uids);
        const gone = await staleKeys(page, folder, (l) => l.uidValidity === uidValidity && l.uid <= upTo && !present.has(l.uid));
        if (gone.length) await updateLocations(page, gone, () => null);
        break;
      }
      case 'mailReset': {
        const { folder, uidValidity } = change.reset;
        const stale = await staleKeys(page, folder, (l) => l.uidValidity !== uidValidity);
        if (stale.length) await updateLocations(page, stale, () => null);
        break;
      }
    }
  }
  await write(page);
}
