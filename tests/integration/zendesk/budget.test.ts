/**
 * Zendesk as a real account answers: thousands of tickets under the plan's rate limit, deleted tickets in
 * the export, null priorities, statuses Switchboard does not know, comments as real records carry them.
 * The fake's clock and the connector's pacing share a virtual clock, so minutes of limits pass at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../main/connectors/http/pacer';
import { ZendeskConnector } from '../../../main/connectors/zendesk/connector';
import type { Change } from '../../../shared/sync';
import { messagesIn, pullAll, ticketsIn } from '../peers/helpdesk';
import { AGENT_EMAIL, type FakeZendesk, GOOD_TOKEN, startFakeZendesk } from './fake-zendesk';

const account = { id: 'zd', type: 'zendesk' as const, name: 'Zendesk', demo: false };

function virtualClock(): Clock {
  let t = Date.UTC(2026, 10, 20, 10);
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      await Promise.resolve();
    },
  };
}

let zd: FakeZendesk | undefined;
afterEach(async () => {
  await zd?.stop();
  zd = undefined;
});

describe('a real Zendesk account’s size and limits', () => {
  it('a first sync of 5,000 tickets under 200 requests a minute finishes with every ticket once and never goes over half the limit', async () => {
    const clock = virtualClock();
    zd = await startFakeZendesk({ extraTickets: 5000, limit: 200, clock });
    const connector = new ZendeskConnector(account, zd.url, AGENT_EMAIL, () => GOOD_TOKEN, { clock });
    const started = clock.now();
    const changes: Change[] = [];
    const progress: Array<{ done: number; total: number }> = [];
    let cursor: string | null = null;
    let listedAt: number | null = null;
    for (let pulls = 0; pulls < 2000; pulls++) {
      const page = await connector.pull(cursor);
      changes.push(...page.changes);
      if (page.progress) progress.push(page.progress);
      cursor = page.nextCursor;
      if (listedAt === null && new Set(ticketsIn(changes).map((t) => t.remoteId)).size >= 5003) listedAt = clock.now();
      if (page.done) break;
    }
    // Every ticket, its comments once: the last word on each ticket is its full record.
    const tickets = new Map(ticketsIn(changes).map((t) => [t.remoteId, t]));
    expect(tickets.size).toBe(5003);
    const messages = messagesIn(changes);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    expect(zd.requests.filter((r) => /\/comments\.json$/.test(r.path))).toHaveLength(5003);
    expect(tickets.get('10001')).toMatchObject({ messageCount: 2, priority: 'normal' }); // priority null: normal
    expect(tickets.get('10000')).toMatchObject({ priority: 'high' });
    // Within half the plan's limit, never refused; the incremental export within its own 10 a minute.
    expect(zd.refused).toBe(0);
    expect(zd.peak.account).toBeLessThanOrEqual(100);
    expect(zd.peak.incremental).toBeLessThanOrEqual(5);
    // Progress as the agent sees it: "1,200 of 5,003 tickets", growing to the end.
    expect(progress.at(-1)).toEqual({ done: 5003, total: 5003, unit: 'tickets' });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    // The list came first: every ticket was in the inbox long before its comments were all in.
    expect(listedAt! - started).toBeLessThan((clock.now() - started) / 10);
  }, 120_000);

  it('a 429 in the middle of a page resumes where it stopped: only the refused call is made again', async () => {
    const clock = virtualClock();
    zd = await startFakeZendesk({ extraTickets: 120, limit: 200, clock });
    const connector = new ZendeskConnector(account, zd.url, AGENT_EMAIL, () => GOOD_TOKEN, { clock });
    const first = await connector.pull(null); // lists the page, and fills what the pull's time allows
    const filled = ticketsIn(first.changes).filter((t) => t.messageCount > 0).length;
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThan(123);
    zd.fault({ status: 429, headers: { 'Retry-After': '30' }, body: {} }, 1);
    // The next pull's first comments call meets the 429: nothing done, and Zendesk's wait said.
    const cut = await connector.pull(first.nextCursor).catch((error: { retryAfterMs?: number }) => error);
    expect(cut).toMatchObject({ retryAfterMs: 30_000 });
    await clock.sleep(30_000);
    const rest = await pullAll(connector, first.nextCursor, 200);
    const asked = zd.requests.filter((r) => /\/comments\.json$/.test(r.path)).map((r) => r.path);
    expect(asked.length - new Set(asked).size).toBe(1); // the one Zendesk refused, and no other
    expect(new Set([...ticketsIn(first.changes), ...ticketsIn(rest.changes)].filter((t) => t.messageCount > 0).map((t) => t.remoteId)).size).toBe(123);
  });

  it('deleted tickets leave; an unknown status is kept as Zendesk’s word; comments are read as real records carry them', async () => {
    zd = await startFakeZendesk({ limit: 60_000 });
    const connector = () => new ZendeskConnector(account, zd!.url, AGENT_EMAIL, () => GOOD_TOKEN);
    const all = await pullAll(connector(), null);
    zd.remove(2);
    zd.touch(1, { status: 'escalated-to-vendor' });
    zd.comments(3)[0] = { ...zd.comments(3)[0]!, body: undefined, plain_body: undefined, html_body: '<p>Since the <b>update</b> it crashes.</p>' };
    zd.touch(3, {});
    const next = await pullAll(connector(), all.cursor);
    expect(next.changes.filter((c) => c.kind === 'ticketGone')).toEqual([{ kind: 'ticketGone', ticketId: 'zd:2', reason: 'Zendesk ticket #2 was deleted.' }]);
    expect(ticketsIn(next.changes).map((t) => t.remoteId).sort()).toEqual(['1', '3']); // the deleted one is no ticket
    expect(ticketsIn(next.changes).find((t) => t.remoteId === '1')).toMatchObject({ status: 'open', sourceStatus: 'escalated-to-vendor' });
    expect(messagesIn(next.changes).find((m) => m.ticketId === 'zd:3')?.text).toBe('Since the update it crashes.');
  });
});
