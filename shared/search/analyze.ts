/**
 * A ticket as the search index sees it: its terms, each with a rank for the best field it occurs in,
 * and the attributes that filters and ranking read. The subject weighs most, then customer and
 * attachment names, then what was written; quoted history and signatures least.
 */
import { priorities, ticketStatuses } from '../statuses';
import { fold, htmlToText, isStopword, splitQuoted, stem, words } from './text';

const FIELD = { subject: 1, body: 2, quoted: 4, note: 8, attachment: 16, customer: 32 } as const;

/** Where a term occurs, best first; two bits in each posting. */
export const RANK = { subject: 3, name: 2, text: 1, quoted: 0 } as const;

/** Ranking weight of each rank. */
export const RANK_WEIGHT = [0.3, 1, 2, 3] as const;

function rankOf(mask: number): number {
  if (mask & FIELD.subject) return RANK.subject;
  if (mask & (FIELD.customer | FIELD.attachment)) return RANK.name;
  if (mask & (FIELD.body | FIELD.note)) return RANK.text;
  return RANK.quoted;
}

/** Prefixes of terms that are not words of the text: correspondents by field, and tags. */
export const TERM = { from: '\u0001f', to: '\u0001t', cc: '\u0001c', tag: '\u0001g' } as const;

export const channels = ['email', 'web', 'chat', 'phone', 'social', 'api'] as const;

export interface Person {
  name: string;
  email: string;
}

export interface DocInput {
  ticketId: string;
  accountId: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  assigneeId: string | null;
  tags: readonly string[];
  createdAt: number;
  updatedAt: number;
  slaDueAt: number | null;
  unread: boolean;
  flagged?: boolean;
  vip: boolean;
  customer: (Person & { organization: string | null }) | null;
  messages: ReadonlyArray<{
    text: string;
    html?: string | null;
    internal: boolean;
    author: Person;
    to?: readonly Person[];
    cc?: readonly Person[];
    attachments: ReadonlyArray<{ name: string }>;
  }>;
}

/** Bits of DocAttrs.flags. */
export const FLAG = { vip: 1, unread: 2, attachment: 4, flagged: 8 } as const;

export interface DocAttrs {
  account: string;
  assignee: string | null;
  status: number;
  priority: number;
  channel: number;
  flags: number;
  createdAt: number;
  updatedAt: number;
  slaDueAt: number | null;
}

/** What the index keeps of a ticket; also what is persisted for tickets indexed since the last snapshot. */
export interface AnalyzedDoc {
  ticketId: string;
  terms: string[];
  /** RANK of each term. */
  ranks: number[];
  attrs: DocAttrs;
}

/** The terms a correspondent is found by: the address's local part, domain and domain labels, name words
 * (a whole address is found as its local part and domain together). */
export function personTerms(person: Person): string[] {
  const out = new Set<string>();
  const email = fold(person.email.trim());
  if (email) {
    const [local, domain] = email.split('@');
    if (local) out.add(local);
    if (domain) {
      out.add(domain);
      for (const label of domain.split('.').slice(0, -1)) if (label) out.add(label);
    }
  }
  for (const word of words(person.name)) out.add(word);
  return [...out];
}

export function analyze(doc: DocInput): AnalyzedDoc {
  const map = new Map<string, number>();
  const addText = (text: string, field: number) => {
    for (const word of words(text)) {
      if (isStopword(word)) continue;
      const term = stem(word);
      map.set(term, (map.get(term) ?? 0) | field);
    }
  };
  const addTerm = (term: string) => map.set(term, FIELD.body);
  addText(doc.subject, FIELD.subject);
  // The customer by name, organization and address (without its top-level domain: "com" finds nothing).
  if (doc.customer) addText(`${doc.customer.name} ${doc.customer.email.replace(/\.[^.@]*$/, '').replace(/[@.]/g, ' ')} ${doc.customer.organization ?? ''}`, FIELD.customer);
  let attachment = false;
  for (const message of doc.messages) {
    const text = message.text || (message.html ? htmlToText(message.html) : '');
    if (message.internal) addText(text, FIELD.note);
    else {
      const { own, quoted } = splitQuoted(text);
      addText(own, FIELD.body);
      addText(quoted, FIELD.quoted);
    }
    for (const a of message.attachments) {
      attachment = true;
      addText(a.name.replace(/[._-]+/g, ' '), FIELD.attachment);
    }
    for (const term of personTerms(message.author)) addTerm(TERM.from + term);
    for (const p of message.to ?? []) for (const term of personTerms(p)) addTerm(TERM.to + term);
    for (const p of message.cc ?? []) for (const term of personTerms(p)) addTerm(TERM.cc + term);
  }
  for (const tag of doc.tags) addTerm(TERM.tag + fold(tag));
  const terms = [...map.keys()];
  return {
    ticketId: doc.ticketId,
    terms,
    ranks: terms.map((t) => rankOf(map.get(t)!)),
    attrs: {
      account: doc.accountId,
      assignee: doc.assigneeId,
      status: Math.max(0, (ticketStatuses as readonly string[]).indexOf(doc.status)),
      priority: Math.max(0, (priorities as readonly string[]).indexOf(doc.priority)),
      channel: Math.max(0, (channels as readonly string[]).indexOf(doc.channel)),
      flags: (doc.vip ? FLAG.vip : 0) | (doc.unread ? FLAG.unread : 0) | (doc.flagged ? FLAG.flagged : 0) | (attachment ? FLAG.attachment : 0),
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      slaDueAt: doc.slaDueAt,
    },
  };
}
