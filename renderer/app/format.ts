/** Dates and times in the UI language, with the platform's Intl (no date library needed for this). */
const MIN = 60_000;

/** Intl formatters cost far more to make than to use (every inbox row formats two times per render): one
 * of each kind per language, made at first use. */
const made = new Map<string, unknown>();
function formatter<T>(kind: string, lang: string, make: () => T): T {
  const key = `${kind} ${lang}`;
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

export function relativeTime(at: number, now: number, lang: string): string {
  const rtf = formatter('relative', lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < MIN) return rtf.format(0, 'minute');
  if (abs < 60 * MIN) return rtf.format(Math.round(diff / MIN), 'minute');
  if (abs < 24 * 60 * MIN) return rtf.format(Math.round(diff / (60 * MIN)), 'hour');
  return rtf.format(Math.round(diff / (24 * 60 * MIN)), 'day');
}

export function dateTime(at: number, lang: string): string {
  return formatter('dateTime', lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(at);
}

export function fileSize(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatter('size', lang, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })).format(value)} ${units[unit]}`;
}

/** Minutes after midnight as "HH:MM" (for <input type="time">), and back. */
export const clockTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
export const minutesOf = (time: string) => Number(time.split(':')[0] ?? 0) * 60 + Number(time.split(':')[1] ?? 0);
