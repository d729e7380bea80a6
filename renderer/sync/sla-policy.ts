/** The SLA policy for sources without their own: the default one, in the agent's time zone. */
import { defaultPolicy } from '../../shared/sla/defaults';
import type { SlaPolicy } from '../../shared/sla/policy';

let policy: SlaPolicy | null = null;

export function slaPolicy(): SlaPolicy {
  policy ??= defaultPolicy(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return policy;
}
