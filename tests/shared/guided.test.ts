/** The guided queue's order: SLA risk (nearest due first), then VIP, then priority, then who waited longest. */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain';
import { guidedOrder, median } from '../../shared/guided';

const now = Date.UTC(2026, 11, 7, 12);
const HOUR = 3_600_000;
const ticket = (id: string, extra: Partial<Ticket>): Ticket => ({
  id, accountId: 'a', remoteId: id, subject: id, status: 'open', sourceStatus: 'open', priority: 'normal', channel: 'email', customerId: `c-${id}`,
  assigneeId: null, tags: [], createdAt: now - 10 * HOUR, updatedAt: now, firstResponseAt: null, slaDueAt: null, preview: '', messageCount: 1, ...extra,
} as Ticket);

describe('the guided order', () => {
  it('breached, then at risk (nearest due first), then VIP, then priority, then the oldest', () => {
    const items = [
      { ticket: ticket('plain-old', { createdAt: now - 20 * HOUR }), vip: false },
      { ticket: ticket('plain-new', { createdAt: now - HOUR }), vip: false },
      { ticket: ticket('urgent', { priority: 'urgent' }), vip: false },
      { ticket: ticket('vip-low', { priority: 'low' }), vip: true },
      { ticket: ticket('at-risk-later', { slaDueAt: now + 20 * 60_000 }), vip: false },
      { ticket: ticket('at-risk-sooner', { slaDueAt: now + 5 * 60_000 }), vip: false },
      { ticket: ticket('breached', { slaDueAt: now - HOUR }), vip: false },
      { ticket: ticket('due-tomorrow', { slaDueAt: now + 24 * HOUR }), vip: false },
    ];
    expect(guidedOrder(items, now, 30 * 60_000)).toEqual(['breached', 'at-risk-sooner', 'at-risk-later', 'vip-low', 'urgent', 'plain-old', 'due-tomorrow', 'plain-new']);
  });

  it('the median handling time', () => {
    expect(median([])).toBeNull();
    expect(median([30_000, 10_000, 20_000])).toBe(20_000);
    expect(median([10_000, 20_000])).toBe(15_000);
  });
});
