/** Senders whose remote images and fonts the agent allowed always (Settings keeps them; local, per workspace). */
import type { SwitchboardDb } from './schema';

export async function remoteSenders(db: SwitchboardDb): Promise<string[]> {
  const row = await db.prefs.get('remoteSenders');
  return row?.key === 'remoteSenders' ? row.value : [];
}

export async function trustSender(db: SwitchboardDb, sender: string): Promise<void> {
  await db.transaction('rw', db.prefs, async () => {
    const senders = new Set(await remoteSenders(db));
    senders.add(sender.toLowerCase());
    await db.prefs.put({ key: 'remoteSenders', value: [...senders] });
  });
}
