/**
 * Team triage over plain IMAP: a conversation's status, assignee and tags are IMAP keywords on its
 * messages, so agents sharing a mailbox see each other's triage with no other server.
 */
import type { ImapFlow } from 'imapflow';
import { priorities, ticketStatuses } from '../../../shared/statuses';
import { ASSIGNEE, PRIORITY, STATUS, TAG } from '../../../shared/triage';
import type { EmailContext } from '../../../shared/email';
import type { MutationOp } from '../../../shared/mutation';


/** IMAP keywords are atoms: no spaces, parentheses, braces, wildcards, quotes, backslashes or ']'. */
export const keywordSafe = (value: string) => value.toLowerCase().replace(/[\s(){}%*"\\\]]+/g, '-').slice(0, 60);

/**
 * The keyword change for an op. `removePrefix`: also remove every keyword with this prefix found on the
 * messages (an earlier assignee, dropped tags) except the ones added.
 */
export interface KeywordChange {
  add: string[];
  remove: string[];
  removePrefix?: string;
}

export function keywordsFor(op: MutationOp): KeywordChange | null {
  switch (op.type) {
    case 'setStatus':
      return { add: [STATUS + op.status], remove: ticketStatuses.filter((s) => s !== op.status).map((s) => STATUS + s) };
    case 'setAssignee':
      return { add: op.assigneeId ? [ASSIGNEE + keywordSafe(op.assigneeId)] : [], remove: [], removePrefix: ASSIGNEE };
    case 'setPriority':
      return { add: [PRIORITY + op.priority], remove: priorities.filter((p) => p !== op.priority).map((p) => PRIORITY + p) };
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

/** Writes the keywords on every message of the conversation, folder by folder. */
export async function storeKeywords(client: ImapFlow, targets: EmailContext['targets'], change: KeywordChange): Promise<void> {
  const byFolder = new Map<string, number[]>();
  for (const t of targets) byFolder.set(t.folder, [...(byFolder.get(t.folder) ?? []), t.uid]);
  for (const [folder, uids] of byFolder) {
    const lock = await client.getMailboxLock(folder);
    try {
      const range = uids.join(',');
      const remove = new Set(change.remove);
      if (change.removePrefix) {
        for await (const m of client.fetch(range, { uid: true, flags: true }, { uid: true })) {
          for (const flag of m.flags ?? []) if (flag.startsWith(change.removePrefix) && !change.add.includes(flag)) remove.add(flag);
        }
      }
      if (remove.size) await client.messageFlagsRemove(range, [...remove], { uid: true });
      if (change.add.length) await client.messageFlagsAdd(range, change.add, { uid: true });
    } finally {
      lock.release();
    }
  }
}
