/**
 * Request Tracker's REST2 over fetch: token auth, JSON, ETags, and errors in the agent's words —
 * a refused token means "sign in again", 429 carries Retry-After, 5xx and network failures are
 * "unavailable, retry later".
 */
import { AppError } from '../../../shared/contract';

export interface RtResponse<T> {
  status: number;
  etag: string | null;
  body: T;
}

/** The server asked us to wait (429 or 503 with Retry-After). */
export class RetryLater extends Error {
  constructor(readonly ms: number) {
    super(`Request Tracker asks us to wait ${Math.ceil(ms / 1000)} s`);
  }
}

const TIMEOUT_MS = 30_000;

export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 30_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : 30_000;
}

export class RtClient {
  private readonly base: string;

  constructor(
    url: string,
    private readonly token: () => string | null,
  ) {
    this.base = `${url.replace(/\/+$/, '')}/REST/2.0/`;
  }

  /** One REST2 call; `expect` lists the statuses that are answers rather than errors (412: a conflict). */
  async request<T>(method: string, path: string, options: { body?: unknown; ifMatch?: string; expect?: number[] } = {}): Promise<RtResponse<T>> {
    const token = this.token();
    if (!token) throw new AppError('needs_sign_in', 'Request Tracker needs a token: enter it in Settings.');
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: {
          Authorization: `token ${token}`,
          Accept: 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'cannot be reached';
      throw new AppError('unavailable', `Request Tracker at ${new URL(this.base).host} ${reason}; Switchboard keeps trying.`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new AppError('needs_sign_in', 'Request Tracker refused the token (expired or revoked): enter a new one in Settings.');
    }
    if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
      throw new RetryLater(retryAfterMs(response.headers.get('retry-after')));
    }
    const ok = response.ok || (options.expect ?? []).includes(response.status);
    const text = await response.text();
    if (!ok) {
      if (response.status >= 500) throw new AppError('unavailable', `Request Tracker had an internal error (${response.status}); Switchboard retries.`);
      throw new AppError('invalid_request', `Request Tracker refused the change (${response.status}): ${messageOf(text)}`);
    }
    let body: T;
    try {
      body = (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new AppError('unavailable', `Request Tracker answered something that is not JSON (${response.status}).`);
    }
    return { status: response.status, etag: response.headers.get('etag'), body };
  }
}

function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: string } | string[];
    if (Array.isArray(parsed)) return parsed.join('; ');
    return parsed.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
