/**
 * One Customer per address across every source, so their records meet here: what a source pulls is merged
 * into what the cache has, never written over it. The best name wins (a source that knows only the
 * address never replaces "Alice Example" with "alice@example.test"), and the agent's own VIP mark stays the
 * agent's: a pull brings the source's view (`vip` where no mark is set), the mark decides.
 */
import type { Customer } from '../../shared/domain';
import type { SwitchboardDb } from '../db/schema';

/** A name that says who someone is: not empty, not an address. */
const isName = (name: string) => name.trim() !== '' && !name.includes('@');

export function mergedCustomer(known: Customer | undefined, pulled: Customer): Customer {
  if (!known) return pulled;
  const name = isName(pulled.name) ? pulled.name : isName(known.name) ? known.name : pulled.name || known.name;
  return {
    ...known,
    ...pulled,
    name,
    organization: pulled.organization ?? known.organization,
    ...(known.localVip !== undefined ? { localVip: known.localVip, vip: known.localVip } : {}),
    ...(known.vipSince !== undefined ? { vipSince: known.vipSince } : {}),
  };
}

/** Writes pulled customers, each merged into the cached record of the same address. */
export async function putCustomers(db: SwitchboardDb, pulled: Customer[]): Promise<void> {
  if (pulled.length === 0) return;
  const known = await db.customers.bulkGet(pulled.map((c) => c.id));
  await db.customers.bulkPut(pulled.map((c, i) => mergedCustomer(known[i], c)));
}

/** The agent marks a customer VIP, or not: it stays so whatever the sources say, from now on. */
export async function markVip(db: SwitchboardDb, customerId: string, vip: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.customers, db.tickets, db.notifications], async () => {
    await db.customers.update(customerId, { vip, localVip: vip, vipSince: vip ? now : undefined });
    // Their tickets already here are history, whatever the dates in them say (a Date header has whole
    // seconds, a sender's clock may be off): recorded as told, so marking never notifies of them.
    if (vip) {
      const ids = await db.tickets.where('customerId').equals(customerId).primaryKeys();
      await db.notifications.bulkPut(ids.map((id) => ({ key: `vipNew:${id}`, at: now })));
    }
  });
}
