import { describe, expect, it } from 'vitest';
import { quarantineCorrupt } from '../../../renderer/db/quarantine';
import { viewRows } from '../../../renderer/db/views';
import { enqueue } from '../../../renderer/sync/outbox';
import { applyChanges } from '../../../renderer/sync/pull';
import type { MailMessage } from '../../../shared/email';
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

    const report = await quarantineCorrupt(db, 5);
    expect(report.moved).toBe(2);
    expect(report.names).toEqual(['acc:3', 'a queued change (unreadable)']); // the half-written ticket lost its subject
    expect((await db.tickets.toArray()).map((t) => t.id).sort()).toEqual(['acc:1', 'acc:2']);
    expect((await db.outbox.toArray()).map((r) => r.mutation.op.type)).toEqual(['setStatus']);
    const aside = await db.quarantine.toArray();
    expect(aside.map((q) => [q.table, q.key])).toEqual([['tickets', 'acc:3'], ['outbox', expect.any(String)]]);
    expect(aside[0]!.reason).toMatch(/^(status|subject)/);
    expect(await db.syncState.get('acc')).toBeUndefined(); // the source fills the gap
    expect((await viewRows(db, { view: 'open', sort: 'sla', accountId: null, channel: null }, { me: new Set(), now: Date.now() }, 100)).map((r) => r.ticket.id)).toEqual(['acc:2']); // acc:1 was solved
    expect((await quarantineCorrupt(db)).moved).toBe(0); // nothing more to find
  });

  it('makes a damaged email conversation again from its messages at once, with its number, and names it', async () => {
    const db = await freshDb();
    const ACC = 'imap:agent';
    await applyChanges(db, ACC, [
      { kind: 'mail', mail: mail({ messageId: 'q@x', subject: 'Счёт не пришёл', uid: 1 }) },
      { kind: 'mail', mail: mail({ messageId: 'r@x', inReplyTo: 'q@x', references: ['q@x'], subject: 'Re: Счёт не пришёл [#1]', uid: 2, outgoing: true, from: { name: 'Support', email: 'agent@example.test' } }) },
      { kind: 'mail', mail: mail({ messageId: 'other@x', subject: 'Another', uid: 3 }) },
    ]);
    await db.syncState.put({ key: ACC, accountId: ACC, cursor: 'c7', lastSyncAt: 1, error: null });
    const [before] = await db.tickets.filter((t) => t.subject === 'Счёт не пришёл').toArray();
    await db.tickets.put({ ...before!, status: 'exploded' } as never); // damaged by a crash or a disk error
    await db.customers.put({ id: 'customer:anna@example.ru', accountId: ACC, name: 7 } as never);

    const report = await quarantineCorrupt(db, 5);
    expect(report).toEqual({ moved: 2, names: ['Счёт не пришёл', 'customer:anna@example.ru'] });
    const again = await db.tickets.get(before!.id);
    expect(again).toMatchObject({ subject: 'Счёт не пришёл', number: 1, messageCount: 2, status: 'pending', customerId: 'customer:anna@example.ru' });
    expect(await db.customers.get('customer:anna@example.ru')).toMatchObject({ email: 'anna@example.ru', name: 'Anna' });
    expect(await db.syncState.get(ACC)).toMatchObject({ cursor: 'c7' }); // nothing to pull again: the messages were here
    expect(await db.tickets.count()).toBe(2);
    expect((await quarantineCorrupt(db)).moved).toBe(0);
  });
});

function mail(patch: Partial<MailMessage> & { messageId: string; uid: number }): MailMessage {
  return {
    accountId: 'imap:agent', folder: 'INBOX', uidValidity: 1, inReplyTo: null, references: [], subject: 'Hello',
    from: { name: 'Anna', email: 'anna@example.ru' }, to: [{ name: 'Support', email: 'agent@example.test' }], cc: [],
    date: Date.UTC(1969, 6, 20) + patch.uid * 60_000, fingerprint: `v1.${patch.messageId}`, text: 'text', html: null, attachments: [], inline: [], flags: [],
    broken: false, tooLarge: false, outgoing: false, size: 100, ...patch,
  };
}
