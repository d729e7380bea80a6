/**
 * A corrupt or half-written cache row (a crash mid-write by an older version, a disk error, a hand edit)
 * is found after start and set aside rather than trusted: moved to `quarantine` with the reason, and its
 * account pulled again from the start so the source fills the gap. The app starts either way; the agent
 * is told how many were set aside. Loaded as its own chunk after the inbox shows (it carries the schemas).
 */
import { Customer, Ticket } from '../../shared/domain';
import { Mutation } from '../../shared/mutation';
import type { SwitchboardDb } from './schema';

const CHUNK = 500;
const states = new Set(['pending', 'sending', 'failed', 'conflict']);

type Check = (row: unknown) => string | null;
const schemaCheck = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }): Check => (row) => {
  const result = schema.safeParse(row);
  if (result.success) return null;
  const issue = result.error!.issues[0]!;
  return `${issue.path.join('.') || 'row'}: ${issue.message}`;
};
const outboxCheck: Check = (row) => {
  const r = row as { state?: unknown; ticketId?: unknown; mutation?: unknown };
  if (typeof r.ticketId !== 'string' || !states.has(String(r.state))) return 'not an outbox row';
  return schemaCheck(Mutation)(r.mutation);
};

/** Moves every row that fails its schema to `quarantine`. Returns how many were set aside. */
export async function quarantineCorrupt(db: SwitchboardDb, now = Date.now()): Promise<number> {
  const tables: [keyof SwitchboardDb & ('tickets' | 'customers' | 'outbox'), Check][] = [
    ['tickets', schemaCheck(Ticket)],
    ['customers', schemaCheck(Customer)],
    ['outbox', outboxCheck],
  ];
  let moved = 0;
  const accounts = new Set<string>();
  for (const [name, check] of tables) {
    const table = db.table(name);
    const keyPath = table.schema.primKey.keyPath as string;
    let last: unknown = null;
    for (let round = 0; round < 100_000; round++) {
      const page: Record<string, unknown>[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(CHUNK).toArray();
      if (page.length === 0) break;
      last = page[page.length - 1]![keyPath];
      const bad = page.flatMap((row) => {
        const reason = check(row);
        return reason ? [{ key: row[keyPath] as string | number, row, reason }] : [];
      });
      if (bad.length === 0) continue;
      await db.transaction('rw', [table, db.quarantine], async () => {
        await db.quarantine.bulkAdd(bad.map((b) => ({ table: name, key: String(b.key), row: b.row, reason: b.reason, at: now })));
        await table.bulkDelete(bad.map((b) => b.key));
      });
      for (const b of bad) {
        const accountId = (b.row as { accountId?: unknown })?.accountId;
        if (typeof accountId === 'string') accounts.add(accountId);
      }
      moved += bad.length;
    }
  }
  // The source fills the gap: those accounts are pulled again from the start.
  for (const accountId of accounts) await db.syncState.where('accountId').equals(accountId).delete();
  return moved;
}
