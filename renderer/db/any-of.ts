/**
 * Rows whose index value is any of `keys`, one getAll per key in parallel. Dexie's `anyOf` walks a cursor
 * that jumps from key to key — measured here at 20,000 tickets, 440 ms for 200 keys against 68 ms this way.
 */
import type { IndexableType, Table } from 'dexie';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any key type and insert type of the table
export async function anyOfKeys<T extends { id: string }>(table: Table<T, any, any>, index: string, keys: readonly IndexableType[]): Promise<T[]> {
  const parts = await Promise.all([...new Set(keys)].map((key) => table.where(index).equals(key).toArray()));
  const byId = new Map<string, T>();
  for (const row of parts.flat()) byId.set(row.id, row);
  return [...byId.values()];
}
