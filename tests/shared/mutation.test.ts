import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain';
import { applyOp } from '../../shared/apply-op';

const ticket: Ticket = {
  id: 'demo:1', accountId: 'demo', remoteId: '1', subject: 'Refund', status: 'new', sourceStatus: 'new',
  priority: 'normal', channel: 'email', customerId: 'demo:c1', assigneeId: null, tags: [], createdAt: 1,
  updatedAt: 1, firstResponseAt: null, slaDueAt: 100, preview: '', messageCount: 1, version: '0',
};

describe('the optimistic effect of a mutation', () => {
  it('sets status, priority and assignee, and touches updatedAt', () => {
    expect(applyOp(ticket, { type: 'setStatus', status: 'pending' }, 5)).toMatchObject({ status: 'pending', updatedAt: 5 });
    expect(applyOp(ticket, { type: 'setPriority', priority: 'urgent' }, 5).priority).toBe('urgent');
    expect(applyOp(ticket, { type: 'setAssignee', assigneeId: 'a1' }, 5).assigneeId).toBe('a1');
  });
  it('flags and unflags without touching updatedAt', () => {
    const flagged = applyOp(ticket, { type: 'setFlagged', flagged: true }, 5);
    expect(flagged).toMatchObject({ flagged: true, updatedAt: 1 });
    expect(applyOp(flagged, { type: 'setFlagged', flagged: false }, 6).flagged).toBe(false);
  });
  it('a public reply is the first response and opens a new ticket; an internal note is neither', () => {
    expect(applyOp(ticket, { type: 'reply', text: 'Hi', internal: false }, 7)).toMatchObject({
      firstResponseAt: 7, status: 'open', messageCount: 2,
    });
    expect(applyOp(ticket, { type: 'reply', text: 'note', internal: true }, 7)).toMatchObject({
      firstResponseAt: null, status: 'new', messageCount: 2,
    });
  });
});
