/**
 * What every helpdesk connector shares, written once: the connection test, and the push of a change —
 * reading a ticket needs no call (helpdesks keep no per-agent read state), what the source cannot take is
 * refused with why (shared/capabilities.ts), a field change becomes the source's own fields in one place,
 * and a rate limit makes the outbox wait as long as the source asked.
 *
 * A helpdesk says how it names its fields (`fields`), how it writes them (`update`), and how it replies.
 */
import { cannotTake } from '../../../shared/capabilities';
import type { Capabilities, Connector, LocalFile, TestResult } from '../../../shared/connector';
import type { Account, Agent, Priority, TicketStatus } from '../../../shared/domain';
import type { Mutation, MutationOp, PushResult } from '../../../shared/mutation';
import type { PullResult } from '../../../shared/sync';
import type { VipSource } from '../../../shared/vip';
import { log } from '../../log';
import { RetryLater, testFailure } from './client';

export type ReplyOp = Extract<MutationOp, { type: 'reply' }>;

/** How a helpdesk names a ticket's fields; `F` is what its `update` sends. */
export interface FieldNames<F> {
  status(status: TicketStatus): F;
  /** Absent where the source has no priorities. */
  priority?(priority: Priority): F;
  /** `agentId`: the agent's id at the source; null: nobody. */
  assignee(agentId: string | null): F;
  /** The team by its name; null when the source has none by that name (or the agent may not see it). */
  team(name: string): Promise<F | null>;
  /** Absent where the source has no tags. */
  tags?(tags: string[]): F;
}

export abstract class HelpdeskConnector<F> implements Connector {
  abstract readonly capabilities: Capabilities;
  me: Agent | null = null;
  /** How this account marks VIP customers (a tag, a custom field); see shared/vip.ts. */
  vip: VipSource | undefined;
  /** The helpdesk's name, as the agent reads it in a refusal. */
  protected abstract readonly source: string;
  /** What the helpdesk calls a team ("queue", "group", "mailbox"). */
  protected abstract readonly teamWord: string;
  protected abstract readonly fields: FieldNames<F>;

  constructor(readonly account: Account) {}

  abstract pull(cursor: string | null): Promise<PullResult>;
  /** One signed-in read that proves the settings work (and tells who the agent is, where the source says). */
  protected abstract signInCheck(): Promise<void>;
  /** A reply or an internal note, sent once (http/send-once.ts), with the status the agent chose. */
  protected abstract reply(mutation: Mutation, op: ReplyOp, files: LocalFile[]): Promise<PushResult>;
  /** Writes fields, refusing to overwrite a newer ticket: a conflict carries the source's ticket. */
  protected abstract update(mutation: Mutation, fields: F): Promise<PushResult>;

  /** Time worked, where the capabilities say the source keeps it. */
  protected logTime(_mutation: Mutation, _minutes: number): Promise<PushResult> {
    return Promise.resolve({ kind: 'rejected', reason: `${this.source} keeps no time worked.` });
  }

  async testConnection(): Promise<TestResult> {
    try {
      await this.signInCheck();
      return { ok: true, notes: [] };
    } catch (error) {
      return testFailure(error);
    }
  }

  /** The source's own id of one of its agents (Switchboard's is the account's id, a colon, then it). */
  protected agentIdAtSource(agentId: string): string {
    return agentId.slice(this.account.id.length + 1);
  }

  async push(mutation: Mutation, files: LocalFile[] = []): Promise<PushResult> {
    const { op } = mutation;
    if (op.type === 'markSeen') return { kind: 'applied', messages: [] };
    const refused = cannotTake(this.capabilities, op, this.source);
    if (refused) return { kind: 'rejected', reason: `${refused}.` };
    try {
      if (op.type === 'reply') return await this.reply(mutation, op, files);
      if (op.type === 'logTime') return await this.logTime(mutation, op.minutes);
      if (op.type === 'setFlagged') return { kind: 'rejected', reason: `${this.source} has no flags.` };
      const fields = await this.fieldsOf(op);
      if (fields === null) return { kind: 'rejected', reason: op.type === 'setTeam' ? `${this.source} has no ${this.teamWord} named "${op.team}" (or you may not see it).` : `${this.source} cannot take this change.` };
      return await this.update(mutation, fields);
    } catch (error) {
      if (!(error instanceof RetryLater)) throw error;
      log.warn(`${this.source}: ${error.message}`);
      return { kind: 'retryAfter', ms: error.ms };
    }
  }

  /** The one place a field change becomes the source's fields. */
  private async fieldsOf(op: Extract<MutationOp, { type: 'setStatus' | 'setPriority' | 'setAssignee' | 'setTeam' | 'setTags' }>): Promise<F | null> {
    switch (op.type) {
      case 'setStatus':
        return this.fields.status(op.status);
      case 'setPriority':
        return this.fields.priority?.(op.priority) ?? null;
      case 'setAssignee':
        return this.fields.assignee(op.assigneeId ? this.agentIdAtSource(op.assigneeId) : null);
      case 'setTeam':
        return this.fields.team(op.team);
      case 'setTags':
        return this.fields.tags?.(op.tags) ?? null;
    }
  }
}
