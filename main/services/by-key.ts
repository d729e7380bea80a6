/**
 * Work that must not overlap with other work on the same key runs after it: a change pushed again while its
 * first push is still under way in main (the window reloaded mid-send and sent it again) waits for the
 * first, and then finds what the first sent, instead of racing it to the source and sending it twice.
 * Different keys run side by side.
 */
export function oneAtATimePerKey(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const before = running.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    running.set(key, run);
    const forget = () => {
      if (running.get(key) === run) running.delete(key);
    };
    run.then(forget, forget);
    return run;
  };
}
