/** Which team of each account is which support line (Settings → Support lines); the demo comes mapped. */
import { DEMO_LINES, type LineMap } from '../../shared/support-lines';
import type { SwitchboardDb } from './schema';

/** Per account id: its lines as set in Settings, else the demo's own, else none. */
export async function lineMaps(db: SwitchboardDb): Promise<Record<string, LineMap>> {
  const [row, accounts] = await Promise.all([db.prefs.get('supportLines'), db.accounts.toArray()]);
  const saved = row?.key === 'supportLines' ? row.value : {};
  return Object.fromEntries(accounts.map((a) => [a.id, saved[a.id] ?? (a.demo ? DEMO_LINES : {})]));
}

export async function setLineMap(db: SwitchboardDb, accountId: string, lines: LineMap): Promise<void> {
  await db.transaction('rw', db.prefs, db.accounts, async () => {
    const row = await db.prefs.get('supportLines');
    const saved = row?.key === 'supportLines' ? row.value : {};
    await db.prefs.put({ key: 'supportLines', value: { ...saved, [accountId]: lines } });
  });
}
