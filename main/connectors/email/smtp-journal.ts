/**
 * Where a reply's SMTP conversation got to, kept on disk so a crash of the whole app cannot blur it: a
 * line is written the moment the server says "354, go ahead" for a Message-ID — before the message itself
 * goes out. After a crash, a Sent copy still marked "sending" whose Message-ID has no line never reached
 * DATA and is sent; one with a line may have been delivered and is not sent again.
 *
 * The line is in the file (the page cache: a killed app keeps it) before the message goes; the sync to the
 * disk (against a power cut) runs beside the sending rather than before it, so the moment in which a crash
 * leaves a message marked but never finished — the one way a reply could be lost — stays as short as the
 * message takes to write, not as long as a disk takes to sync.
 */
import { appendFileSync, close, existsSync, fsync, open, readFileSync, writeFileSync } from 'node:fs';

const KEEP = 2000;

export interface SmtpJournal {
  reachedData(messageId: string): boolean;
  markData(messageId: string): void;
}

export function fileJournal(file: string): SmtpJournal {
  const lines = (): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  return {
    reachedData: (messageId) => lines().includes(messageId),
    markData(messageId) {
      const known = lines();
      if (known.length >= KEEP) writeFileSync(file, `${known.slice(-KEEP / 2).join('\n')}\n`, { mode: 0o600 });
      appendFileSync(file, `${messageId}\n`, { mode: 0o600 });
      open(file, 'r+', (error, fd) => {
        if (!error) fsync(fd, () => close(fd, () => undefined));
      });
    },
  };
}

/** For tests and probes: the journal in memory. */
export function memoryJournal(): SmtpJournal {
  const seen = new Set<string>();
  return { reachedData: (id) => seen.has(id), markData: (id) => void seen.add(id) };
}
