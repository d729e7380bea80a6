/**
 * Macros: the defaults with the agent's edits, and the agent's own (shared/macros.ts), kept in `prefs`. What
 * is saved or imported is checked against shared/macro-file.ts, loaded then (not at the UI's start).
 */
import { defaultMacros, mergeMacros, type Macro, type MacroFile } from '../../shared/macros';
import type { SwitchboardDb } from './schema';

const schemas = () => import('../../shared/macro-file');

type Saved = Macro & { deleted?: boolean };
const KEY = 'macros' as const;

async function saved(db: SwitchboardDb): Promise<Saved[]> {
  const row = await db.prefs.get(KEY);
  return row?.key === KEY ? row.value : [];
}

export async function allMacros(db: SwitchboardDb): Promise<Macro[]> {
  return mergeMacros(await saved(db));
}

export async function saveMacro(db: SwitchboardDb, macro: Macro): Promise<void> {
  const valid = (await schemas()).Macro.parse(macro);
  await db.transaction('rw', db.prefs, async () => {
    await db.prefs.put({ key: KEY, value: [...(await saved(db)).filter((m) => m.id !== valid.id), valid] });
  });
}

/** A default is hidden (reset brings it back); the agent's own is gone. */
export async function deleteMacro(db: SwitchboardDb, macro: Macro): Promise<void> {
  await db.transaction('rw', db.prefs, async () => {
    const rest = (await saved(db)).filter((m) => m.id !== macro.id);
    await db.prefs.put({ key: KEY, value: defaultMacros.some((d) => d.id === macro.id) ? [...rest, { ...macro, deleted: true }] : rest });
  });
}

export async function resetMacros(db: SwitchboardDb): Promise<void> {
  await db.prefs.put({ key: KEY, value: (await saved(db)).filter((m) => !m.id.startsWith('default:')) });
}

export async function exportMacros(db: SwitchboardDb): Promise<string> {
  const file: MacroFile = { format: 'switchboard-macros', version: 1, macros: await allMacros(db) };
  return JSON.stringify(file, null, 2);
}

/**
 * A team's file: every macro in it is added, or replaces the one with its id. A file that does not match the
 * format is refused whole, with the place at fault — nothing half-imported.
 */
export async function importMacros(db: SwitchboardDb, json: string): Promise<{ imported: number } | { problem: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { problem: 'The file is not JSON.' };
  }
  const file = (await schemas()).MacroFile.safeParse(parsed);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    return { problem: `The file is not a Switchboard macro file at ${issue.path.join('.') || 'its top'}: ${issue.message}` };
  }
  await db.transaction('rw', db.prefs, async () => {
    const ids = new Set(file.data.macros.map((m) => m.id));
    await db.prefs.put({ key: KEY, value: [...(await saved(db)).filter((m) => !ids.has(m.id)), ...file.data.macros] });
  });
  return { imported: file.data.macros.length };
}
