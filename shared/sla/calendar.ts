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

interface Day {
  /** Working intervals of the day, as instants. */
  hours: [number, number][];
  /** The start of the next day. */
  next: number;
}

/**
 * Days already worked out, by calendar and the instant the day starts: the zone maths is slow (luxon), and
 * SLA clocks walk the same few days for every ticket of a sync. Bounded, since calendars are few.
 */
interface Days {
  byStart: Map<number, Day>;
  /** The start of the day holding each quarter hour (every zone's midnight falls on a quarter hour). */
  startOfQuarter: Map<number, number>;
}
const dayCache = new Map<string, Days>();
const calendarDays = new WeakMap<BusinessCalendar, Days>();
const QUARTER = 15 * 60_000;
const MAX_CACHED_CALENDARS = 16;
const MAX_CACHED_DAYS = 20_000;

function daysOf(calendar: BusinessCalendar): Days {
  let days = calendarDays.get(calendar);
  if (days) return days;
  const key = JSON.stringify(calendar);
  days = dayCache.get(key);
  if (!days) {
    if (dayCache.size >= MAX_CACHED_CALENDARS) dayCache.clear();
    days = { byStart: new Map(), startOfQuarter: new Map() };
    dayCache.set(key, days);
  }
  calendarDays.set(calendar, days);
  return days;
}

/** The day starting at instant `start` (local midnight in the calendar's zone). */
function dayAt(calendar: BusinessCalendar, days: Map<number, Day>, start: number): Day {
  const cached = days.get(start);
  if (cached) return cached;
  const local = DateTime.fromMillis(start, { zone: calendar.timeZone });
  const closed = calendar.holidays.includes(local.toISODate()!);
  const hours = closed ? [] : (calendar.week[local.weekday as 1] ?? []).map(([from, to]): [number, number] => [wallClock(local, from), wallClock(local, to)]);
  const day = { hours, next: local.plus({ days: 1 }).startOf('day').toMillis() };
  if (days.size >= MAX_CACHED_DAYS) days.clear();
  days.set(start, day);
  return day;
}

/** Working intervals [start, end) as instants, in order, from the day containing `from`, clipped to it. */
export function* workingIntervals(calendar: BusinessCalendar, from: number): Generator<[number, number]> {
  const { byStart, startOfQuarter } = daysOf(calendar);
  const quarter = Math.floor(from / QUARTER);
  let start = startOfQuarter.get(quarter);
  if (start === undefined) {
    const first = DateTime.fromMillis(from, { zone: calendar.timeZone }).startOf('day');
    if (!first.isValid) throw new Error(`Unknown time zone "${calendar.timeZone}"`);
    start = first.toMillis();
    if (startOfQuarter.size >= MAX_CACHED_DAYS) startOfQuarter.clear();
    startOfQuarter.set(quarter, start);
  }
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = dayAt(calendar, byStart, start);
    for (const [s0, e] of day.hours) {
      const s = Math.max(s0, from);
      if (e > s) yield [s, e];
    }
    start = day.next;
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
