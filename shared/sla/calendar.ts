/**
 * Business-hours calendars: a time zone, working hours per weekday, holidays. Time is added and measured
 * in working time only, across weekends, holidays, midnight and DST changes (luxon does the zone maths).
 */
import { DateTime } from 'luxon';

/** Minutes after local midnight, [start, end) — end may be 1440 (midnight at the end of the day). */
export type Hours = readonly (readonly [number, number])[];

export interface BusinessCalendar {
  timeZone: string;
  /** Working hours by ISO weekday: 1 = Monday … 7 = Sunday. A missing day is closed. */
  week: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Hours>>;
  /** Closed days, "YYYY-MM-DD" in the calendar's zone. */
  holidays: readonly string[];
}

const allDay: Hours = [[0, 1440]];
export const alwaysOpen: BusinessCalendar = { timeZone: 'UTC', week: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay }, holidays: [] };

export function officeHours(timeZone: string, from = 9 * 60, to = 18 * 60, holidays: string[] = []): BusinessCalendar {
  const day: Hours = [[from, to]];
  return { timeZone, week: { 1: day, 2: day, 3: day, 4: day, 5: day }, holidays };
}

/** A bound on days scanned, so a calendar with no working hours cannot loop forever (ten years). */
const MAX_DAYS = 3660;

function wallClock(day: DateTime, minutes: number): number {
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  // A wall time that does not exist (skipped by DST) resolves to the next one that does.
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
}

/** Working intervals [start, end) as instants, in order, from the day containing `from`, clipped to it. */
export function* workingIntervals(calendar: BusinessCalendar, from: number): Generator<[number, number]> {
  const holidays = new Set(calendar.holidays);
  let day = DateTime.fromMillis(from, { zone: calendar.timeZone }).startOf('day');
  if (!day.isValid) throw new Error(`Unknown time zone "${calendar.timeZone}"`);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }).startOf('day')) {
    if (holidays.has(day.toISODate()!)) continue;
    for (const [start, end] of calendar.week[day.weekday as 1] ?? []) {
      const s = Math.max(wallClock(day, start), from);
      const e = wallClock(day, end);
      if (e > s) yield [s, e];
    }
  }
}

/** The instant `ms` of working time after `from`. */
export function addBusinessTime(calendar: BusinessCalendar, from: number, ms: number): number {
  let remaining = ms;
  for (const [start, end] of workingIntervals(calendar, from)) {
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  throw new Error('The calendar has no working hours in the next ten years');
}

/**
 * Working time between two instants (0 when `to` is not after `from`). With `cap`, counting stops once
 * the total reaches it: enough to tell whether a target was reached, without walking months of days.
 */
export function businessTimeBetween(calendar: BusinessCalendar, from: number, to: number, cap = Infinity): number {
  let total = 0;
  if (to <= from) return 0;
  for (const [start, end] of workingIntervals(calendar, from)) {
    if (start >= to || total >= cap) break;
    total += Math.min(end, to) - start;
  }
  return Math.min(total, cap);
}

/** Whether `instant` falls in working hours. */
export function isWorkingTime(calendar: BusinessCalendar, instant: number): boolean {
  const first = workingIntervals(calendar, instant).next();
  return !first.done && first.value[0] === instant;
}
