/** The SLA policy for sources without their own: the one set in Settings, else the default, in the agent's time zone. */
import { officeHours } from '../../shared/sla/calendar';
import { defaultPolicy } from '../../shared/sla/defaults';
import type { SlaPolicy } from '../../shared/sla/policy';
import type { SlaPolicySettings, SwitchboardDb } from '../db/schema';

export const agentTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function policyFrom(settings: SlaPolicySettings | null, timeZone = agentTimeZone()): SlaPolicy {
  const base = defaultPolicy(timeZone);
  if (!settings) return base;
  return { ...base, id: 'settings', name: 'Settings', targets: settings.targets, calendar: officeHours(timeZone, settings.from, settings.to, settings.holidays) };
}

export async function slaPolicySettings(db: SwitchboardDb): Promise<SlaPolicySettings | null> {
  const row = await db.prefs.get('slaPolicy');
  return row?.key === 'slaPolicy' ? row.value : null;
}

export async function slaPolicy(db: SwitchboardDb): Promise<SlaPolicy> {
  return policyFrom(await slaPolicySettings(db));
}
