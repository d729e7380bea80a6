/**
 * Macros turned into a ticket's changes: the same ops a hand-made change makes, the reply carrying the
 * status, tags added and removed against what the ticket has, what a source cannot do named (never
 * silently dropped), placeholders that stop a reply, and the team file format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, Ticket } from '../../shared/domain';
import { Macro, MacroFile } from '../../shared/macro-file';
import { defaultMacros, mergeMacros, planMacro, type MacroContext } from '../../shared/macros';
import { defaultTemplates } from '../../shared/templates';

const ticket = (extra: Partial<Ticket> = {}): Ticket => ({
  id: 'rt:1', accountId: 'rt', remoteId: '1', subject: 'Refund please', status: 'open', sourceStatus: 'open', priority: 'normal', channel: 'helpdesk',
  customerId: 'rt:c1', assigneeId: null, tags: ['billing', 'vip'], createdAt: 1, updatedAt: 1, firstResponseAt: null, slaDueAt: null, preview: '', messageCount: 1, ...extra,
} as Ticket);
const account = (caps: Partial<NonNullable<Account['capabilities']>> = {}): Account => ({
  id: 'rt', type: 'rt', name: 'RT', demo: false,
  capabilities: { statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'], priority: true, assign: true, tags: true, internalNotes: true, merge: true, flags: false, teams: true, ...caps },
});
const context = (extra: Partial<MacroContext> = {}): MacroContext => ({
  ticket: ticket(),
  account: account(),
  me: { id: 'rt:agent', accountId: 'rt', name: 'Ann', email: 'ann@example.test' },
  agents: [{ id: 'rt:agent', accountId: 'rt', name: 'Ann', email: 'ann@example.test' }, { id: 'rt:22', accountId: 'rt', name: 'Ben', email: 'Ben@Example.test' }],
  templates: defaultTemplates,
  vars: { customer: { name: 'Bob Stone', email: 'bob@example.test' }, ticket: { id: '1', subject: 'Refund please' }, agent: { name: 'Ann', signature: 'Best regards,\nAnn' } },
  lines: { L2: 'Second line' },
  escalationNote: ({ line, team, reason }) => `To ${line} (${team}): ${reason}`,
  ...extra,
});
const byId = (id: string) => defaultMacros.find((m) => m.id === id)!;

describe('a macro on a ticket', () => {
  it('"Refund issued — solve": tags first, then one reply that carries the status, filled for this customer', () => {
    const plan = planMacro(byId('default:refund:en'), context());
    expect(plan.ops).toEqual([
      { type: 'setTags', tags: ['billing', 'vip', 'refund'] },
      { type: 'reply', internal: false, status: 'solved', text: 'Hello Bob,\n\nWe have issued your refund; it reaches your account within 5 business days.\n\nBest regards,\nAnn' },
    ]);
    expect(plan.cannot).toEqual([]);
  });

  it('"Escalate to L2": the next line’s team, the reason as an internal note, high priority, unassigned', () => {
    expect(planMacro(byId('default:escalate:en'), context()).ops).toEqual([
      { type: 'setTeam', team: 'Second line' },
      { type: 'reply', internal: true, text: 'To L2 (Second line): Needs the second line: first-line steps did not solve it.' },
      { type: 'setPriority', priority: 'high' },
      { type: 'setAssignee', assigneeId: null },
    ]);
  });

  it('what the source cannot do is named with why, and the rest still happens', () => {
    const plan = planMacro(byId('default:escalate:en'), context({ account: account({ priority: false }), lines: {} }));
    expect(plan.cannot.map((c) => c.reason)).toEqual(['there is no next support line for this ticket’s team (Settings → Support lines)', 'this source has no priorities']);
    expect(plan.ops).toEqual([{ type: 'setAssignee', assigneeId: null }]);
    const noPending = planMacro(byId('default:details:en'), context({ account: account({ statuses: ['open', 'solved'] }) }));
    expect(noPending.cannot.map((c) => c.reason)).toEqual(['this source has no status "pending"']);
    expect(noPending.ops).toEqual([{ type: 'reply', internal: false, text: expect.stringContaining('Hello Bob') }]);
  });

  it('a placeholder the ticket cannot fill stops the reply (the status still goes), and says which', () => {
    const plan = planMacro(byId('default:refund:en'), context({ vars: { ...context().vars, customer: { name: 'bob@example.test', email: 'bob@example.test' } } }));
    expect(plan.unfilled).toEqual(['{{customer.firstName}}']);
    expect(plan.ops.map((o) => o.type)).toEqual(['setTags', 'setStatus']);
    expect(plan.replyText).toContain('Hello {{customer.firstName}}');
  });

  it('removing tags compares without case; a template by id; assign to me needs to know who I am', () => {
    const macro: Macro = { id: 'own:x', name: 'x', actions: [{ type: 'removeTags', tags: ['VIP'] }, { type: 'reply', templateId: 'default:thanks:en' }, { type: 'assign', to: 'me' }] };
    expect(planMacro(macro, context()).ops).toEqual([
      { type: 'setTags', tags: ['billing'] },
      { type: 'setAssignee', assigneeId: 'rt:agent' },
      { type: 'reply', internal: false, text: 'Thank you for your patience.' },
    ]);
    expect(planMacro(macro, context({ me: null })).cannot.map((c) => c.reason)).toEqual(['who you are at this source is not known yet (it syncs first)']);
    const toBen: Macro = { id: 'own:b', name: 'b', actions: [{ type: 'assign', to: 'ben@example.test' }] };
    expect(planMacro(toBen, context()).ops).toEqual([{ type: 'setAssignee', assigneeId: 'rt:22' }]);
    expect(planMacro({ ...toBen, actions: [{ type: 'assign', to: 'cara@example.test' }] }, context()).cannot.map((c) => c.reason)).toEqual(['no agent with the address cara@example.test at this source']);
  });

  it('any valid macro on any ticket plans only ops the source can take, never throws', () => {
    const action = fc.oneof(
      fc.record({ type: fc.constant('setStatus' as const), status: fc.constantFrom('new' as const, 'open' as const, 'pending' as const, 'on-hold' as const, 'solved' as const, 'closed' as const) }),
      fc.record({ type: fc.constant('addTags' as const), tags: fc.array(fc.string({ minLength: 1, maxLength: 5 }).filter((s) => s.trim().length > 0), { minLength: 1, maxLength: 3 }) }),
      fc.record({ type: fc.constant('reply' as const), text: fc.string({ minLength: 1, maxLength: 50 }) }),
      fc.record({ type: fc.constant('note' as const), text: fc.string({ minLength: 1, maxLength: 50 }) }),
      fc.record({ type: fc.constant('assign' as const), to: fc.constantFrom('me' as const, 'nobody' as const) }),
    );
    fc.assert(fc.property(fc.array(action, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), (actions, tags, notes) => {
      const plan = planMacro({ id: 'own:p', name: 'p', actions }, context({ account: account({ tags, internalNotes: notes, statuses: ['open', 'solved'] }) }));
      for (const op of plan.ops) {
        if (op.type === 'setTags') expect(tags).toBe(true);
        if (op.type === 'reply' && op.internal) expect(notes).toBe(true);
        if (op.type === 'setStatus' || (op.type === 'reply' && op.status)) expect(['open', 'solved']).toContain(op.type === 'setStatus' ? op.status : op.status);
      }
      expect(plan.ops.filter((o) => o.type === 'reply' && !o.internal).length).toBeLessThanOrEqual(1);
    }), { numRuns: 500 });
  });
});

describe('the macro file a team shares', () => {
  it('the defaults round-trip through the file; an edited default replaces it, a deleted one is hidden', () => {
    const file = MacroFile.parse(JSON.parse(JSON.stringify({ format: 'switchboard-macros', version: 1, macros: defaultMacros })));
    expect(file.macros).toEqual(defaultMacros);
    const merged = mergeMacros([{ ...defaultMacros[0]!, name: 'Refund done' }, { ...defaultMacros[1]!, deleted: true }]);
    expect(merged.map((m) => m.name)).toContain('Refund done');
    expect(merged.some((m) => m.id === defaultMacros[1]!.id)).toBe(false);
  });

  it('refuses what would run wrong: a reply with both a template and text, an unknown action, a two-letter key', () => {
    const one = (macro: unknown) => MacroFile.safeParse({ format: 'switchboard-macros', version: 1, macros: [macro] }).success;
    expect(one({ id: 'a', name: 'a', actions: [{ type: 'reply', templateId: 'x', text: 'y' }] })).toBe(false);
    expect(one({ id: 'a', name: 'a', actions: [{ type: 'deleteTicket' }] })).toBe(false);
    expect(one({ id: 'a', name: 'a', key: 'ab', actions: [{ type: 'setStatus', status: 'solved' }] })).toBe(false);
    expect(one({ id: 'a', name: 'a', actions: [] })).toBe(false);
    expect(one({ id: 'a', name: 'a', key: '7', actions: [{ type: 'snooze', hours: 24 }] })).toBe(true);
  });
});
