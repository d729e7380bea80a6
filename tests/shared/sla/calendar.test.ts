import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, alwaysOpen, businessTimeBetween, officeHours, workingIntervals, type BusinessCalendar } from '../../../shared/sla/calendar';

const H = 3_600_000;
const zones = ['UTC', 'Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

/** Random calendars: a zone, 1–2 working spans on 1–7 weekdays (some through midnight), some holidays. */
const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 20 * 60 }),
    length: fc.integer({ min: 30, max: 12 * 60 }),
    split: fc.boolean(),
    holidays: fc.array(fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }), { maxLength: 10 }),
  })
  .map(({ timeZone, days, start, length, split, holidays }) => {
    const end = Math.min(1440, start + length);
    const hours: [number, number][] = split && end - start > 60 ? [[start, start + 30], [start + 60, end]] : [[start, end]];
    return {
      timeZone,
      week: Object.fromEntries(days.map((d) => [d, hours])),
      holidays: holidays.map((d) => d.toISOString().slice(0, 10)),
    } as BusinessCalendar;
  });
// Instants over four years, DST changes included.
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) });
// Up to 80 h of working time: with a sparse calendar (half an hour a week) that already spans years.
const duration = fc.integer({ min: 0, max: 80 * H });

// Each property walks many calendar days with time-zone maths: give them room on a busy CI machine.
describe('business calendar (property-based)', { timeout: 60_000 }, () => {
  it('measuring what was added gives back the same duration', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, from, ms) => {
        expect(businessTimeBetween(cal, from, addBusinessTime(cal, from, ms))).toBe(ms);
      }),
      { numRuns: 100 },
    );
  });

  it('adding more never ends earlier, and the end of real work lies inside working hours', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (cal, from, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const end = addBusinessTime(cal, from, long);
        expect(addBusinessTime(cal, from, short)).toBeLessThanOrEqual(end);
        if (long > 0) {
          const inside = [...takeWhile(workingIntervals(cal, from), ([s]) => s < end)].some(([s, e]) => s < end && end <= e);
          expect(inside).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('business time is additive over a split point (pause and resume lose nothing)', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 30 * 24 * H }), fc.integer({ min: 0, max: 30 * 24 * H }), (cal, from, x, y) => {
        const mid = from + x;
        const to = mid + y;
        expect(businessTimeBetween(cal, from, mid) + businessTimeBetween(cal, mid, to)).toBe(businessTimeBetween(cal, from, to));
      }),
      { numRuns: 100 },
    );
  });

  it('a holiday holds no working time', () => {
    fc.assert(
      fc.property(calendar, fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }), (cal, date) => {
        const day = date.toISOString().slice(0, 10);
        const start = DateTime.fromISO(day, { zone: cal.timeZone });
        const withHoliday = { ...cal, holidays: [...cal.holidays, day] };
        expect(businessTimeBetween(withHoliday, start.toMillis(), start.plus({ days: 1 }).toMillis())).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('around the clock in UTC, business time is plain time', () => {
    fc.assert(
      fc.property(instant, duration, (from, ms) => {
        expect(addBusinessTime(alwaysOpen, from, ms)).toBe(from + ms);
      }),
    );
  });
});

function* takeWhile<T>(items: Iterable<T>, keep: (t: T) => boolean): Generator<T> {
  for (const item of items) {
    if (!keep(item)) return;
    yield item;
  }
}

describe('business calendar (the cases agents meet)', () => {
  const moscow = officeHours('Europe/Moscow', 9 * 60, 18 * 60, ['2027-01-01', '2027-01-07']);

  it('two hours from Friday 17:00 is Monday 10:00, over the weekend', () => {
    expect(addBusinessTime(moscow, at('2026-11-20T17:00', 'Europe/Moscow'), 2 * H)).toBe(at('2026-11-23T10:00', 'Europe/Moscow'));
  });

  it('mail that arrives at night starts the clock at 09:00', () => {
    expect(addBusinessTime(moscow, at('2026-11-24T02:30', 'Europe/Moscow'), H)).toBe(at('2026-11-24T10:00', 'Europe/Moscow'));
  });

  it('holidays are skipped: New Year to Christmas in Russia', () => {
    expect(addBusinessTime(moscow, at('2026-12-31T17:00', 'Europe/Moscow'), 2 * H)).toBe(at('2027-01-04T10:00', 'Europe/Moscow'));
  });

  it('the spring DST change in Berlin: the night from Saturday to Sunday is 23 hours long', () => {
    const berlin: BusinessCalendar = { ...alwaysOpen, timeZone: 'Europe/Berlin' };
    expect(businessTimeBetween(berlin, at('2026-03-29T00:00', 'Europe/Berlin'), at('2026-03-30T00:00', 'Europe/Berlin'))).toBe(23 * H);
    const nine = officeHours('Europe/Berlin');
    expect(addBusinessTime(nine, at('2026-03-27T17:00', 'Europe/Berlin'), 2 * H)).toBe(at('2026-03-30T10:00', 'Europe/Berlin'));
  });

  it('the autumn DST change in New York keeps office hours at 9 to 6 local time', () => {
    const ny = officeHours('America/New_York');
    expect(addBusinessTime(ny, at('2026-10-30T17:30', 'America/New_York'), H)).toBe(at('2026-11-02T09:30', 'America/New_York'));
  });

  it('a calendar with no working hours says so instead of looping', () => {
    expect(() => addBusinessTime({ timeZone: 'UTC', week: {}, holidays: [] }, 0, H)).toThrow(/no working hours/);
    expect(() => addBusinessTime({ timeZone: 'Mars/Olympus', week: {}, holidays: [] }, 0, H)).toThrow(/Unknown time zone/);
  });
});

describe('working time', () => {
  it('is inside the hours and not outside them, on working days only', async () => {
    const { isWorkingTime } = await import('../../../shared/sla/calendar');
    const cal = officeHours('Europe/Moscow');
    expect(isWorkingTime(cal, at('2026-11-23T09:00', 'Europe/Moscow'))).toBe(true);
    expect(isWorkingTime(cal, at('2026-11-23T17:59', 'Europe/Moscow'))).toBe(true);
    expect(isWorkingTime(cal, at('2026-11-23T18:00', 'Europe/Moscow'))).toBe(false);
    expect(isWorkingTime(cal, at('2026-11-22T12:00', 'Europe/Moscow'))).toBe(false); // Sunday
  });
});
