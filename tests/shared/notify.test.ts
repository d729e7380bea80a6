import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain';
import { digest, dueNotices, type Notice, type NoticePrefs } from '../../shared/notify';

const now = Date.UTC(2026, 10, 23, 12);
const ticket = (patch: Partial<Ticket> = {}): Ticket => ({
  id: 'a:1', accountId: 'a', remoteId: '1', subject: 'Refund', status: 'open', sourceStatus: 'open', priority: 'normal',
  channel: 'email', customerId: 'c', assigneeId: null, tags: [], createdAt: now - 3600_000, updatedAt: now - 3600_000,
  firstResponseAt: null, slaDueAt: now + 5 * 3600_000, preview: '', messageCount: 1, version: '1', ...patch,
});
const all: NoticePrefs = { enabled: { vipNew: true, atRisk: true, breached: true, assigned: true, replied: true, snoozeEnded: true }, working: () => true };
// A new ticket is counted for summaries (its own test below); the kinds that can show alone:
const kinds = (...args: Parameters<typeof dueNotices>) => dueNotices(...args).map((n) => n.kind).filter((k) => k !== 'newTicket');
const me = new Set(['a:me']);

describe('which notifications are due', () => {
  it('a new ticket from a VIP, an at-risk and a breached SLA, my assignments and replies', () => {
    expect(kinds([{ ticket: ticket({ status: 'new' }), customerName: 'Anna', vip: true, customerWroteAt: null }], me, now, all)).toEqual(['vipNew']);
    expect(kinds([{ ticket: ticket({ slaDueAt: now + 10 * 60_000 }), customerName: 'A', vip: false, customerWroteAt: null }], me, now, all)).toEqual(['atRisk']);
    expect(kinds([{ ticket: ticket({ slaDueAt: now - 60_000 }), customerName: 'A', vip: false, customerWroteAt: null }], me, now, all)).toEqual(['breached']);
    expect(kinds([{ ticket: ticket({ assigneeId: 'a:me' }), customerName: 'A', vip: false, customerWroteAt: now }], me, now, all)).toEqual(['assigned', 'replied']);
  });

  it('one alarm per ticket and phase: a moved due time does not repeat it, the first response starts a new phase', () => {
    const key = (patch: Partial<Ticket>) => dueNotices([{ ticket: ticket(patch), customerName: 'A', vip: false, customerWroteAt: null }], me, now, all)[0]!.key;
    expect(key({ slaDueAt: now - 1 })).toBe(key({ slaDueAt: now - 2 }));
    expect(key({ slaDueAt: now - 1, firstResponseAt: now - 10 })).not.toBe(key({ slaDueAt: now - 1 }));
  });

  it('a kind switched off stays quiet; outside working hours only VIP breaches come through', () => {
    const input = [
      { ticket: ticket({ id: 'a:2', slaDueAt: now - 1 }), customerName: 'VIP', vip: true, customerWroteAt: null },
      { ticket: ticket({ id: 'a:3', slaDueAt: now - 1 }), customerName: 'B', vip: false, customerWroteAt: null },
    ];
    expect(kinds(input, me, now, { ...all, enabled: { ...all.enabled, breached: false } })).toEqual([]);
    expect(dueNotices(input, me, now, { ...all, working: () => false }).map((n) => n.ticketId)).toEqual(['a:2']);
  });

  it('a customer the agent just marked VIP: their tickets from before are history, only new ones notify', () => {
    const marked = now - 600_000;
    expect(kinds([{ ticket: ticket({ status: 'new', createdAt: now - 3600_000 }), customerName: 'A', vip: true, vipSince: marked, customerWroteAt: null }], me, now, all)).toEqual([]);
    expect(kinds([{ ticket: ticket({ status: 'new', createdAt: now - 60_000 }), customerName: 'A', vip: true, vipSince: marked, customerWroteAt: null }], me, now, all)).toEqual(['vipNew']);
  });
});

describe('what came together is one summary, never a flood', () => {
  const n = (kind: Notice['kind'], i: number): Notice => ({ key: `${kind}:${i}`, kind, ticketId: `t${i}`, subject: `S${i}`, customerName: `C${i}` });
  it('a few come one by one; a new ticket alone is no notice', () => {
    expect(digest([n('assigned', 1), n('atRisk', 2), n('newTicket', 3)])).toEqual({ shown: [n('assigned', 1), n('atRisk', 2)], summary: null });
  });
  it('after a wake-up: VIP and breaches one by one, the rest counted in one summary', () => {
    const fresh = [...Array.from({ length: 12 }, (_, i) => n('newTicket', i)), n('vipNew', 1), n('vipNew', 2), n('atRisk', 3), n('atRisk', 4), n('atRisk', 5), n('breached', 6), n('replied', 7)];
    expect(digest(fresh)).toEqual({ shown: [n('vipNew', 1), n('vipNew', 2), n('breached', 6)], summary: { new: 12, vip: 2, atRisk: 3, breached: 1, other: 1 } });
  });
  it('a flood of breaches: a bounded number individually, all counted', () => {
    const fresh = Array.from({ length: 9 }, (_, i) => n('breached', i));
    const { shown, summary } = digest(fresh);
    expect(shown).toHaveLength(5);
    expect(summary).toMatchObject({ breached: 9 });
  });
});
