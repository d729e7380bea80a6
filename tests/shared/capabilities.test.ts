/**
 * What a source can take is decided in one place: a macro never plans a change its source would refuse,
 * and every action it leaves out is named with the same reason a bulk change or the ticket's controls go by.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cannotTake, canTake, capabilitiesOf } from '../../shared/capabilities';
import type { Capabilities, Ticket } from '../../shared/domain';
import { MacroAction } from '../../shared/macro-file';
import { planMacro } from '../../shared/macros';
import { ticketStatuses } from '../../shared/statuses';
import { defaultTemplates } from '../../shared/templates';

const capabilities: fc.Arbitrary<Capabilities> = fc.record({
  statuses: fc.subarray([...ticketStatuses], { minLength: 1 }),
  priority: fc.boolean(),
  assign: fc.boolean(),
  tags: fc.boolean(),
  internalNotes: fc.boolean(),
  merge: fc.boolean(),
  flags: fc.boolean(),
  teams: fc.boolean(),
  timeTracking: fc.boolean(),
  attachments: fc.boolean(),
});

const action: fc.Arbitrary<MacroAction> = fc.oneof(
  fc.constantFrom(...ticketStatuses).map((status) => ({ type: 'setStatus' as const, status })),
  fc.constantFrom('low', 'normal', 'high', 'urgent' as const).map((priority) => ({ type: 'setPriority' as const, priority })),
  fc.constantFrom('me', 'nobody', 'ben@example.test').map((to) => ({ type: 'assign' as const, to })),
  fc.constantFrom('refund', 'vip').map((tag) => ({ type: 'addTags' as const, tags: [tag] })),
  fc.constant<MacroAction>({ type: 'removeTags', tags: ['billing'] }),
  fc.constant({ type: 'note' as const, text: 'Checked the logs.' }),
  fc.constant({ type: 'reply' as const, text: 'Hello {{customer.firstName}}' }),
  fc.constant({ type: 'escalate' as const, reason: 'Needs L2' }),
);

const ticket = { id: 'rt:1', accountId: 'rt', remoteId: '1', subject: 'S', status: 'open', sourceStatus: 'open', priority: 'normal', channel: 'helpdesk', customerId: 'rt:c', assigneeId: null, tags: ['billing'], team: 'L1', createdAt: 1, updatedAt: 1, firstResponseAt: null, slaDueAt: null, preview: '', messageCount: 1 } as unknown as Ticket;

describe('capabilities', () => {
  it('a macro plans only what its source takes, and names every action it leaves out', () => {
    fc.assert(
      fc.property(capabilities, fc.array(action, { minLength: 1, maxLength: 6 }), (can, actions) => {
        const plan = planMacro({ id: 'm', name: 'M', actions }, {
          ticket,
          account: { id: 'rt', type: 'rt', name: 'RT', demo: false, capabilities: can },
          me: { id: 'rt:me', accountId: 'rt', name: 'Ann', email: 'ann@example.test' },
          agents: [{ id: 'rt:ben', accountId: 'rt', name: 'Ben', email: 'ben@example.test' }],
          templates: defaultTemplates,
          vars: { customer: { name: 'Bob Stone', email: 'bob@example.test' }, ticket: { id: '1', subject: 'S' }, agent: { name: 'Ann', signature: 'Ann' } },
          lines: { L1: 'First line', L2: 'Second line' },
          escalationNote: ({ reason }) => reason,
        });
        for (const op of plan.ops) expect(cannotTake(can, op)).toBeNull();
        for (const { reason } of plan.cannot) expect(reason).toMatch(/^this source /);
        // Each action either shows in the plan or is named as left out.
        const leftOut = new Set(plan.cannot.map((c) => c.action));
        for (const a of actions) {
          const refused = a.type === 'setStatus' ? !can.statuses.includes(a.status) : a.type === 'setPriority' ? !can.priority : a.type === 'assign' ? !can.assign : a.type === 'addTags' || a.type === 'removeTags' ? !can.tags : a.type === 'note' ? !can.internalNotes : a.type === 'escalate' ? !can.teams : false;
          if (refused) expect(leftOut.has(a)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a reply with files or a status goes only to a source that takes them; reading a ticket goes anywhere', () => {
    const can = { ...capabilitiesOf(undefined), statuses: ['open' as const, 'closed' as const], attachments: false };
    const file = { fileId: 'abcdefgh1', name: 'a.pdf', type: 'application/pdf', size: 10 };
    expect(cannotTake(can, { type: 'reply', internal: false, text: 'x', attachments: [file] })).toBe('this source takes no files with a reply');
    expect(cannotTake(can, { type: 'reply', internal: false, text: 'x', status: 'solved' })).toBe('this source has no status "solved"');
    expect(cannotTake(can, { type: 'reply', internal: false, text: 'x', status: 'closed' })).toBeNull();
    expect(cannotTake(can, { type: 'markSeen' })).toBeNull();
  });

  it('an account cached before sources told their capabilities: the common core, no files, time or articles', () => {
    expect(canTake(undefined, { type: 'setTeam', team: 'L2' })).toBe(true);
    expect(canTake({ capabilities: undefined }, { type: 'logTime', minutes: 5 })).toBe(false);
    expect(capabilitiesOf(undefined).articles).toBeFalsy();
  });
});
