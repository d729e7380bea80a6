import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/mutation';
import { statusAfterReply } from '../../../shared/apply-op';
import { enqueue, flush, localMessageId } from '../../../renderer/sync/outbox';
import { freshDb, scriptedApi, ticket } from '../fixtures';

const me = { id: 'acc:agent', accountId: 'acc', name: 'Alex', email: 'alex@example.com' };

describe('outbox (real IndexedDB)', () => {
  it('writes the optimistic effect and the mutation together', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const mutation = await enqueue(db, 'acc:1', { type: 'setPriority', priority: 'urgent' }, me);
    expect((await db.tickets.get('acc:1'))?.priority).toBe('urgent');
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: mutation.id, state: 'pending', mutation: { baseVersion: 'v1', op: { priority: 'urgent' } } });
  });

  it('writes nothing when the ticket is not cached', async () => {
    const db = await freshDb();
    await expect(enqueue(db, 'acc:404', { type: 'setStatus', status: 'solved' }, me)).rejects.toThrow(/not in the cache/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows a reply at once, and replaces it with the source’s copy once acknowledged', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const mutation = await enqueue(db, 'acc:1', { type: 'reply', text: 'Здравствуйте!', internal: false }, me);
    expect(await db.messages.get(localMessageId(mutation.id))).toMatchObject({ text: 'Здравствуйте!', direction: 'out' });
    const server = { ...ticket(1), version: 'v2', messageCount: 1 };
    const message = { id: 'acc:1:m9', ticketId: 'acc:1', accountId: 'acc', author: { name: 'Alex', email: 'alex@example.com' }, direction: 'out' as const, internal: false, createdAt: 5, text: 'Здравствуйте!', attachments: [] };
    const { api } = scriptedApi({}, async () => ({ kind: 'applied', ticket: server, messages: [message] }));
    expect(await flush(api, db)).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.get(localMessageId(mutation.id))).toBeUndefined();
    expect(await db.messages.get('acc:1:m9')).toBeDefined();
    expect((await db.tickets.get('acc:1'))?.version).toBe('v2');
  });

  it('a reply whose status follows the rule is decided when queued: a status the agent set while it was on its way stays', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1, { status: 'open' }));
    // Send was pressed with the ticket open ("Reply and set: Open" shown); the agent solved it before the reply was queued.
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    await enqueue(db, 'acc:1', (now) => ({ type: 'reply', text: 'Refund issued today.', internal: false, status: statusAfterReply(now.status, false, ['new', 'open', 'solved']) }), me, 10_000);
    expect((await db.tickets.get('acc:1'))?.status).toBe('solved');
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.mutation.op)).toEqual([
      { type: 'setStatus', status: 'solved' },
      { type: 'reply', text: 'Refund issued today.', internal: false, status: 'solved' },
    ]);
  });

  it('sends one ticket’s mutations in order, and holds the later ones while an earlier one waits', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'pending' }, me);
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    await enqueue(db, 'acc:2', { type: 'setPriority', priority: 'high' }, me);
    let down = true;
    const { api, pushed } = scriptedApi({}, async (m: Mutation) => {
      if (down && m.ticketId === 'acc:1') throw new Error('network down');
      return { kind: 'applied', ticket: { ...ticket(Number(m.remoteId)), version: `after-${m.id}` }, messages: [] };
    });
    expect(await flush(api, db)).toBe(1); // ticket 2 went; ticket 1's first failed, its second waited
    expect(pushed.map((m) => m.op)).toEqual([{ type: 'setStatus', status: 'pending' }, { type: 'setPriority', priority: 'high' }]);
    const waiting = await db.outbox.toArray();
    expect(waiting.map((r) => r.state)).toEqual(['pending', 'pending']);
    expect(waiting[0]).toMatchObject({ attempts: 1, error: expect.stringMatching(/network down/) });
    expect((await db.tickets.get('acc:1'))?.status).toBe('solved'); // the agent still sees their change

    down = false;
    await db.outbox.toCollection().modify({ nextAttemptAt: 0 }); // the backoff has passed
    expect(await flush(api, db)).toBe(2);
    expect(pushed.slice(2).map((m) => m.op)).toEqual([{ type: 'setStatus', status: 'pending' }, { type: 'setStatus', status: 'solved' }]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a later change queued on the same version follows the version the earlier one produced (not a conflict)', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'reply', text: 'Refund issued.', internal: false }, me);
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    const { api, pushed } = scriptedApi({}, async (m: Mutation) => ({ kind: 'applied', ticket: { ...ticket(1), version: `after-${m.op.type}` }, messages: [] }));
    expect(await flush(api, db)).toBe(2);
    expect(pushed.map((m) => [m.op.type, m.baseVersion])).toEqual([['reply', 'v1'], ['setStatus', 'after-reply']]);
  });

  it('marks a change the source refuses as failed, with the source’s reason, and does not resend it', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    await enqueue(db, 'acc:1', { type: 'setStatus', status: 'closed' }, me);
    const { api, pushed } = scriptedApi({}, async () => ({ kind: 'rejected', reason: 'Ticket was deleted' }));
    await flush(api, db);
    await flush(api, db);
    expect(pushed).toHaveLength(1);
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'failed', error: 'Ticket was deleted' }]);
  });

  it('resends a row left "sending" by a crash (its id makes the repeat harmless)', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const mutation = await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    await db.outbox.toCollection().modify({ state: 'sending' });
    const { api, pushed } = scriptedApi({}, async () => ({ kind: 'applied', ticket: ticket(1, { status: 'solved' }), messages: [] }));
    await flush(api, db);
    expect(pushed.map((m) => m.id)).toEqual([mutation.id]);
  });

  it('marks a change as under way apart from its row while it is sent (the outbox views stay asleep), and the acknowledgement clears the mark', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const mutation = await enqueue(db, 'acc:1', { type: 'setStatus', status: 'solved' }, me);
    const [row] = await db.outbox.toArray();
    const marks: unknown[] = [];
    const { api } = scriptedApi({}, async () => {
      marks.push(...(await db.sending.toArray()).map((m) => m.seq));
      expect(await db.outbox.get(row!.seq!)).toEqual(row); // the row itself untouched
      return { kind: 'applied', ticket: ticket(1, { status: 'solved', version: 'v2' }), messages: [] };
    });
    expect(await flush(api, db)).toBe(1);
    expect(marks).toEqual([row!.seq]);
    expect(await db.sending.count()).toBe(0);
    expect(await db.outbox.where('id').equals(mutation.id).count()).toBe(0);
  });

  it('sets aside a change whose sending stopped Switchboard twice (a restart meanwhile, or the host gone), and the rest goes on', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    const poison = await enqueue(db, 'acc:1', { type: 'reply', text: 'The big file', internal: false }, me);
    await enqueue(db, 'acc:2', { type: 'setPriority', priority: 'high' }, me);
    // The first time, the app stopped while sending it: at the next start its row still says so.
    const [marked] = await db.outbox.where('id').equals(poison.id).primaryKeys();
    await db.sending.put({ seq: marked!, at: Date.now() - 1000 });
    const { api, pushed } = scriptedApi({}, async (m) => {
      if (m.id === poison.id) throw { code: 'interrupted', message: 'Switchboard stopped while this was under way' };
      return { kind: 'applied', ticket: { ...ticket(2), priority: 'high', version: 'v2' }, messages: [] };
    });
    expect(await flush(api, db)).toBe(1); // the other ticket's change went
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ id: poison.id, state: 'failed', error: 'stopped_twice' });
    await flush(api, db);
    expect(pushed.filter((m) => m.id === poison.id)).toHaveLength(1); // not sent again by itself
    expect(await db.messages.get(localMessageId(poison.id))).toBeDefined(); // the reply's text stays for the agent
  });

  it('stages the files of a reply queued by an older version before sending it, chunk by chunk', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const bytes = new Uint8Array(1_300_000).map((_, i) => i % 251);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const legacy = { name: 'scan.pdf', type: 'application/pdf', base64: btoa(binary) };
    const mutation = await enqueue(db, 'acc:1', { type: 'reply', text: 'Attached', internal: false }, me);
    await db.outbox.where('id').equals(mutation.id).modify((row) => {
      if (row.mutation.op.type === 'reply') (row.mutation.op as { attachments?: unknown[] }).attachments = [legacy];
    });
    const chunks: { fileId: string; offset: number; chunk: string }[] = [];
    const { api, pushed } = scriptedApi({}, async () => ({ kind: 'applied', ticket: ticket(1, { version: 'v2' }), messages: [] }));
    Object.assign(api, {
      stageFile: async (c: { fileId: string; size: number; offset: number; chunk: string }) => {
        chunks.push(c);
        return { received: c.offset + atob(c.chunk).length, complete: c.offset + atob(c.chunk).length === c.size };
      },
      discardFiles: async () => ({}),
    });
    expect(await flush(api, db)).toBe(1);
    expect(chunks.map((c) => c.offset)).toEqual([0, 524286, 1048572]);
    expect(chunks.every((c) => c.chunk.length <= 699052)).toBe(true);
    expect(chunks.map((c) => c.chunk).join('')).toBe(legacy.base64);
    const sent = pushed[0]!.op;
    expect(sent.type === 'reply' && sent.attachments).toEqual([{ fileId: chunks[0]!.fileId, name: 'scan.pdf', type: 'application/pdf', size: 1_300_000 }]);
  });

  it('a reply whose old-style files cannot be staged waits with the reason, like any failed attempt; the other tickets go on', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    const mutation = await enqueue(db, 'acc:1', { type: 'reply', text: 'Attached', internal: false }, me);
    await db.outbox.where('id').equals(mutation.id).modify((row) => {
      if (row.mutation.op.type === 'reply') (row.mutation.op as { attachments?: unknown[] }).attachments = [{ name: 'a.txt', type: 'text/plain', base64: btoa('hello') }];
    });
    await enqueue(db, 'acc:2', { type: 'setPriority', priority: 'high' }, me);
    const { api, pushed } = scriptedApi({}, async (m) => ({ kind: 'applied', ticket: ticket(Number(m.remoteId), { version: 'v2' }), messages: [] }));
    Object.assign(api, { stageFile: async () => Promise.reject(new Error('main is restarting')) });
    expect(await flush(api, db)).toBe(1);
    expect(pushed.map((m) => m.ticketId)).toEqual(['acc:2']);
    expect(await db.outbox.toArray()).toMatchObject([{ id: mutation.id, state: 'pending', attempts: 1, error: expect.stringMatching(/main is restarting/) }]);
    expect(await db.sending.count()).toBe(0); // not under way any more: the next start counts no interruption
  });
});

