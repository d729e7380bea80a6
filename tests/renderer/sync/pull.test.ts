import { describe, expect, it } from 'vitest';
import { enqueue } from '../../../renderer/sync/outbox';
import { pullAccount } from '../../../renderer/sync/pull';
import { customer, freshDb, scriptedApi, ticket } from '../fixtures';

const pages = {
  start: { changes: [{ kind: 'customer' as const, customer }, { kind: 'ticket' as const, ticket: ticket(1) }], nextCursor: 'c1', done: false },
  c1: { changes: [{ kind: 'ticket' as const, ticket: ticket(2) }], nextCursor: 'c2', done: true },
};

describe('pull into the cache (real IndexedDB)', () => {
  it('writes every page with its cursor and stops when the source is done', async () => {
    const db = await freshDb();
    const { api, pulled } = scriptedApi(pages, async () => ({ kind: 'rejected', reason: '' }));
    const progress = await pullAccount(api, db, 'acc');
    expect(progress).toMatchObject({ pages: 2, changes: 3 });
    expect(pulled).toEqual([null, 'c1']);
    expect(await db.tickets.count()).toBe(2);
    expect((await db.syncState.get('acc'))?.cursor).toBe('c2');
  });

  it('after a failure mid-pull, resumes from the last committed page: nothing skipped, nothing twice', async () => {
    const db = await freshDb();
    const broken = scriptedApi({ start: pages.start }, async () => ({ kind: 'rejected', reason: '' }));
    await expect(pullAccount(broken.api, db, 'acc')).rejects.toThrow(/no page for c1/);
    expect(await db.tickets.count()).toBe(1);
    expect((await db.syncState.get('acc'))?.cursor).toBe('c1');

    const healthy = scriptedApi(pages, async () => ({ kind: 'rejected', reason: '' }));
    await pullAccount(healthy.api, db, 'acc');
    expect(healthy.pulled).toEqual(['c1']);
    expect((await db.tickets.toArray()).map((t) => t.id).sort()).toEqual(['acc:1', 'acc:2']);
  });

  it('never overwrites a field with a pending local change: the pulled ticket goes underneath', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, null);
    const remote = ticket(1, { subject: 'Renamed on the server', status: 'open', version: 'v2' });
    const { api } = scriptedApi({ start: { changes: [{ kind: 'ticket', ticket: remote }], nextCursor: 'c1', done: true } }, async () => ({ kind: 'rejected', reason: '' }));
    await pullAccount(api, db, 'acc');
    const cached = await db.tickets.get('acc:1');
    expect(cached).toMatchObject({ subject: 'Renamed on the server', status: 'solved', version: 'v2' });
  });

  it('a ticket the source deleted leaves the cache with its messages; a change queued for it fails, saying why', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    await db.messages.put({ id: 'acc:m1', ticketId: 'acc:1', accountId: 'acc', author: { name: 'A', email: 'a@x' }, direction: 'in', internal: false, createdAt: 1, text: 'hi', attachments: [] });
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, null);
    const gone = { kind: 'ticketGone' as const, ticketId: 'acc:1', reason: 'Zendesk ticket #1 was deleted.' };
    const { api } = scriptedApi({ start: { changes: [gone], nextCursor: 'c1', done: true } }, async () => ({ kind: 'rejected', reason: '' }));
    await pullAccount(api, db, 'acc');
    expect((await db.tickets.toArray()).map((t) => t.id)).toEqual(['acc:2']);
    expect(await db.messages.count()).toBe(0);
    expect((await db.outbox.toArray()).map((r) => [r.state, r.error])).toEqual([['failed', 'Zendesk ticket #1 was deleted.']]);
  });
});
