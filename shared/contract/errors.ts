/** Typed errors that cross the process boundary as `{ code, message }` and that the UI can show. */
export const errorCodes = [
  'invalid_request', // the params failed the schema; the message names the field
  'unknown_method',
  'forbidden', // the caller is not the app's own frame, or the token is wrong
  'not_found',
  'unavailable', // the source cannot be reached now; retry later
  'needs_sign_in', // the source refused the password or token: the agent must enter it again
  'unsupported', // not in this mode (a desktop setting asked of browser mode)
  'interrupted', // the connection to main broke while the call was under way (main stopped or restarted)
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** The source asked us to wait this long before trying again (HTTP 429 Retry-After). */
  retryAfterMs?: number;
}

export class AppError extends Error implements AppErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What every call returns over either transport: errors travel as data, not as thrown exceptions. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (errorCodes as readonly unknown[]).includes(v.code);
}
