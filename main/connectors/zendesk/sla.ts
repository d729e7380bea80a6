/**
 * Zendesk's own SLA policies (`GET /api/v2/slas/policies`), applied as Zendesk applies them: the first
 * policy by position whose filter matches the ticket; its metrics become Switchboard targets and the
 * clocks run in shared/sla. Conditions this client cannot evaluate make a policy not match (logged once),
 * rather than guessing. Business-hours metrics use office hours in this computer's time zone (Zendesk's
 * schedules are not read yet).
 */
import { alwaysOpen, officeHours } from '../../../shared/sla/calendar';
import { slaClocks, type SlaPolicy, type TargetClock, type TargetKind, type Targets } from '../../../shared/sla/policy';
import type { Message, Priority, TicketStatus } from '../../../shared/domain';
import { log } from '../../log';

interface ZdCondition {
  field: string;
  operator: string;
  value: string | number | null;
}

export interface ZdSlaPolicy {
  id: number;
  title: string;
  position: number;
  filter: { all?: ZdCondition[]; any?: ZdCondition[] };
  policy_metrics: Array<{ priority: string; metric: string; target: number; business_hours: boolean }>;
}

/** The facts of a ticket a policy filter looks at. */
export interface SlaFacts {
  priority: Priority;
  tags: readonly string[];
  organizationId: number | null;
  groupId: number | null;
}

const metricKinds: Record<string, TargetKind> = {
  first_reply_time: 'firstResponse',
  next_reply_time: 'nextResponse',
  // Both measure the way to a solution; Switchboard has one resolution clock.
  requester_wait_time: 'resolution',
  agent_work_time: 'resolution',
};

const unknownFields = new Set<string>();

function holds(condition: ZdCondition, facts: SlaFacts): boolean | null {
  const value = condition.value === null ? '' : String(condition.value);
  const is = (actual: string) => (condition.operator === 'is' ? actual === value : condition.operator === 'is_not' ? actual !== value : null);
  switch (condition.field) {
    case 'priority':
      return is(facts.priority);
    case 'organization_id':
      return is(facts.organizationId === null ? '' : String(facts.organizationId));
    case 'group_id':
      return is(facts.groupId === null ? '' : String(facts.groupId));
    case 'tags':
    case 'current_tags': {
      const wanted = value.split(/\s+/).filter(Boolean);
      if (condition.operator === 'includes') return wanted.some((t) => facts.tags.includes(t));
      if (condition.operator === 'not_includes') return !wanted.some((t) => facts.tags.includes(t));
      return null;
    }
    default:
      return null;
  }
}

export function policyMatches(policy: ZdSlaPolicy, facts: SlaFacts): boolean {
  const check = (c: ZdCondition) => {
    const result = holds(c, facts);
    if (result === null && !unknownFields.has(`${c.field}/${c.operator}`)) {
      unknownFields.add(`${c.field}/${c.operator}`);
      log.info(`zendesk: SLA condition ${c.field} ${c.operator} is not evaluated here; policies using it are not applied`);
    }
    return result === true;
  };
  const all = policy.filter.all ?? [];
  const any = policy.filter.any ?? [];
  return all.every(check) && (any.length === 0 || any.some(check));
}

/** A Zendesk policy as a Switchboard policy (targets in minutes per priority and kind). */
export function toSlaPolicy(zd: ZdSlaPolicy, timeZone: string): SlaPolicy {
  const targets: Partial<Record<TargetKind, Targets>> = {};
  let businessHours = false;
  for (const metric of zd.policy_metrics) {
    const kind = metricKinds[metric.metric];
    const priority = (['low', 'normal', 'high', 'urgent'] as const).find((p) => p === metric.priority);
    if (!kind || !priority) continue;
    const current = targets[kind]?.[priority];
    targets[kind] = { ...targets[kind], [priority]: current === undefined ? metric.target : Math.min(current, metric.target) };
    businessHours ||= metric.business_hours;
  }
  return {
    id: `zendesk:${zd.id}`,
    name: zd.title,
    calendar: businessHours ? officeHours(timeZone) : alwaysOpen,
    targets,
    // Zendesk pauses requester wait time on hold, agent work time on pending and hold.
    pausedStatuses: ['pending', 'on-hold'],
    atRiskLeadMinutes: 30,
  };
}

/** The clocks of the first matching policy; undefined when no policy applies. */
export function zendeskClocks(
  policies: readonly ZdSlaPolicy[],
  facts: SlaFacts,
  ticket: { createdAt: number; status: TicketStatus; updatedAt: number; vip: boolean },
  messages: readonly Message[],
  now: number,
  timeZone: string,
): TargetClock[] | undefined {
  const zd = [...policies].sort((a, b) => a.position - b.position).find((p) => policyMatches(p, facts));
  if (!zd) return undefined;
  const policy = toSlaPolicy(zd, timeZone);
  // Without the ticket's audit trail, its current status is taken as held since the last update.
  const statuses = ticket.status === 'new' || ticket.status === 'open' ? [{ status: ticket.status, at: ticket.createdAt }] : [{ status: 'open' as const, at: ticket.createdAt }, { status: ticket.status, at: ticket.updatedAt }];
  return slaClocks(
    policy,
    {
      priority: facts.priority,
      vip: ticket.vip,
      createdAt: ticket.createdAt,
      statuses,
      messages: messages.filter((m) => !m.internal).map((m) => ({ from: m.direction === 'out' ? 'agent' : 'customer', at: m.createdAt })),
    },
    now,
  );
}
