/**
 * A corrupt or half-written cache row (a crash mid-write by an older version, a disk error, a hand edit)
 * is found after start and set aside rather than trusted: moved to `quarantine` with the reason. Nothing
 * it stood for is lost: an email conversation is made again at once from its messages (which the cache
 * holds), anything else is pulled again from its source. The app starts either way; the agent is told
 * which conversations it was. Loaded as its own chunk after the inbox shows (it carries the schemas).
 */
import { Customer, Ticket } from '../../shared/domain';
import { Mutation } from '../../shared/mutation';
import { rebuiltTicket } from '../sync/mail-ticket';
import { rederive } from '../sync/merge';
import type { SwitchboardDb } from './schema';
import { threadOf } from './thread';

export interface QuarantineReport {
  /** Rows set aside. */
  moved: number;
  /** What they stood for, in the agent's words: conversation subjects, customer addresses, queued changes. */
  names: string[];
}

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

const text = (value: unknown, max = 80) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);

/** What a set-aside row stood for, as far as it can still be read. */
function nameOf(table: string, row: Record<string, unknown>, key: string): string {
  if (table === 'customers') return text(row.email) ?? text(row.name) ?? key;
  if (table === 'outbox') return `a queued change (${text((row.mutation as { op?: { type?: unknown } } | undefined)?.op?.type, 40) ?? 'unreadable'})`;
  return text(row.subject) ?? key;
}

/**
 * An email conversation made again from its cached messages; false when the cache holds none (then its
 * source has to send it again).
 */
async function rebuildFromMessages(db: SwitchboardDb, ticketId: string, accountId: string): Promise<boolean> {
  return db.transaction('rw', [db.tickets, db.messages, db.customers, db.outbox, db.prefs, db.syncState], async () => {
    const messages = await threadOf(db, ticketId).toArray();
    if (messages.length === 0 || !messages.every((m) => m.email)) return false;
    const key = `${accountId}#ticket-number`;
    let next = Number((await db.syncState.get(key))?.cursor ?? '0');
    const ticket = rebuiltTicket(accountId, ticketId, messages, () => ++next);
    await db.syncState.put({ key, accountId, cursor: String(next), lastSyncAt: null, error: null });
    await rederive(db, ticket);
    return true;
  });
}

/** Moves every row that fails its schema to `quarantine`, and restores what it stood for. */
export async function quarantineCorrupt(db: SwitchboardDb, now = Date.now()): Promise<QuarantineReport> {
  const tables: [keyof SwitchboardDb & ('tickets' | 'customers' | 'outbox'), Check][] = [
    ['tickets', schemaCheck(Ticket)],
    ['customers', schemaCheck(Customer)],
    ['outbox', outboxCheck],
  ];
  let moved = 0;
  const accounts = new Set<string>();
  const names: string[] = [];
  const tickets: { id: string; accountId: string }[] = [];
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
        const row = (b.row ?? {}) as Record<string, unknown>;
        names.push(nameOf(name, row, String(b.key)));
        const accountId = typeof row.accountId === 'string' ? row.accountId : null;
        if (name === 'tickets' && accountId && typeof b.key === 'string') tickets.push({ id: b.key, accountId });
        else if (name === 'customers') for (const t of await db.tickets.where('customerId').equals(String(b.key)).toArray()) tickets.push(t);
        else if (accountId && name !== 'outbox') accounts.add(accountId);
      }
      moved += bad.length;
    }
  }
  // Email conversations (and their customers) are made again from their messages; what cannot be, the
  // source fills: those accounts are pulled again from the start.
  for (const { id, accountId } of tickets) if (!(await rebuildFromMessages(db, id, accountId))) accounts.add(accountId);
  // Only the pull cursor: the ticket-number sequence (`…#ticket-number`) must never go back.
  for (const accountId of accounts) await db.syncState.delete(accountId);
  return { moved, names };
}
