/**
 * The one logger of main. It takes short messages only: never a payload, a message body or a secret.
 * Callers pass method names, ids and error codes.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
let threshold: Level = (process.env.SWITCHBOARD_LOG as Level | undefined) ?? 'info';

function write(level: Level, message: string): void {
  if (order[level] < order[threshold]) return;
  process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}\n`);
}

export const log = {
  debug: (m: string) => write('debug', m),
  info: (m: string) => write('info', m),
  warn: (m: string) => write('warn', m),
  error: (m: string) => write('error', m),
  setLevel(level: Level) {
    threshold = level;
  },
};
