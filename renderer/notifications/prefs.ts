/** Which kinds of notification the agent wants, and when they work (kept in this browser profile). */
import { noticeKinds, type NoticeKind, type NoticePrefs } from '../../shared/notify';
import { isWorkingTime, officeHours } from '../../shared/sla/calendar';
import { agentTimeZone } from '../sync/sla-policy';

const KEY = 'switchboard.notifications';

export function enabledKinds(): Record<NoticeKind, boolean> {
  const all = Object.fromEntries(noticeKinds.map((k) => [k, true])) as Record<NoticeKind, boolean>;
  try {
    return { ...all, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<NoticeKind, boolean>>) };
  } catch {
    return all;
  }
}

export function setKind(kind: NoticeKind, on: boolean): void {
  localStorage.setItem(KEY, JSON.stringify({ ...enabledKinds(), [kind]: on }));
}

const HOURS_KEY = 'switchboard.quietHours';

/** The agent's working hours (Monday to Friday, minutes after midnight), or null: notify at any time. */
export function workingHours(): { from: number; to: number } | null {
  try {
    const saved = JSON.parse(localStorage.getItem(HOURS_KEY) ?? 'null') as { from: number; to: number } | null;
    return saved && saved.from < saved.to ? saved : null;
  } catch {
    return null;
  }
}

export function setWorkingHours(hours: { from: number; to: number } | null): void {
  if (hours) localStorage.setItem(HOURS_KEY, JSON.stringify(hours));
  else localStorage.removeItem(HOURS_KEY);
}

export function noticePrefs(): NoticePrefs {
  const hours = workingHours();
  const calendar = hours ? officeHours(agentTimeZone(), hours.from, hours.to) : null;
  return { enabled: enabledKinds(), working: (now) => !calendar || isWorkingTime(calendar, now) };
}
