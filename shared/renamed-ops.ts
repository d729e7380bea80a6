/**
 * A change saved before "group" was renamed "team" (schema 13): `setGroup` read as `setTeam`. Older
 * outbox rows are rewritten when the cache upgrades; the demo's journal on disk is read through this.
 */
export function withCurrentNames(op: unknown): unknown {
  if (typeof op !== 'object' || op === null || (op as { type?: unknown }).type !== 'setGroup') return op;
  const { group, ...rest } = op as { group?: unknown };
  return { ...rest, type: 'setTeam', team: group };
}
