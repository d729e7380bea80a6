/** Macros kept in the cache (real IndexedDB): edits over the defaults, and the file a team shares. */
import { describe, expect, it } from 'vitest';
import { allMacros, deleteMacro, exportMacros, importMacros, resetMacros, saveMacro } from '../../../renderer/db/macros';
import { defaultMacros } from '../../../shared/macros';
import { freshDb } from '../fixtures';

describe('macros in the cache', () => {
  it('an exported file imports into another workspace as it was; a file that does not match is refused whole', async () => {
    const db = await freshDb();
    await saveMacro(db, { id: 'own:close', name: 'Close quietly', key: 'c', actions: [{ type: 'setStatus', status: 'closed' }] });
    await deleteMacro(db, defaultMacros[0]!);
    const file = await exportMacros(db);

    const other = await freshDb();
    expect(await importMacros(other, file)).toEqual({ imported: defaultMacros.length });
    expect((await allMacros(other)).map((m) => m.id).sort()).toEqual((await allMacros(db)).map((m) => m.id).concat(defaultMacros[0]!.id).sort());

    const before = await allMacros(other);
    const broken = JSON.stringify({ format: 'switchboard-macros', version: 1, macros: [{ id: 'x', name: 'ok', actions: [{ type: 'setStatus', status: 'solved' }] }, { id: 'y', name: 'bad', actions: [{ type: 'wipe' }] }] });
    expect(await importMacros(other, broken)).toEqual({ problem: expect.stringContaining('macros.1.actions.0') });
    expect(await importMacros(other, 'not json')).toEqual({ problem: 'The file is not JSON.' });
    expect(await allMacros(other)).toEqual(before); // nothing half-imported
  });

  it('a removed default comes back with reset; the agent’s own stay', async () => {
    const db = await freshDb();
    await saveMacro(db, { id: 'own:a', name: 'Mine', actions: [{ type: 'note', text: 'checked' }] });
    await deleteMacro(db, defaultMacros[1]!);
    expect((await allMacros(db)).some((m) => m.id === defaultMacros[1]!.id)).toBe(false);
    await resetMacros(db);
    const ids = (await allMacros(db)).map((m) => m.id);
    expect(ids).toContain(defaultMacros[1]!.id);
    expect(ids).toContain('own:a');
  });
});
