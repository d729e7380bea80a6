/**
 * Team triage over plain IMAP: a conversation's status, assignee and tags are IMAP keywords on its
 * messages, so agents sharing a mailbox see each other's triage with no other server.
 *
 * A change lands on the messages it was meant for or fails visibly: each target carries the UIDVALIDITY it
 * was queued under, and a folder the server renumbered since is searched again by Message-ID (never "UID
 * 41 of whatever is there now"); a keyword the mailbox does not accept (PERMANENTFLAGS) or a STORE the
 * server refuses (Cyrus: "Too many user flags in mailbox") is a failed change with the server's words.
 */
import type { ImapFlow, MailboxObject } from 'imapflow';
import { priorities, ticketStatuses } from '../../../shared/statuses';
import { ASSIGNEE, PRIORITY, STATUS, TAG } from '../../../shared/triage';
import type { MailTarget } from '../../../shared/email';
import type { MutationOp } from '../../../shared/mutation';
import type { TicketStatus } from '../../../shared/domain';
import { lastRefusal } from './imap';
import { parseMail, stripAngles } from './parse';

/** IMAP keywords are atoms: no spaces, parentheses, braces, wildcards, quotes, backslashes or ']'. */
export const keywordSafe = (value: string) => value.toLowerCase().replace(/[\s(){}%*"\\\]]+/g, '-').slice(0, 60);

/** A change the server will not take (or can no longer place): the agent is told why; it is not retried. */
export class KeywordRefused extends Error {
  override name = 'KeywordRefused';
}

/**
 * The keyword change for an op. `removePrefix`: also remove every keyword with this prefix found on the
 * messages (an earlier assignee, dropped tags) except the ones added.
 */
export interface KeywordChange {
  add: string[];
  remove: string[];
  removePrefix?: string;
}

/**
 * Keywords are spent sparingly (a server like Cyrus allows 100 per mailbox, each tag and assignee name
 * costs one): the default priority, normal, is the absence of a priority keyword.
 */
export function keywordsFor(op: MutationOp): KeywordChange | null {
  switch (op.type) {
    case 'setStatus':
      return { add: [STATUS + op.status], remove: ticketStatuses.filter((s) => s !== op.status).map((s) => STATUS + s) };
    case 'setAssignee':
      return { add: op.assigneeId ? [ASSIGNEE + keywordSafe(op.assigneeId)] : [], remove: [], removePrefix: ASSIGNEE };
    case 'setPriority':
      return { add: op.priority === 'normal' ? [] : [PRIORITY + op.priority], remove: priorities.filter((p) => p !== op.priority).map((p) => PRIORITY + p) };
    case 'setTags':
      return { add: op.tags.map((t) => TAG + keywordSafe(t)), remove: [], removePrefix: TAG };
    case 'markSeen':
      return { add: ['\\Seen'], remove: [] };
    case 'setFlagged':
      return op.flagged ? { add: ['\\Flagged'], remove: [] } : { add: [], remove: ['\\Flagged'] };
    default:
      return null;
  }
}

/**
 * The keywords for the status a reply leaves: pending is what an answered conversation with no status
 * keyword already reads as (renderer/sync/mail-ticket.ts), so it costs none and needs none accepted.
 */
export function statusAfterReplyKeywords(status: TicketStatus): KeywordChange {
  return status === 'pending' ? { add: [], remove: ticketStatuses.map((s) => STATUS + s) } : keywordsFor({ type: 'setStatus', status })!;
}

/** UIDs in the selected folder holding the message with this Message-ID (and fingerprint, where several do). */
async function findMessage(client: ImapFlow, messageId: string, fingerprint: string | undefined, folder: string): Promise<number[]> {
  const candidates = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
  if (candidates.length === 0) return [];
  const exact: number[] = [];
  for await (const m of client.fetch(candidates.join(','), { uid: true, envelope: true }, { uid: true })) {
    if (m.envelope?.messageId && stripAngles(m.envelope.messageId) === messageId) exact.push(m.uid);
  }
  if (exact.length <= 1 || !fingerprint) return exact;
  // Several messages share the id: the one whose content matches.
  const matching: number[] = [];
  for await (const m of client.fetch(exact.join(','), { uid: true, source: true }, { uid: true })) {
    const parsed = m.source ? await parseMail(m.source, { accountId: '', folder, uidValidity: 0, uid: m.uid, flags: [], size: m.source.length, ownAddresses: [] }) : null;
    if (parsed?.fingerprint === fingerprint) matching.push(m.uid);
  }
  return matching;
}

/** Where the targets are now in the selected folder: as queued, or found again after a renumbering. */
async function locate(client: ImapFlow, folder: string, targets: MailTarget[]): Promise<number[]> {
  const uidValidity = Number((client.mailbox as MailboxObject).uidValidity);
  const current = targets.filter((t) => t.uidValidity === uidValidity);
  const present = current.length ? new Set((await client.search({ uid: current.map((t) => t.uid).join(',') }, { uid: true })) || []) : new Set<number>();
  const uids = new Set<number>();
  for (const t of targets) {
    if (t.uidValidity === uidValidity) {
      if (present.has(t.uid)) uids.add(t.uid);
    } else if (t.messageId) {
      for (const uid of await findMessage(client, t.messageId, t.fingerprint, folder)) uids.add(uid);
    }
  }
  return [...uids];
}

/**
 * Writes the keywords on every message of the conversation, folder by folder. Throws KeywordRefused when
 * the server refuses, or when none of the messages can be found any more.
 */
export async function storeKeywords(client: ImapFlow, targets: MailTarget[], change: KeywordChange): Promise<void> {
  const byFolder = new Map<string, MailTarget[]>();
  for (const t of targets) byFolder.set(t.folder, [...(byFolder.get(t.folder) ?? []), t]);
  let placed = 0;
  for (const [folder, inFolder] of byFolder) {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = await locate(client, folder, inFolder);
      if (uids.length === 0) continue;
      placed += uids.length;
      const permanent = (client.mailbox as MailboxObject).permanentFlags;
      const refused = permanent && !permanent.has('\\*') ? change.add.filter((k) => !k.startsWith('\\') && !permanent.has(k)) : [];
      if (refused.length) {
        throw new KeywordRefused(`The mail server does not accept new keywords in ${folder} (${refused.join(', ')}), so this change cannot be shared through it.`);
      }
      const range = uids.join(',');
      const remove = new Set(change.remove);
      if (change.removePrefix) {
        for await (const m of client.fetch(range, { uid: true, flags: true }, { uid: true })) {
          for (const flag of m.flags ?? []) if (flag.startsWith(change.removePrefix) && !change.add.includes(flag)) remove.add(flag);
        }
      }
      if (remove.size && !(await client.messageFlagsRemove(range, [...remove], { uid: true }))) refuse(client, folder);
      if (change.add.length && !(await client.messageFlagsAdd(range, change.add, { uid: true }))) refuse(client, folder);
    } finally {
      lock.release();
    }
  }
  // Nothing to add (only keywords to take away) and no message left to carry them: nothing to save.
  if (placed === 0 && targets.length > 0 && change.add.length > 0) {
    throw new KeywordRefused('None of this conversation’s messages can be found on the mail server any more (moved, deleted, or the folder was renumbered); the change was not saved there.');
  }
}

function refuse(client: ImapFlow, folder: string): never {
  throw new KeywordRefused(`The mail server refused to save this change in ${folder}: ${lastRefusal(client) ?? 'it gave no reason'}.`);
}
