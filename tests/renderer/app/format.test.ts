/** Dates and sizes in the agent's language: the formatters are kept per language, so switching the UI
 * language switches every row at once. */
import { describe, expect, it } from 'vitest';
import { dateTime, fileSize, relativeTime } from '../../../renderer/app/format';

const HOUR = 3_600_000;

describe('formatting in the UI language', () => {
  it('says how long ago or how soon, in English and in Russian, one after the other', () => {
    const now = Date.UTC(2026, 11, 7, 12);
    expect(relativeTime(now - 3 * HOUR, now, 'en')).toBe('3 hours ago');
    expect(relativeTime(now - 3 * HOUR, now, 'ru')).toBe('3 часа назад');
    expect(relativeTime(now + 2 * 24 * HOUR, now, 'en')).toBe('in 2 days');
    expect(relativeTime(now + 30_000, now, 'ru')).toBe('в эту минуту');
  });

  it('writes dates and sizes each language its own way', () => {
    const at = Date.UTC(2026, 11, 7, 12);
    expect(dateTime(at, 'en')).not.toBe(dateTime(at, 'ru'));
    expect(dateTime(at, 'ru')).toMatch(/2026/);
    expect(fileSize(1536, 'en')).toBe('1.5 KB');
    expect(fileSize(1536, 'ru')).toBe('1,5 KB');
  });
});
