/**
 * Names that cannot lie about what they are. Bidi controls — embeddings, overrides, isolates and marks —
 * make "invoice\u202Efdp.exe" read as "invoiceexe.pdf"; in a sender's or a file's name they only ever
 * deceive, so every name that enters the cache (`safeNames`) and every file name shown is without them.
 */
import type { Change } from './sync';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const withoutBidi = (name: string): string => name.replace(BIDI_CONTROLS, '');

/** A file's real extension ("exe" of "invoicefdp.exe"), lower case; '' when it has none. */
export function extensionOf(fileName: string): string {
  const match = /\.([^.\s]{1,12})$/.exec(withoutBidi(fileName).trim());
  return match ? match[1]!.toLowerCase() : '';
}

const person = <T extends { name: string }>(p: T): T => ({ ...p, name: withoutBidi(p.name) });

/** A pulled change with its people's and files' names cleaned. */
export function safeNames(change: Change): Change {
  switch (change.kind) {
    case 'message': {
      const { message } = change;
      return { ...change, message: { ...message, author: person(message.author), attachments: message.attachments.map(person) } };
    }
    case 'mail': {
      const { mail } = change;
      return { ...change, mail: { ...mail, from: person(mail.from), to: mail.to.map(person), cc: mail.cc.map(person), attachments: mail.attachments.map(person) } };
    }
    case 'customer':
      return { ...change, customer: person(change.customer) };
    case 'agent':
      return { ...change, agent: person(change.agent) };
    default:
      return change;
  }
}
