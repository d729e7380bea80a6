/**
 * Watching a mailbox for changes, on a connection of its own: IDLE on the first folder (usually INBOX),
 * and every `cycleMs` the others (Sent) by STATUS, so a reply filed there by another client appears
 * without waiting for the next timed pull. Each cycle also proves the connection alive: IDLE is ended
 * and a NOOP must answer within `deadlineMs` (RFC 2177 asks to re-issue IDLE within 29 minutes; a NAT or
 * a server that dropped the connection without a word never answers), else the connection is closed and
 * opened again. A refused password or a server that is down is retried with growing pauses, never a storm.
 */
import type { ImapFlow } from 'imapflow';

export interface WatchOptions {
  /** How often IDLE is ended to check the connection and the other folders. */
  cycleMs: number;
  /** How long a NOOP or STATUS may take before the connection counts as dead. */
  deadlineMs: number;
}

/** With other folders to watch: half a minute; with INBOX alone: well within the 29 minutes of RFC 2177. */
export const defaultWatchOptions = (folders: number): WatchOptions => ({ cycleMs: folders > 1 ? 30_000 : 5 * 60_000, deadlineMs: 20_000 });

class Deadline extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Deadline(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What changes when mail arrives in, or leaves, a folder (and its flags, where the server counts them). */
async function marks(client: ImapFlow, folders: string[]): Promise<string> {
  const condstore = client.capabilities.has('CONDSTORE');
  const parts: string[] = [];
  for (const folder of folders) {
    const status = await client.status(folder, { uidNext: true, messages: true, ...(condstore ? { highestModseq: true } : {}) }).catch(() => false as const);
    parts.push(status ? `${folder}:${status.uidNext}:${status.messages}:${status.highestModseq ?? ''}` : `${folder}:?`);
  }
  return parts.join('|');
}

/**
 * Calls `onChange` when mail arrives, is expunged or changes flags. `open` returns a connected client, or
 * null when there is no password to open one with; `foldersOf` the folders on it, the first one idled on.
 * Returns a function that stops watching.
 */
export function watchFolders(open: () => Promise<ImapFlow> | null, foldersOf: (client: ImapFlow) => Promise<string[]>, onChange: () => void, options: WatchOptions): () => void {
  let stopped = false;
  let client: ImapFlow | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  let debounce: ReturnType<typeof setTimeout> | null = null;
  const notify = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(onChange, 100);
  };
  const run = async () => {
    let retryMs = 1000;
    let watchedBefore = false;
    while (!stopped) {
      const opening = open();
      if (opening) {
        try {
          client = await opening;
          retryMs = 1000;
          for (const event of ['exists', 'expunge', 'flags'] as const) client.on(event, notify);
          const [first = 'INBOX', ...others] = await foldersOf(client);
          await client.mailboxOpen(first, { readOnly: true });
          // Back after a drop: whatever happened meanwhile was not seen, so a pull looks.
          if (watchedBefore) notify();
          watchedBefore = true;
          let seen = await within(marks(client, others), options.deadlineMs);
          while (!stopped && client.usable) {
            // idle() returns when IDLE ends: a change, the server's own timeout, or the NOOP below.
            const idling = client.idle().catch(() => undefined);
            await Promise.race([idling, pause(options.cycleMs)]);
            if (stopped) break;
            await within(client.noop(), options.deadlineMs);
            await idling;
            const now = await within(marks(client, others), options.deadlineMs);
            if (now !== seen) notify();
            seen = now;
          }
        } catch {
          // Reported through pulls; here the connection is dropped and opened again after a pause.
        }
        const dead = client;
        client = null;
        dead?.close();
      }
      if (stopped) break;
      await pause(retryMs);
      retryMs = Math.min(retryMs * 2, 5 * 60_000);
    }
  };
  void run();
  return () => {
    stopped = true;
    if (debounce) clearTimeout(debounce);
    (wake as (() => void) | null)?.();
    void (client as ImapFlow | null)?.logout().catch(() => undefined);
  };
}
