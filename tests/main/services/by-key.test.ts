/** One push per change at a time in main: a repeat of a change waits for the push still under way. */
import { describe, expect, it } from 'vitest';
import { oneAtATimePerKey } from '../../../main/services/by-key';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('one at a time per key', () => {
  it('starts a repeat only once the first has ended, even when the first fails; other keys go side by side', async () => {
    const run = oneAtATimePerKey();
    const log: string[] = [];
    let endFirst!: () => void;
    const first = run('change-1', () => new Promise<string>((_, reject) => {
      log.push('first started');
      endFirst = () => {
        log.push('first ended');
        reject(new Error('the window went away'));
      };
    }));
    first.catch(() => undefined);
    const repeat = run('change-1', async () => {
      log.push('repeat started');
      return 'sent once';
    });
    const other = run('change-2', async () => {
      log.push('other started');
      return 'other';
    });
    await tick();
    expect(log).toEqual(['first started', 'other started']);
    await expect(other).resolves.toBe('other');
    endFirst();
    await expect(first).rejects.toThrow('the window went away');
    await expect(repeat).resolves.toBe('sent once');
    expect(log).toEqual(['first started', 'other started', 'first ended', 'repeat started']);
  });

  it('forgets a key once its work is done: a later call starts at once', async () => {
    const run = oneAtATimePerKey();
    await run('change-1', async () => 1);
    const started: number[] = [];
    await Promise.all([run('change-1', async () => started.push(1)), run('change-3', async () => started.push(3))]);
    expect(started.sort()).toEqual([1, 3]);
  });
});
