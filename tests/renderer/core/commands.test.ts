import { describe, expect, it } from 'vitest';
import { createCommands } from '../../../renderer/core/commands';
import { freshDb, ticket } from '../fixtures';

const me = { id: 'acc:agent', accountId: 'acc', name: 'Alex', email: 'alex@example.com' };

function setUp() {
  let kicks = 0;
  const refreshed: string[] = [];
  const engine = { kick: () => void kicks++, refreshAccounts: async () => void refreshed.push('accounts'), retryNow: async (accountId: string) => void refreshed.push(`retry ${accountId}`) };
  return { engine, kicks: () => kicks, refreshed };
}

describe('commands (real IndexedDB)', () => {
  it('a status change is visible at once, queued for the source, and handed to the sync engine', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const { engine, kicks } = setUp();
    const commands = createCommands(db, engine, () => me);
    await commands.setStatus('acc:1', 'solved');
    expect((await db.tickets.get('acc:1'))?.status).toBe('solved');
    expect((await db.outbox.toArray()).map((r) => r.mutation.op)).toEqual([{ type: 'setStatus', status: 'solved' }]);
    expect(kicks()).toBe(1);
  });

  it('a macro’s changes are written together: all of them, in order, or none when one ticket is gone', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut([ticket(1), ticket(2)]);
    const { engine, kicks } = setUp();
    const commands = createCommands(db, engine, () => me);
    await commands.queue([
      { ticketId: 'acc:1', op: { type: 'setPriority', priority: 'urgent' } },
      { ticketId: 'acc:1', op: { type: 'setTags', tags: ['billing'] } },
      { ticketId: 'acc:2', op: { type: 'setStatus', status: 'pending' } },
    ]);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => [r.mutation.ticketId, r.mutation.op.type])).toEqual([
      ['acc:1', 'setPriority'], ['acc:1', 'setTags'], ['acc:2', 'setStatus'],
    ]);
    expect(await db.tickets.get('acc:1')).toMatchObject({ priority: 'urgent', tags: ['billing'] });
    expect(kicks()).toBe(1);

    await expect(commands.queue([
      { ticketId: 'acc:2', op: { type: 'setPriority', priority: 'low' } },
      { ticketId: 'acc:404', op: { type: 'setStatus', status: 'solved' } },
    ])).rejects.toThrow(/not in the cache/);
    expect(await db.outbox.count()).toBe(3);
    expect((await db.tickets.get('acc:2'))?.priority).toBe('normal');
  });

  it('a bulk change skips what a ticket cannot take and queues the rest in one go', async () => {
    const db = await freshDb();
    await db.tickets.bulkPut(Array.from({ length: 300 }, (_, i) => ticket(i + 1)));
    const { engine } = setUp();
    const commands = createCommands(db, engine, () => me);
    const ids = Array.from({ length: 300 }, (_, i) => `acc:${i + 1}`);
    const result = await commands.mutateMany(ids, (t) => (Number(t.remoteId) % 3 === 0 ? null : { type: 'setStatus', status: 'solved' }));
    expect(result).toEqual({ done: 200, skipped: 100 });
    expect(await db.outbox.count()).toBe(200);
    expect(await db.tickets.where('status').equals('solved').count()).toBe(200);
  });

  it('an undone change leaves the outbox and the ticket as it was', async () => {
    const db = await freshDb();
    await db.tickets.put(ticket(1));
    const { engine } = setUp();
    const commands = createCommands(db, engine, () => me);
    await commands.mutate('acc:1', { type: 'setPriority', priority: 'high' });
    const [row] = await db.outbox.toArray();
    expect(await commands.undo(row!.seq!)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.tickets.get('acc:1'))?.priority).toBe('normal');
  });

  it('the agent’s own notes and views are kept on this computer: a note is saved and cleared, a view saved and removed', async () => {
    const db = await freshDb();
    const { engine, kicks } = setUp();
    const commands = createCommands(db, engine, () => me);
    await commands.setCustomerNote('anna@example.ru', 'Prefers email in Russian');
    expect(await db.customerNotes.get('anna@example.ru')).toMatchObject({ text: 'Prefers email in Russian' });
    await commands.setCustomerNote('anna@example.ru', '  ');
    expect(await db.customerNotes.get('anna@example.ru')).toBeUndefined();
    await commands.saveView('VIP refunds', 'is:vip refund');
    const [view] = await db.views.toArray();
    expect(view).toMatchObject({ name: 'VIP refunds', query: 'is:vip refund' });
    await commands.removeView(view!.id);
    expect(await db.views.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0); // nothing for a source
    expect(kicks()).toBe(0);
  });

  it('accounts change in main first, then the cache follows; the agent’s name is kept trimmed and an empty one removed', async () => {
    const db = await freshDb();
    const { engine, refreshed } = setUp();
    const calls: string[] = [];
    const main = { addAccount: async () => void calls.push('add'), removeAccount: async ({ accountId }: { accountId: string }) => void calls.push(`remove ${accountId}`), removeDemo: async () => void calls.push('removeDemo'), restoreDemo: async () => void calls.push('restoreDemo') };
    const commands = createCommands(db, engine, () => me, () => main as never);
    await commands.removeAccount('rt:1');
    await commands.showDemo(false);
    await commands.showDemo(true);
    await commands.syncAgain('rt:1');
    expect(calls).toEqual(['remove rt:1', 'removeDemo', 'restoreDemo']);
    expect(refreshed).toEqual(['accounts', 'accounts', 'accounts', 'retry rt:1', 'accounts']);
    // Main refusing: the cache is not touched and the agent sees why.
    const refusing = createCommands(db, engine, () => me, () => ({ removeAccount: async () => Promise.reject(new Error('set up by your administrator')) }) as never);
    await expect(refusing.removeAccount('rt:1')).rejects.toThrow('administrator');
    expect(refreshed).toHaveLength(5);
    await commands.setAgentName('  Alex Doe ');
    expect(await db.prefs.get('agentName')).toEqual({ key: 'agentName', value: 'Alex Doe' });
    await commands.setAgentName('  ');
    expect(await db.prefs.get('agentName')).toBeUndefined();
  });
});
