import { describe, expect, it } from 'vitest';
import type { Mutation, PushResult } from '../../../shared/mutation';
import { enqueue, flush, nextDue } from '../../../renderer/sync/outbox';
import { discard, retry, sendAnyway, takeTheirs } from '../../../renderer/sync/outbox-actions';
import { rebase } from '../../../renderer/sync/rebase';
import { freshDb, scriptedApi, ticket } from '../fixtures';

const me = { id: 'acc:agent', accountId: 'acc', name: 'Alex', email: 'alex@example.com' };
const applied = (m: Mutation, patch = {}): PushResult => ({ kind: 'applied', ticket: { ...ticket(Number(m.remoteId)), version: `after-${m.id}`, ...patch }, messages: [] });

describe('conflicts and the agent’s choices (real IndexedDB)', () => {
  it('a ticket changed at the source on other fields: the change is rebased on the new version and sent', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    const remote = ticket(1, { priority: 'urgent', version: 'v2' }); // someone raised the priority meanwhile
    const { api, pushed } = scriptedApi({}, async (m) => (m.baseVersion === 'v1' ? { kind: 'conflict', remote } : applied(m, { status: 'solved', priority: 'urgent' })));
    expect(await flush(api, db)).toBe(1);
    expect(pushed.map((m) => m.baseVersion)).toEqual(['v1', 'v2']);
    expect(await db.tickets.get('acc:1')).toMatchObject({ status: 'solved', priority: 'urgent' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('the same field changed at the source: theirs shows, mine waits for the agent; "keep mine" sends over it', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    const remote = ticket(1, { status: 'pending', sourceStatus: 'pending', version: 'v2' });
    const { api, pushed } = scriptedApi({}, async (m) => (m.baseVersion === 'v1' ? { kind: 'conflict', remote } : applied(m, { status: 'solved' })));
    await flush(api, db);
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ state: 'conflict', error: 'changed_remotely', theirs: { status: 'pending' } });
    expect((await db.tickets.get('acc:1'))?.status).toBe('pending'); // theirs, until the agent decides
    await flush(api, db);
    expect(pushed).toHaveLength(1); // a conflict is not resent by itself

    await retry(db, row!.seq!); // keep mine
    expect((await db.tickets.get('acc:1'))?.status).toBe('solved');
    expect(await flush(api, db)).toBe(1);
    expect(pushed.at(-1)?.baseVersion).toBe('v2');
  });

  it('a pull that already brought their change on the same field still makes it a conflict', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'on-hold' }, me);
    const remote = ticket(1, { status: 'closed', sourceStatus: 'rejected', version: 'v2' });
    await db.tickets.put(await rebase(db, remote)); // the pull came first
    const { api, pushed } = scriptedApi({}, async (m) => (m.baseVersion === 'v1' ? { kind: 'conflict', remote } : applied(m)));
    expect(await flush(api, db)).toBe(0);
    expect(pushed).toHaveLength(1);
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'conflict', theirs: { status: 'closed' } }]);
    expect((await db.tickets.get('acc:1'))?.status).toBe('closed');
  });

  it('"take theirs" drops the change and keeps the source’s values', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'low' }, me);
    const { api } = scriptedApi({}, async () => ({ kind: 'conflict', remote: ticket(1, { priority: 'high', version: 'v2' }) }));
    await flush(api, db);
    const [row] = await db.outbox.toArray();
    await takeTheirs(db, row!.seq!);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.tickets.get('acc:1'))?.priority).toBe('high');
  });

  it('a source that answers with its new version only: the change stays shown, the version moves, the next change builds on it', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'urgent' }, me);
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'pending' }, me);
    await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'high' }, me);
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    let n = 1;
    // Slow answers: acknowledgements are written in batches meanwhile; each change still builds on the last.
    const { api, pushed } = scriptedApi({}, async () => {
      await new Promise((r) => setTimeout(r, 120));
      return { kind: 'applied', version: `v${++n}`, messages: [] };
    });
    expect(await flush(api, db)).toBe(4);
    expect(pushed.map((m) => m.baseVersion)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(await db.tickets.get('acc:1')).toMatchObject({ priority: 'high', status: 'solved', version: 'v5' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a change the source already has is done, whatever the source calls the status (RT: "stalled" for on hold)', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'on-hold' }, me);
    // The PUT went through but its answer was lost; the retry's stale base comes back as a conflict.
    const { api } = scriptedApi({}, async () => ({ kind: 'conflict', remote: ticket(1, { status: 'on-hold', sourceStatus: 'stalled', version: 'v2' }) }));
    expect(await flush(api, db)).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tickets.get('acc:1')).toMatchObject({ status: 'on-hold', sourceStatus: 'stalled' });
  });

  it('a change the source already has is done', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    const { api } = scriptedApi({}, async () => ({ kind: 'conflict', remote: ticket(1, { status: 'solved', sourceStatus: 'solved', version: 'v2' }) }));
    expect(await flush(api, db)).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a refused change fails with the reason and is rolled back; retry re-applies it, discard forgets it', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1, { priority: 'normal' }));
    await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'urgent' }, me);
    let refuse = true;
    const { api } = scriptedApi({}, async (m) => (refuse ? { kind: 'rejected', reason: 'Priority is locked by a trigger' } : applied(m, { priority: 'urgent' })));
    await flush(api, db);
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ state: 'failed', error: 'Priority is locked by a trigger' });
    expect((await db.tickets.get('acc:1'))?.priority).toBe('normal');
    // A pull meanwhile does not bring the failed change back.
    await db.tickets.put(await rebase(db, ticket(1, { version: 'v2' })));
    expect((await db.tickets.get('acc:1'))?.priority).toBe('normal');

    await retry(db, row!.seq!);
    expect((await db.tickets.get('acc:1'))?.priority).toBe('urgent');
    refuse = false;
    expect(await flush(api, db)).toBe(1);

    await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'low' }, me);
    const [again] = await db.outbox.toArray();
    expect(await discard(db, again!.seq!)).toBe(true);
    expect((await db.tickets.get('acc:1'))?.priority).toBe('urgent'); // as the source has it since the retry
  });

  it('a reply to a ticket closed meanwhile waits: send anyway, or keep it as a draft', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    await enqueue(db, 'acc:1', { type: 'reply', text: 'One more thing…', internal: false }, me);
    await enqueue(db, 'acc:2', { type: 'reply', text: 'Черновик ответа', internal: false }, me);
    // A pull brings both tickets closed by a colleague.
    for (const n of [1, 2]) await db.tickets.put(await rebase(db, ticket(n, { status: 'solved', version: 'v2' })));
    const { api, pushed } = scriptedApi({}, async (m) => applied(m));
    expect(await flush(api, db)).toBe(0);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.state, r.error])).toEqual([['conflict', 'closed_meanwhile'], ['conflict', 'closed_meanwhile']]);

    await sendAnyway(db, rows[0]!.seq!);
    await discard(db, rows[1]!.seq!);
    expect(await flush(api, db)).toBe(1);
    expect(pushed.map((m) => m.ticketId)).toEqual(['acc:1']);
    expect(await db.drafts.get('acc:2')).toMatchObject({ text: 'Черновик ответа' });
    expect(await db.messages.count()).toBe(0); // the reply that was kept as a draft left the thread
  });

  it('a reply waits out its undo window; undo puts it back into the draft', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const before = Date.now();
    await enqueue(db, 'acc:1', { type: 'reply', text: 'Sent too soon', internal: false }, me, 10_000);
    const { api, pushed } = scriptedApi({}, async (m) => applied(m));
    expect(await flush(api, db)).toBe(0);
    expect(pushed).toHaveLength(0);
    expect(await nextDue(db)).toBeGreaterThanOrEqual(before + 10_000);
    const [row] = await db.outbox.toArray();
    await discard(db, row!.seq!);
    expect(await db.drafts.get('acc:1')).toMatchObject({ text: 'Sent too soon' });
    expect(await nextDue(db)).toBeNull();
  });

  it('sends to several tickets at once, at most four, one ticket’s changes in order', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([1, 2, 3, 4, 5, 6].map((n) => ticket(n)));
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await enqueue(db, `acc:${n}`, { type: 'setStatus', status: 'pending' }, me);
      await enqueue(db, `acc:${n}`, { type: 'setStatus', status: 'solved' }, me);
    }
    let inFlight = 0;
    let most = 0;
    const order = new Map<string, string[]>();
    const { api } = scriptedApi({}, async (m) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      order.set(m.ticketId, [...(order.get(m.ticketId) ?? []), m.op.type === 'setStatus' ? m.op.status : '']);
      return applied(m);
    });
    expect(await flush(api, db)).toBe(12);
    expect(most).toBe(4);
    for (const statuses of order.values()) expect(statuses).toEqual(['pending', 'solved']);
  });
});
