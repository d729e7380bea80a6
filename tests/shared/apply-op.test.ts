import { describe, expect, it } from 'vitest';
import { applyOp, statusAfterReply } from '../../shared/apply-op';
import type { Ticket } from '../../shared/domain';

const ticket: Ticket = {
  id: 'a:1', accountId: 'a', remoteId: '1', subject: 'x', status: 'open', sourceStatus: 'open', priority: 'normal', channel: 'email', customerId: 'c',
  assigneeId: null, tags: [], createdAt: 0, updatedAt: 0, firstResponseAt: null, slaDueAt: null, preview: '', messageCount: 1, version: '1',
};

describe('what a reply does to the status (one rule, shown before sending)', () => {
  it('an answer to a new or open ticket waits on the customer where the source has "pending", else stays open', () => {
    expect(statusAfterReply('new', false)).toBe('pending');
    expect(statusAfterReply('open', false, ['new', 'open', 'on-hold', 'solved', 'closed'])).toBe('open'); // RT
    expect(statusAfterReply('on-hold', false)).toBe('on-hold');
    expect(statusAfterReply('solved', false)).toBe('solved');
  });

  it('a note takes a new ticket in hand and leaves any other status alone', () => {
    expect(statusAfterReply('new', true)).toBe('open');
    expect(statusAfterReply('pending', true)).toBe('pending');
  });

  it('the status the agent chose is the ticket’s status after the reply, here as at the source', () => {
    expect(applyOp({ ...ticket, status: 'on-hold' }, { type: 'reply', text: 'x', internal: false, status: 'on-hold' }, 5)).toMatchObject({ status: 'on-hold', firstResponseAt: 5 });
    expect(applyOp(ticket, { type: 'reply', text: 'x', internal: false, status: 'pending' }, 5)).toMatchObject({ status: 'pending', sourceStatus: 'pending' });
  });

  it('solving records when; staying solved keeps it; reopening clears it', () => {
    const solved = applyOp(ticket, { type: 'setStatus', status: 'solved' }, 100);
    expect(solved.solvedAt).toBe(100);
    expect(applyOp(solved, { type: 'setStatus', status: 'closed' }, 200).solvedAt).toBe(100);
    expect(applyOp(solved, { type: 'setStatus', status: 'open' }, 300).solvedAt).toBeNull();
  });
});
