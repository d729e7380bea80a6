/** Time tracking: what the timer adds while a ticket is open, what the agent corrects by hand, what is logged. */
import type { SwitchboardDb, TimeSpentRow } from './schema';

const MINUTE = 60_000;

export async function addTime(db: SwitchboardDb, ticketId: string, ms: number): Promise<void> {
  if (ms <= 0) return;
  await db.transaction('rw', db.timeSpent, async () => {
    const row = await db.timeSpent.get(ticketId);
    await db.timeSpent.put({ ticketId, ms: (row?.ms ?? 0) + ms, loggedMs: row?.loggedMs ?? 0 });
  });
}

/** The agent's correction: the total becomes `minutes` (never below what the source already has). */
export async function setTime(db: SwitchboardDb, ticketId: string, minutes: number): Promise<void> {
  await db.transaction('rw', db.timeSpent, async () => {
    const row = await db.timeSpent.get(ticketId);
    const logged = row?.loggedMs ?? 0;
    await db.timeSpent.put({ ticketId, ms: Math.max(minutes * MINUTE, logged), loggedMs: logged });
  });
}

/** Whole minutes not yet logged at the source; marked logged in the same step the caller queues them. */
export async function takeUnlogged(db: SwitchboardDb, ticketId: string): Promise<number> {
  return db.transaction('rw', db.timeSpent, async () => {
    const row: TimeSpentRow | undefined = await db.timeSpent.get(ticketId);
    if (!row) return 0;
    const minutes = Math.floor((row.ms - row.loggedMs) / MINUTE);
    if (minutes < 1) return 0;
    await db.timeSpent.put({ ...row, loggedMs: row.loggedMs + minutes * MINUTE });
    return minutes;
  });
}
