/**
 * The SLA policy used where a source brings none (email) until one is set in Settings: office hours
 * Monday to Friday, 9 to 6 in the agent's time zone, targets by priority as common support desks set them.
 */
import { officeHours } from './calendar';
import type { SlaPolicy } from './policy';

export function defaultPolicy(timeZone: string): SlaPolicy {
  return {
    id: 'default',
    name: 'Default',
    calendar: officeHours(timeZone),
    targets: {
      firstResponse: { urgent: 60, high: 4 * 60, normal: 8 * 60, low: 24 * 60 },
      nextResponse: { urgent: 2 * 60, high: 8 * 60, normal: 16 * 60, low: 40 * 60 },
      resolution: { urgent: 8 * 60, high: 24 * 60, normal: 72 * 60, low: 160 * 60 },
    },
    vipTargets: { firstResponse: { urgent: 30, high: 2 * 60, normal: 4 * 60, low: 8 * 60 } },
    pausedStatuses: ['pending', 'on-hold'],
    atRiskLeadMinutes: 30,
  };
}
