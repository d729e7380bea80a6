import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoConnector } from '../../../main/connectors/demo/connector';
import type { Message, Ticket } from '../../../shared/domain';
import type { Mutation } from '../../../shared/mutation';
import { slaState } from '../../../shared/sla/state';
import type { PullResult } from '../../../shared/sync';
import { tempDir } from '../../support/temp';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const start = Date.UTC(2026, 10, 22, 9, 0);

function demo(clock = { now: start }) {
  const dir = tempDir();
  dirs.push(dir);
  const file = join(dir.path, 'demo.json');
  return { file, clock, connector: new DemoConnector(file, () => clock.now) };
}

/** Pulls page by page until done, the way the sync engine does; bounded. */
async function pullAll(connector: DemoConnector, cursor: string | null = null) {
  const pages: PullResult[] = [];
  for (let i = 0; i < 100; i++) {
    const page = await connector.pull(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    if (page.done) break;
  }
  const changes = pages.flatMap((p) => p.changes);
  return {
    pages,
    cursor,
    tickets: changes.flatMap((c) => (c.kind === 'ticket' ? [c.ticket] : [])),
    messages: changes.flatMap((c) => (c.kind === 'message' ? [c.message] : [])),
    customers: changes.flatMap((c) => (c.kind === 'customer' ? [c.customer] : [])),
    agents: changes.flatMap((c) => (c.kind === 'agent' ? [c.agent] : [])),
  };
}

const mutation = (ticket: Ticket, op: Mutation['op'], id: string = crypto.randomUUID()): Mutation => ({
  id, accountId: ticket.accountId, ticketId: ticket.id, remoteId: ticket.remoteId, baseVersion: ticket.version, createdAt: start, op,
});

describe('Demo connector: the workspace it serves', () => {
  it('serves about 200 tickets in pages, each exactly once, newest first', async () => {
    const { connector } = demo();
    const { pages, tickets } = await pullAll(connector);
    expect(tickets).toHaveLength(200);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(200);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(0, -1).every((p) => !p.done)).toBe(true);
    const firstPageNewest = Math.min(...pages[0]!.changes.flatMap((c) => (c.kind === 'ticket' ? [c.ticket.updatedAt] : [])));
    const lastPageNewest = Math.max(...pages.at(-1)!.changes.flatMap((c) => (c.kind === 'ticket' ? [c.ticket.updatedAt] : [])));
    expect(firstPageNewest).toBeGreaterThanOrEqual(lastPageNewest);
  });

  it('has English and Russian tickets, VIP customers, every SLA state and threads of 1–6 messages', async () => {
    const { tickets, messages, customers, agents } = await pullAll(demo().connector);
    expect(tickets.some((t) => /[а-яё]/i.test(t.subject))).toBe(true);
    expect(tickets.some((t) => /^[\x20-\x7e’]+$/.test(t.subject))).toBe(true);
    expect(customers.filter((c) => c.vip).length).toBeGreaterThanOrEqual(3);
    const states = new Set(tickets.map((t) => slaState(t, start)));
    expect([...states].sort()).toEqual(['atRisk', 'breached', 'none', 'ok']);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['new', 'open', 'pending', 'on-hold', 'solved', 'closed']));
    const perTicket = new Map<string, Message[]>();
    for (const m of messages) perTicket.set(m.ticketId, [...(perTicket.get(m.ticketId) ?? []), m]);
    const lengths = [...perTicket.values()].map((t) => t.length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBe(6);
    for (const t of tickets) expect(perTicket.get(t.id)?.length).toBe(t.messageCount);
    expect(messages.some((m) => m.attachments.length > 0)).toBe(true);
    expect(messages.some((m) => m.internal)).toBe(true);
    expect(agents.length).toBeGreaterThan(1);
  });

  it('a subject and its first message tell the same story (same order number)', async () => {
    const { tickets, messages } = await pullAll(demo().connector);
    for (const t of tickets.filter((x) => /#\d{5}/.test(x.subject))) {
      const order = /#\d{5}/.exec(t.subject)![0];
      expect(messages.find((m) => m.id === `${t.id}:m1`)?.text).toContain(order);
    }
  });

  it('resumes from a cursor: an interrupted pull continues where it stopped, with no duplicates', async () => {
    const { connector, file, clock } = demo();
    const first = await connector.pull(null);
    const again = new DemoConnector(file, () => clock.now); // as after a restart of main
    const rest = await pullAll(again, first.nextCursor);
    const ids = [...first.changes, ...rest.pages.flatMap((p) => p.changes)].flatMap((c) => (c.kind === 'ticket' ? [c.ticket.id] : []));
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
  });

  it('has nothing new after the last cursor, and says so', async () => {
    const { connector } = demo();
    const { cursor } = await pullAll(connector);
    expect(await connector.pull(cursor)).toEqual({ changes: [], nextCursor: cursor, done: true });
  });

  it('rejects a cursor it did not make', async () => {
    const { connector } = demo();
    await expect(connector.pull('imap:INBOX:42')).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('Demo connector: pushed changes', () => {
  it('applies a status change and serves the ticket again after the last cursor', async () => {
    const { connector } = demo();
    const { tickets, cursor } = await pullAll(connector);
    const target = tickets.find((t) => t.status === 'open')!;
    const result = await connector.push(mutation(target, { type: 'setStatus', status: 'pending' }));
    expect(result).toMatchObject({ kind: 'applied', ticket: { id: target.id, status: 'pending' } });
    const next = await pullAll(connector, cursor);
    expect(next.tickets).toHaveLength(1);
    expect(next.tickets[0]).toMatchObject({ id: target.id, status: 'pending' });
    expect(next.tickets[0]!.version).not.toBe(target.version);
  });

  it('adds a reply once, however often the same mutation is pushed', async () => {
    const { connector } = demo();
    const { tickets } = await pullAll(connector);
    const target = tickets[0]!;
    const reply = mutation(target, { type: 'reply', text: 'Thanks, refunded.', internal: false }, 'mutation-0001');
    await connector.push(reply);
    const second = await connector.push(reply);
    expect(second.kind).toBe('applied');
    if (second.kind !== 'applied') return;
    expect(second.messages.filter((m) => m.text === 'Thanks, refunded.')).toHaveLength(1);
    expect(second.ticket?.messageCount).toBe(target.messageCount + 1);
  });

  it('keeps pushed changes across a restart, like a server would', async () => {
    const { connector, file, clock } = demo();
    const { tickets } = await pullAll(connector);
    const target = tickets.find((t) => t.priority !== 'urgent')!;
    await connector.push(mutation(target, { type: 'setPriority', priority: 'urgent' }));
    const restarted = await pullAll(new DemoConnector(file, () => clock.now));
    expect(restarted.tickets.find((t) => t.id === target.id)?.priority).toBe('urgent');
  });

  it('a team change saved before "group" became "team" is still the agent’s after the upgrade', async () => {
    const { connector, file, clock } = demo();
    const { tickets } = await pullAll(connector);
    const target = tickets.find((t) => t.team !== 'Engineering')!;
    await connector.push(mutation(target, { type: 'setTeam', team: 'Engineering' }));
    // The journal on disk as an older version wrote it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"type":"setTeam","team"', '"type":"setGroup","group"'));
    expect(readFileSync(file, 'utf8')).toContain('"setGroup"');
    const restarted = await pullAll(new DemoConnector(file, () => clock.now));
    expect(restarted.tickets.find((t) => t.id === target.id)?.team).toBe('Engineering');
  });

  it('rejects a change to a ticket it does not have', async () => {
    const { connector } = demo();
    const { tickets } = await pullAll(connector);
    const ghost = { ...tickets[0]!, id: 'demo:999999', remoteId: '999999' };
    expect(await connector.push(mutation(ghost, { type: 'setStatus', status: 'solved' }))).toMatchObject({ kind: 'rejected' });
  });

  it('refreshes its times after half a day, re-sending every ticket and keeping the agent’s changes', async () => {
    const { connector, file, clock } = demo();
    const { tickets, cursor } = await pullAll(connector);
    const target = tickets.find((t) => t.status === 'new')!;
    await connector.push(mutation(target, { type: 'setStatus', status: 'solved' }));
    clock.now += 13 * 60 * 60_000;
    const later = await pullAll(new DemoConnector(file, () => clock.now), cursor);
    expect(later.tickets).toHaveLength(200);
    expect(later.tickets.find((t) => t.id === target.id)?.status).toBe('solved');
    const states = new Set(later.tickets.map((t) => slaState(t, clock.now)));
    expect(states.has('atRisk') && states.has('ok')).toBe(true);
  });
});
