import { describe, expect, it } from 'vitest';
import { slaState } from '../../../shared/sla/state';

const MIN = 60_000;
const now = Date.UTC(2026, 10, 22, 12, 0);

describe('SLA state of a ticket', () => {
  it('is breached once the due time has passed', () => {
    expect(slaState({ status: 'open', slaDueAt: now - MIN }, now)).toBe('breached');
    expect(slaState({ status: 'open', slaDueAt: now }, now)).toBe('breached');
  });
  it('is at risk within the lead (30 minutes by default)', () => {
    expect(slaState({ status: 'new', slaDueAt: now + 29 * MIN }, now)).toBe('atRisk');
    expect(slaState({ status: 'new', slaDueAt: now + 31 * MIN }, now)).toBe('ok');
    expect(slaState({ status: 'new', slaDueAt: now + 50 * MIN }, now, 60 * MIN)).toBe('atRisk');
  });
  it('has no clock when no target runs or the ticket is done', () => {
    expect(slaState({ status: 'open', slaDueAt: null }, now)).toBe('none');
    expect(slaState({ status: 'solved', slaDueAt: now - MIN }, now)).toBe('none');
    expect(slaState({ status: 'closed', slaDueAt: now - MIN }, now)).toBe('none');
  });
});
