import { describe, expect, it } from 'vitest';
import { purgeAccount } from '../../../renderer/db/schema';
import { freshDb, ticket } from '../fixtures';

describe('cache schema (real IndexedDB)', () => {
  it('purging an account removes all its rows, whatever optional fields its tickets lack', async () => {
    const db = await freshDb();
    await db.accounts.bulkPut([{ id: 'acc', type: 'demo', name: 'Demo', demo: true }, { id: 'other', type: 'imap', name: 'Mail', demo: false }]);
    await db.tickets.bulkPut([ticket(1), ticket(2, { number: 7, threadSubject: 'x' }), { ...ticket(3), id: 'other:3', accountId: 'other' }]);
    await db.syncState.put({ key: 'acc', accountId: 'acc', cursor: 'c', lastSyncAt: 1, error: null });
    await purgeAccount(db, 'acc');
    expect((await db.tickets.toArray()).map((t) => t.id)).toEqual(['other:3']);
    expect(await db.syncState.count()).toBe(0);
    expect((await db.accounts.toArray()).map((a) => a.id)).toEqual(['other']);
  });
});
