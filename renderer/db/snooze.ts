/**
 * Snooze: the agent puts a ticket away until a time; it leaves the views, waits under "Snoozed", and comes
 * back by itself with a notification. Personal and local — helpdesks have no snooze to sync it to.
 */
import Dexie from 'dexie';
import { DateTime } from 'luxon';
import type { SwitchboardDb } from './schema';

/** `reminder`: "remind me if no answer" — it also ends when the customer writes (endAnsweredReminders). */
export async function snooze(db: SwitchboardDb, ticketId: string, until: number, now = Date.now(), options: { reminder?: boolean } = {}): Promise<void> {
  if (!(until > now)) throw new Error('A snooze ends in the future');
  await db.snoozes.put({ ticketId, until, at: now, ...(options.reminder ? { reminder: true } : {}) });
}

/** Reminders whose customer answered since: ended, the ticket back in the views. Returns their tickets. */
export async function endAnsweredReminders(db: SwitchboardDb): Promise<string[]> {
  const ended: string[] = [];
  for (const row of await db.snoozes.filter((r) => r.reminder === true).toArray()) {
    const answer = await db.messages
      .where('[ticketId+createdAt]')
      .between([row.ticketId, row.at + 1], [row.ticketId, Dexie.maxKey])
      .filter((m) => m.direction === 'in' && !m.internal)
      .first();
    if (!answer) continue;
    await db.snoozes.where({ ticketId: row.ticketId }).and((r) => r.at === row.at).delete();
    ended.push(row.ticketId);
  }
  return ended;
}

export async function unsnooze(db: SwitchboardDb, ticketId: string): Promise<void> {
  await db.snoozes.delete(ticketId);
}

/** Tickets snoozed now, with the time each comes back. */
export async function activeSnoozes(db: SwitchboardDb, now: number): Promise<Map<string, number>> {
  const rows = await db.snoozes.where('until').above(now).toArray();
  return new Map(rows.map((r) => [r.ticketId, r.until]));
}

export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

/** In an hour; tomorrow at 9:00; next Monday at 9:00 — in the agent's time zone. */
export function snoozeUntil(choice: SnoozeChoice, now: number, timeZone: string): number {
  const local = DateTime.fromMillis(now, { zone: timeZone });
  if (choice === 'hour') return local.plus({ hours: 1 }).toMillis();
  if (choice === 'tomorrow') return local.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toMillis();
  return local.plus({ weeks: 1 }).set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 }).toMillis();
}
