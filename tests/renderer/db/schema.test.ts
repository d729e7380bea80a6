import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { viewCounts } from '../../../renderer/db/counts';
import { viewRows } from '../../../renderer/db/views';
import { purgeAccount, SwitchboardDb } from '../../../renderer/db/schema';
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

describe('cache upgrade (real IndexedDB)', () => {
  it('a cache from before the owner index (version 10) shows the same My open and Unassigned after the upgrade', async () => {
    const name = `switchboard-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    old.version(10).stores({
      tickets:
        'id, &[accountId+remoteId], [status+slaDueAt], [status+updatedAt], [status+createdAt], [status+priority+updatedAt], [openKey+slaDueAt], [openKey+updatedAt], [openKey+createdAt], [openKey+priority+updatedAt], [status+assigneeId], [assigneeId+status], [accountId+status], [channel+status], status, accountId, customerId, [accountId+number], [accountId+threadSubject]',
    });
    await old.table('tickets').bulkPut([
      { ...ticket(1, { assigneeId: 'acc:me' }), openKey: 1 },
      { ...ticket(2), openKey: 1 },
      ticket(3, { status: 'solved', assigneeId: 'acc:me' }),
    ]);
    old.close();

    const db = new SwitchboardDb(name);
    await db.open();
    const me = new Set(['acc:me']);
    const ids = async (view: 'mine' | 'unassigned') => (await viewRows(db, { view, sort: 'updated', accountId: null, channel: null }, { me, now: 0 }, 50)).map((r) => r.ticket.id);
    expect(await ids('mine')).toEqual(['acc:1']);
    expect(await ids('unassigned')).toEqual(['acc:2']);
    expect(await db.tickets.count()).toBe(3);
    expect(await viewCounts(db, { me, now: 0 })).toMatchObject({ mine: 1, unassigned: 1, all: 3 });
    db.close();
  });
});
