import { describe, expect, it } from 'vitest';
import { triageOf } from '../../shared/triage';

describe('triage keywords read back', () => {
  it('reads status, priority, assignee and tags', () => {
    expect(triageOf(['\\Seen', '$sb-status-pending', '$sb-priority-high', '$sb-assignee-maria@example.test', '$sb-tag-refund', '$sb-tag-vip'])).toEqual({
      status: 'pending', priority: 'high', assignee: 'maria@example.test', tags: ['refund', 'vip'],
    });
  });
  it('ignores a status or priority it does not know (another client, a typo) instead of storing it', () => {
    expect(triageOf(['$sb-status-escalated', '$sb-priority-asap'])).toMatchObject({ status: null, priority: null });
  });
  it('bounds tags written by another client as a change of ours is bounded, so editing them never fails', () => {
    const long = `$sb-tag-${'x'.repeat(300)}`;
    const many = Array.from({ length: 150 }, (_, i) => `$sb-tag-t${i}`);
    const { tags } = triageOf([long, ...many]);
    expect(tags[0]).toHaveLength(100);
    expect(tags).toHaveLength(100);
  });
});
