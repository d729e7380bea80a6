import { describe, expect, it } from 'vitest';
import { addTime, setTime, takeUnlogged } from '../../../renderer/db/time-spent';
import { freshDb } from '../fixtures';

describe('time spent (real IndexedDB)', () => {
  it('adds up, logs whole minutes once, and a correction never goes below what was logged', async () => {
    const db = await freshDb();
    await addTime(db, 'acc:1', 90_000);
    await addTime(db, 'acc:1', 45_000); // 2 min 15 s
    expect(await takeUnlogged(db, 'acc:1')).toBe(2);
    expect(await takeUnlogged(db, 'acc:1')).toBe(0); // the 15 s wait for more
    await addTime(db, 'acc:1', 50_000);
    expect(await takeUnlogged(db, 'acc:1')).toBe(1);
    await setTime(db, 'acc:1', 10);
    expect(await takeUnlogged(db, 'acc:1')).toBe(7);
    await setTime(db, 'acc:1', 1); // below the 10 already logged: stays at 10
    expect(await db.timeSpent.get('acc:1')).toEqual({ ticketId: 'acc:1', ms: 600_000, loggedMs: 600_000 });
  });
});
