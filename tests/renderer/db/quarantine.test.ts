import { describe, expect, it } from 'vitest';
import { quarantineCorrupt } from '../../../renderer/db/quarantine';
import { viewRows } from '../../../renderer/db/views';
import { enqueue } from '../../../renderer/sync/outbox';
import { customer, freshDb, ticket } from '../fixtures';

describe('corrupt cache rows at start (real IndexedDB)', () => {
  it('sets aside rows that fail their schema, keeps the rest, and pulls their account again', async () => {
    const db = await freshDb();
    await db.customers.put(customer);
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    await db.tickets.put({ ...ticket(3), status: 'exploded', subject: undefined } as never); // half-written
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, null);
    await db.outbox.add({ id: 'garbage', accountId: 'acc', ticketId: 'acc:2', state: 'pending', attempts: 0, error: null, nextAttemptAt: 0, mutation: { op: 'nonsense' } } as never);
    await db.syncState.put({ key: 'acc', accountId: 'acc', cursor: 'c42', lastSyncAt: 1, error: null });

    const n = await quarantineCorrupt(db, 5);
    expect(n).toBe(2);
    expect((await db.tickets.toArray()).map((t) => t.id).sort()).toEqual(['acc:1', 'acc:2']);
    expect((await db.outbox.toArray()).map((r) => r.mutation.op.type)).toEqual(['setStatus']);
    const aside = await db.quarantine.toArray();
    expect(aside.map((q) => [q.table, q.key])).toEqual([['tickets', 'acc:3'], ['outbox', expect.any(String)]]);
    expect(aside[0]!.reason).toMatch(/^(status|subject)/);
    expect(await db.syncState.get('acc')).toBeUndefined(); // the source fills the gap
    expect((await viewRows(db, { view: 'open', sort: 'sla', accountId: null, channel: null }, { me: new Set(), now: Date.now() }, 100)).map((r) => r.ticket.id)).toEqual(['acc:2']); // acc:1 was solved
    expect(await quarantineCorrupt(db)).toBe(0); // nothing more to find
  });
});
