/** Dates and times in the UI language, with the platform's Intl (no date library needed for this). */
const MIN = 60_000;

export function relativeTime(at: number, now: number, lang: string): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < MIN) return rtf.format(0, 'minute');
  if (abs < 60 * MIN) return rtf.format(Math.round(diff / MIN), 'minute');
  if (abs < 24 * 60 * MIN) return rtf.format(Math.round(diff / (60 * MIN)), 'hour');
  return rtf.format(Math.round(diff / (24 * 60 * MIN)), 'day');
}

export function dateTime(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function fileSize(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** Minutes after midnight as "HH:MM" (for <input type="time">), and back. */
export const clockTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
export const minutesOf = (time: string) => Number(time.split(':')[0] ?? 0) * 60 + Number(time.split(':')[1] ?? 0);
