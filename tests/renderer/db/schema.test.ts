import { Mutation } from '../../../shared/mutation';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { viewCounts } from '../../../renderer/db/counts';
import { viewRows } from '../../../renderer/db/views';
import { purgeAccount, SwitchboardDb } from '../../../renderer/db/schema';
import { localId } from '../../../shared/ids';
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

  it('purging an account whose id is too long to begin its tickets’ ids still removes their drafts and snoozes', async () => {
    const db = await freshDb();
    const long = `imap:${'x'.repeat(190)}@mail.example`;
    const id = localId(long, '1');
    expect(id.startsWith(`${long}:`)).toBe(false);
    await db.tickets.bulkPut([{ ...ticket(1), id, accountId: long }, ticket(2)]);
    await db.drafts.bulkPut([{ ticketId: id, text: 'half a reply', internal: false, updatedAt: 1 }, { ticketId: 'acc:2', text: 'kept', internal: false, updatedAt: 1 }]);
    await db.snoozes.put({ ticketId: id, until: Date.now() + 60_000, at: 1 });
    await purgeAccount(db, long);
    expect((await db.drafts.toArray()).map((d) => d.ticketId)).toEqual(['acc:2']);
    expect(await db.snoozes.count()).toBe(0);
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
  it('a cache from before "group" became "team" (version 12) keeps every team, each ticket’s, and a move waiting in the outbox', async () => {
    const name = `switchboard-upgrade-team-${Date.now()}`;
    const old = new Dexie(name);
    old.version(12).stores({
      accounts: 'id, type',
      tickets: 'id, accountId, status',
      outbox: '++seq, &id, [ticketId+seq], state, accountId',
      groups: 'id, accountId',
    });
    await old.table('accounts').put({ id: 'acc', type: 'rt', name: 'RT', demo: false, capabilities: { statuses: ['open'], priority: true, assign: true, tags: false, internalNotes: true, merge: false, flags: false, groups: true } });
    await old.table('groups').bulkPut([{ id: 'acc:team:1', accountId: 'acc', name: 'General' }, { id: 'acc:team:2', accountId: 'acc', name: 'Second line' }]);
    await old.table('tickets').bulkPut([{ ...ticket(1), group: 'General' }, ticket(2)]);
    const move = { id: 'mutation-1', accountId: 'acc', ticketId: 'acc:1', remoteId: '1', baseVersion: null, createdAt: 1, op: { type: 'setGroup', group: 'Second line' } };
    await old.table('outbox').add({ id: move.id, accountId: 'acc', ticketId: 'acc:1', mutation: move, state: 'pending', attempts: 0, error: null, nextAttemptAt: 0, before: { group: 'General' }, seen: { group: 'General' } });
    old.close();

    const db = new SwitchboardDb(name);
    await db.open();
    expect((await db.teams.toArray()).map((t) => t.name).sort()).toEqual(['General', 'Second line']);
    expect(db.tables.map((t) => t.name)).not.toContain('groups');
    expect((await db.tickets.get('acc:1'))).toMatchObject({ team: 'General' });
    expect(await db.tickets.get('acc:1')).not.toHaveProperty('group');
    expect(await db.tickets.get('acc:2')).not.toHaveProperty('team');
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ mutation: { op: { type: 'setTeam', team: 'Second line' } }, before: { team: 'General' }, seen: { team: 'General' } });
    expect(Mutation.safeParse(row!.mutation).success).toBe(true);
    expect((await db.accounts.get('acc'))?.capabilities).toMatchObject({ teams: true });
    db.close();
  });

  it('a cache from before the sending marks had a table (version 14) keeps the mark of a change cut short, so it is counted', async () => {
    const name = `switchboard-upgrade-sending-${Date.now()}`;
    const old = new Dexie(name);
    old.version(14).stores({ tickets: 'id, accountId, status', outbox: '++seq, &id, [ticketId+seq], state, accountId' });
    const row = (id: string, extra: object) => {
      const mutation = { id, accountId: 'acc', ticketId: 'acc:1', remoteId: '1', baseVersion: null, createdAt: 1, op: { type: 'setStatus', status: 'solved' } };
      return { id, accountId: 'acc', ticketId: 'acc:1', mutation, state: 'pending', attempts: 0, error: null, nextAttemptAt: 0, ...extra };
    };
    const cut = await old.table('outbox').add(row('mutation-1', { sendingAt: 1234 }));
    await old.table('outbox').add(row('mutation-2', { sendingAt: 0 }));
    old.close();

    const db = new SwitchboardDb(name);
    await db.open();
    expect(await db.sending.toArray()).toEqual([{ seq: cut, at: 1234 }]);
    expect((await db.outbox.toArray()).map((r) => [r.id, 'sendingAt' in r])).toEqual([['mutation-1', false], ['mutation-2', false]]);
    db.close();
  });
});
