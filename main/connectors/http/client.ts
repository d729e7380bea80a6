/**
 * A helpdesk's JSON REST API over fetch: its auth header, ETags, and errors in the agent's words — a
 * refused token means "sign in again", 429 carries Retry-After, 5xx and network failures are
 * "unavailable, retry later". Used by the Request Tracker and Zendesk connectors.
 */
import type { TestResult } from '../../../shared/connector';
import { AppError } from '../../../shared/contract';

export interface JsonResponse<T> {
  status: number;
  etag: string | null;
  /** The `link` header (Freshdesk's next page). */
  link: string | null;
  body: T;
}

/** The server asked us to wait (429 or 503 with Retry-After). */
export class RetryLater extends Error {
  constructor(
    readonly ms: number,
    source: string,
  ) {
    super(`${source} asks us to wait ${Math.ceil(ms / 1000)} s`);
  }
}

export interface JsonClientOptions {
  /** The API's root, ending in '/'. */
  base: string;
  /** The source's name in messages: "Request Tracker", "Zendesk". */
  source: string;
  /** The Authorization header, or null when no secret is known. */
  authorization: () => string | null;
}

const TIMEOUT_MS = 30_000;

export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 30_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : 30_000;
}

export class JsonClient {
  constructor(private readonly options: JsonClientOptions) {}

  /** One call; `expect` lists the statuses that are answers rather than errors (412, 409: a conflict). */
  async request<T>(method: string, path: string, options: { body?: unknown; ifMatch?: string; expect?: number[] } = {}): Promise<JsonResponse<T>> {
    const { base, source } = this.options;
    const authorization = this.options.authorization();
    if (!authorization) throw new AppError('needs_sign_in', `${source} needs a token: enter it in Settings.`);
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'cannot be reached';
      throw new AppError('unavailable', `${source} at ${new URL(base).host} ${reason}; Switchboard keeps trying.`);
    }
    const expected = (options.expect ?? []).includes(response.status);
    if ((response.status === 401 || response.status === 403) && !expected) {
      throw new AppError('needs_sign_in', `${source} refused the token (expired or revoked): enter a new one in Settings.`);
    }
    if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
      throw new RetryLater(retryAfterMs(response.headers.get('retry-after')), source);
    }
    const ok = response.ok || expected;
    const text = await response.text();
    if (!ok) {
      if (response.status >= 500) throw new AppError('unavailable', `${source} had an internal error (${response.status}); Switchboard retries.`);
      throw new AppError('invalid_request', `${source} refused the change (${response.status}): ${messageOf(text)}`);
    }
    let body: T;
    try {
      body = (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new AppError('unavailable', `${source} answered something that is not JSON (${response.status}).`);
    }
    return { status: response.status, etag: response.headers.get('etag'), link: response.headers.get('link'), body };
  }
}

function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: string; description?: string } | string[];
    if (Array.isArray(parsed)) return parsed.join('; ');
    return parsed.message ?? parsed.description ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** A failed connection test in the agent's words: a refused token, or no answer. */
export function testFailure(error: unknown): TestResult {
  if (error instanceof AppError) return { ok: false, problem: error.code === 'needs_sign_in' ? 'auth' : 'connect', message: error.message };
  if (error instanceof RetryLater) return { ok: false, problem: 'connect', message: `${error.message}.` };
  throw error;
}

/** A pull that was told to wait: the account shows the source's words, and the sync tries again later. */
export function pullFailure(error: unknown): never {
  if (error instanceof RetryLater) throw new AppError('unavailable', `${error.message}.`, error.ms);
  throw error;
}
