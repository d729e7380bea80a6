import { describe, expect, it } from 'vitest';
import { policyMatches, toSlaPolicy, type ZdSlaPolicy } from '../../../../main/connectors/zendesk/sla';

const policy = (filter: ZdSlaPolicy['filter']): ZdSlaPolicy => ({ id: 1, title: 'P', position: 1, filter, policy_metrics: [] });
const facts = { priority: 'high' as const, tags: ['vip', 'billing'], organizationId: 100, groupId: null };

describe('Zendesk SLA policy filters', () => {
  it('needs every "all" condition and one of the "any" conditions', () => {
    expect(policyMatches(policy({ all: [{ field: 'priority', operator: 'is', value: 'high' }], any: [] }), facts)).toBe(true);
    expect(policyMatches(policy({ all: [{ field: 'priority', operator: 'is_not', value: 'high' }] }), facts)).toBe(false);
    expect(policyMatches(policy({ all: [], any: [{ field: 'organization_id', operator: 'is', value: 7 }, { field: 'current_tags', operator: 'includes', value: 'gold billing' }] }), facts)).toBe(true);
    expect(policyMatches(policy({ all: [{ field: 'tags', operator: 'not_includes', value: 'vip' }] }), facts)).toBe(false);
    expect(policyMatches(policy({ all: [{ field: 'group_id', operator: 'is', value: null }] }), facts)).toBe(true);
  });

  it('maps metrics to targets, keeping the stricter of two for one clock', () => {
    const p = toSlaPolicy(
      { ...policy({}), policy_metrics: [
        { priority: 'urgent', metric: 'requester_wait_time', target: 240, business_hours: false },
        { priority: 'urgent', metric: 'agent_work_time', target: 120, business_hours: false },
        { priority: 'low', metric: 'periodic_update_time', target: 60, business_hours: false },
      ] },
      'Europe/Moscow',
    );
    expect(p.targets).toEqual({ resolution: { urgent: 120 } });
    expect(p.calendar.week[6]).toEqual([[0, 1440]]); // calendar hours: weekends count
  });
});
