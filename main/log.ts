/**
 * The one logger of main. It takes short messages only: never a payload, a message body or a secret.
 * Callers pass method names, ids and error codes. Lines go to stderr and, once `logToFile` is called,
 * to `switchboard.log` in the platform's log folder, rotated at 1 MB with three old files kept.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
let threshold: Level = (process.env.SWITCHBOARD_LOG as Level | undefined) ?? 'info';
let file: string | null = null;
let maxBytes = 1024 * 1024;
const KEEP = 3;

function rotate(path: string): void {
  for (let i = KEEP - 1; i >= 1; i--) if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
  renameSync(path, `${path}.1`);
}

function write(level: Level, message: string, toConsole = true): void {
  if (order[level] < order[threshold]) return;
  const line = `${new Date().toISOString()} ${level.padEnd(5)} ${message}\n`;
  if (toConsole) process.stderr.write(line);
  if (!file) return;
  try {
    if (existsSync(file) && statSync(file).size + line.length > maxBytes) rotate(file);
    appendFileSync(file, line, { mode: 0o600 });
  } catch {
    // a full disk must not take the app down with it
  }
}

export const log = {
  debug: (m: string) => write('debug', m),
  info: (m: string) => write('info', m),
  warn: (m: string) => write('warn', m),
  error: (m: string) => write('error', m),
  /** Worth keeping, not worth a line in the terminal (where browser mode promises one line): the log file only. */
  note: (m: string) => write('info', m, false),
  setLevel(level: Level) {
    threshold = level;
  },
};

/** Also write the log to `dir/switchboard.log` (rotating at `limit` bytes). */
export function logToFile(dir: string, limit = 1024 * 1024): string {
  mkdirSync(dir, { recursive: true });
  file = join(dir, 'switchboard.log');
  maxBytes = limit;
  return file;
}

/** The last lines of the log file, for diagnostics (the log holds no secrets and no message text). */
export function recentLog(lines = 200): string[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
}
