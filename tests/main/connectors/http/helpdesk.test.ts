/**
 * The push every helpdesk shares: a change becomes the source's own fields in one place, what the
 * source cannot take is refused with its name, and a rate limit makes the outbox wait.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Capabilities, LocalFile } from '../../../../shared/connector';
import type { Mutation, MutationOp, PushResult } from '../../../../shared/mutation';
import { RetryLater } from '../../../../main/connectors/http/client';
import { type FieldNames, HelpdeskConnector, type ReplyOp } from '../../../../main/connectors/http/helpdesk';

vi.mock('electron', () => ({}));

class Desk extends HelpdeskConnector<Record<string, unknown>> {
  readonly capabilities: Capabilities = { statuses: ['open', 'solved'], priority: false, assign: true, tags: true, internalNotes: false, merge: false, flags: false, teams: true };
  protected readonly source = 'Deskly';
  protected readonly teamWord = 'queue';
  readonly sent: Array<Record<string, unknown>> = [];
  failWith: Error | null = null;
  protected readonly fields: FieldNames<Record<string, unknown>> = {
    status: (status) => ({ state: status }),
    assignee: (agentId) => ({ owner: agentId }),
    team: async (name) => (name === 'L2' ? { queue: 2 } : null),
    tags: (tags) => ({ labels: tags }),
  };
  pull = async () => ({ changes: [], nextCursor: '', done: true });
  protected async signInCheck() {
    if (this.failWith) throw this.failWith;
  }
  protected async reply(_m: Mutation, op: ReplyOp, _files: LocalFile[]): Promise<PushResult> {
    this.sent.push({ reply: op.text });
    return { kind: 'applied', messages: [] };
  }
  protected async update(_m: Mutation, fields: Record<string, unknown>): Promise<PushResult> {
    if (this.failWith) throw this.failWith;
    this.sent.push(fields);
    return { kind: 'applied', messages: [] };
  }
}

const mutation = (op: MutationOp): Mutation => ({ id: 'm-1', ticketId: 'desk:7', accountId: 'desk', remoteId: '7', op, baseVersion: null, createdAt: 1 }) as Mutation;

describe('a helpdesk push', () => {
  const desk = () => new Desk({ id: 'desk', type: 'rt', name: 'Deskly', demo: false });

  it('a change goes as the source’s own fields: the assignee by the source’s id, the team by its name', async () => {
    const d = desk();
    await d.push(mutation({ type: 'setStatus', status: 'solved' }));
    await d.push(mutation({ type: 'setAssignee', assigneeId: 'desk:42' }));
    await d.push(mutation({ type: 'setAssignee', assigneeId: null }));
    await d.push(mutation({ type: 'setTeam', team: 'L2' }));
    await d.push(mutation({ type: 'setTags', tags: ['vip'] }));
    expect(d.sent).toEqual([{ state: 'solved' }, { owner: '42' }, { owner: null }, { queue: 2 }, { labels: ['vip'] }]);
  });

  it('what the source cannot take is refused with its name, and nothing is sent', async () => {
    const d = desk();
    expect(await d.push(mutation({ type: 'setPriority', priority: 'high' }))).toEqual({ kind: 'rejected', reason: 'Deskly has no priorities.' });
    expect(await d.push(mutation({ type: 'setStatus', status: 'pending' }))).toEqual({ kind: 'rejected', reason: 'Deskly has no status "pending".' });
    expect(await d.push(mutation({ type: 'reply', internal: true, text: 'note' }))).toEqual({ kind: 'rejected', reason: 'Deskly has no internal notes.' });
    expect(await d.push(mutation({ type: 'logTime', minutes: 5 }))).toEqual({ kind: 'rejected', reason: 'Deskly keeps no time worked.' });
    expect(await d.push(mutation({ type: 'setTeam', team: 'Nowhere' }))).toEqual({ kind: 'rejected', reason: 'Deskly has no queue named "Nowhere" (or you may not see it).' });
    expect(d.sent).toEqual([]);
    expect(await d.push(mutation({ type: 'markSeen' }))).toEqual({ kind: 'applied', messages: [] });
  });

  it('a rate limit makes the outbox wait as long as the source asked; other failures go to the outbox as they are', async () => {
    const d = desk();
    d.failWith = new RetryLater(30_000, 'Deskly');
    expect(await d.push(mutation({ type: 'setStatus', status: 'open' }))).toEqual({ kind: 'retryAfter', ms: 30_000 });
    d.failWith = new Error('socket hang up');
    await expect(d.push(mutation({ type: 'setStatus', status: 'open' }))).rejects.toThrow('socket hang up');
    d.failWith = new RetryLater(30_000, 'Deskly');
    expect(await d.testConnection()).toMatchObject({ ok: false, problem: 'connect' });
    d.failWith = null;
    expect(await d.testConnection()).toEqual({ ok: true, notes: [] });
  });
});
