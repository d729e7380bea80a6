/** Customers as VIP: by the source, the agent's toggle, or a local rule (addresses and domains in Settings). */
import type { Customer } from '../../shared/domain';
import { matchesVipRule } from '../../shared/vip';
import type { SwitchboardDb } from './schema';

export async function vipRules(db: SwitchboardDb): Promise<string[]> {
  const row = await db.prefs.get('vipRules');
  return row?.key === 'vipRules' ? row.value : [];
}

/** The customer with `vip` as all three ways decide it. */
export function withVip<C extends Customer | undefined>(customer: C, rules: readonly string[]): C {
  if (!customer || customer.vip || !matchesVipRule(customer.email, rules)) return customer;
  return { ...customer, vip: true };
}
