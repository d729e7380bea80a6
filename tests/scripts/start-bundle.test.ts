/**
 * The UI's start evaluates only what its first page needs: zod (the contract's schemas, which main checks)
 * stays out of the start's static imports — built and evaluated, its schemas cost Chromium about 100 ms
 * before the first page. The renderer loads it when it first checks something (damaged rows, a macro file).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the UI start bundle', () => {
  it('reaches no schema library through static imports', async () => {
    const result = await build({
      entryPoints: ['renderer/main.tsx'], bundle: true, write: false, metafile: true, format: 'esm', splitting: true, outdir: 'out/start-bundle-check',
      loader: { '.css': 'empty', '.png': 'empty', '.svg': 'empty' }, logLevel: 'silent',
    });
    const inputs = result.metafile.inputs;
    const reached = new Map<string, string>([['renderer/main.tsx', '']]);
    const queue = ['renderer/main.tsx'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const { path, kind } of inputs[file]?.imports ?? []) {
        if (kind !== 'import-statement' || reached.has(path)) continue;
        reached.set(path, file);
        queue.push(path);
      }
    }
    const chain = (file: string): string[] => (file ? [...chain(reached.get(file)!), file] : []);
    const zod = [...reached.keys()].filter((f) => f.includes('node_modules/zod/')).map((f) => chain(f).filter((s) => !s.includes('node_modules')).join(' > '));
    expect(zod[0] ?? 'none', 'imported at start through').toBe('none');
    // The check itself sees imports: the renderer does use zod, later.
    expect(Object.keys(inputs).some((f) => f.includes('node_modules/zod/'))).toBe(true);
  }, 60_000);
});
