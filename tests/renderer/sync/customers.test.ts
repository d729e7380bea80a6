import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../renderer/sync/pull';
import { markVip, mergedCustomer } from '../../../renderer/sync/customers';
import type { Customer } from '../../../shared/domain';
import { freshDb, ticket } from '../fixtures';

const alice = (patch: Partial<Customer> = {}): Customer => ({ id: 'customer:alice@example.test', accountId: 'imap', name: 'Alice Example', email: 'alice@example.test', organization: null, vip: false, ...patch });

describe('one customer across sources (real IndexedDB)', () => {
  it('keeps the best name: a source that knows only the address never replaces a real one', () => {
    expect(mergedCustomer(alice(), alice({ accountId: 'rt', name: 'alice@example.test' })).name).toBe('Alice Example');
    expect(mergedCustomer(alice({ name: 'alice@example.test' }), alice({ name: 'Alice Example' })).name).toBe('Alice Example');
    expect(mergedCustomer(alice({ name: '' }), alice({ name: '' })).name).toBe('');
    expect(mergedCustomer(alice({ organization: 'Bigbank' }), alice({ organization: null })).organization).toBe('Bigbank');
  });

  it('the agent’s VIP mark survives the next pull, either way, and says since when', async () => {
    const db = await freshDb();
    await applyChanges(db, 'rt', [{ kind: 'customer', customer: alice({ accountId: 'rt', vip: false }) }]);
    await markVip(db, alice().id, true, 1000);
    await applyChanges(db, 'rt', [{ kind: 'customer', customer: alice({ accountId: 'rt', vip: false, name: 'alice@example.test' }) }]);
    expect(await db.customers.get(alice().id)).toMatchObject({ vip: true, localVip: true, vipSince: 1000, name: 'Alice Example' });
    await markVip(db, alice().id, false);
    await applyChanges(db, 'rt', [{ kind: 'customer', customer: alice({ accountId: 'rt', vip: true }) }]);
    expect(await db.customers.get(alice().id)).toMatchObject({ vip: false, localVip: false });
  });
});

describe('marking a customer VIP', () => {
  it('records their tickets already here as seen: a Date header in whole seconds, or a clock behind, never makes them news', async () => {
    const db = await freshDb();
    await db.customers.put(alice());
    await db.tickets.put(ticket(7, { customerId: alice().id, status: 'new' }));
    await markVip(db, alice().id, true, 5_000);
    expect(await db.notifications.get(`vipNew:${ticket(7).id}`)).toMatchObject({ at: 5_000 });
  });
});
