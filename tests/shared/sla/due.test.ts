import { describe, expect, it } from 'vitest';
import { targetsFromDue } from '../../../shared/sla/due';

describe('SLA targets from a source’s due times (RT, Freshdesk, the demo)', () => {
  it('a running target keeps its due time; one already reached is met or missed', () => {
    const due = { firstResponse: 1_000, resolution: 5_000 };
    expect(targetsFromDue(due, { firstResponseAt: null })).toEqual({ slaDueAt: 1_000, slaTargets: [{ kind: 'firstResponse', dueAt: 1_000, state: 'ok' }, { kind: 'resolution', dueAt: 5_000, state: 'ok' }] });
    expect(targetsFromDue(due, { firstResponseAt: 1_500 })).toEqual({ slaDueAt: 5_000, slaTargets: [{ kind: 'firstResponse', dueAt: null, state: 'missed' }, { kind: 'resolution', dueAt: 5_000, state: 'ok' }] });
    expect(targetsFromDue({ resolution: 5_000 }, { firstResponseAt: 10, solvedAt: 4_000 }).slaTargets).toEqual([{ kind: 'resolution', dueAt: null, state: 'met' }]);
    expect(targetsFromDue({}, { firstResponseAt: null })).toEqual({ slaDueAt: null, slaTargets: [] });
  });
});
