/** The SLA policy for sources without their own: the one set in Settings, else the default, in the agent's time zone. */
import { officeHours } from '../../shared/sla/calendar';
import { defaultPolicy } from '../../shared/sla/defaults';
import type { SlaPolicy } from '../../shared/sla/policy';
import type { SlaPolicySettings, SwitchboardDb } from '../db/schema';

let zone = { name: '', at: -Infinity };
/** The agent's time zone. Resolving it makes an Intl formatter, costly, and every pull asks: kept a minute. */
export function agentTimeZone(): string {
  const now = Date.now();
  if (now - zone.at > 60_000) zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', at: now };
  return zone.name;
}

export function policyFrom(settings: SlaPolicySettings | null, timeZone = agentTimeZone()): SlaPolicy {
  const base = defaultPolicy(timeZone);
  if (!settings) return base;
  return {
    ...base,
    id: 'settings',
    name: 'Settings',
    targets: settings.targets,
    calendar: officeHours(timeZone, settings.from, settings.to, settings.holidays),
    pausedStatuses: settings.pausedStatuses ?? base.pausedStatuses,
    atRiskLeadMinutes: settings.atRiskLeadMinutes ?? base.atRiskLeadMinutes,
  };
}

/** How long before a due time a ticket counts as at risk, as set in Settings (every list, badge and notice). */
export async function atRiskLeadMs(db: SwitchboardDb): Promise<number> {
  return ((await slaPolicySettings(db))?.atRiskLeadMinutes ?? 30) * 60_000;
}

export async function slaPolicySettings(db: SwitchboardDb): Promise<SlaPolicySettings | null> {
  const row = await db.prefs.get('slaPolicy');
  return row?.key === 'slaPolicy' ? row.value : null;
}

export async function slaPolicy(db: SwitchboardDb): Promise<SlaPolicy> {
  return policyFrom(await slaPolicySettings(db));
}
