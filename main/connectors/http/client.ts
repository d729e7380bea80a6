/**
 * A helpdesk's JSON REST API over fetch: its auth header, ETags, and errors in the agent's words — a
 * refused token means "sign in again", 429 carries Retry-After, 5xx and network failures are
 * "unavailable, retry later". Used by every helpdesk connector.
 */
import type { TestResult } from '../../../shared/connector';
import { AppError } from '../../../shared/contract';
import { budgetOf, Pacer } from './pacer';

export interface JsonResponse<T> {
  status: number;
  etag: string | null;
  /** The `link` header (Freshdesk's next page). */
  link: string | null;
  body: T;
}

/** The server asked us to wait (429 or 503 with Retry-After), or the pacer has no slot soon (`paced`). */
export class RetryLater extends Error {
  constructor(
    readonly ms: number,
    source: string,
    paced = false,
  ) {
    super(paced ? `Switchboard paces its calls to ${source} (a share of its rate limit); the next in ${Math.ceil(ms / 1000)} s` : `${source} asks us to wait ${Math.ceil(ms / 1000)} s`);
  }
}

/** A call waits this long for the pacer at most (a call from the page must answer within 30 s); beyond, it says when to try again. */
const MAX_PACED_WAIT_MS = 20_000;

export interface JsonClientOptions {
  /** The API's root, ending in '/'. */
  base: string;
  /** The source's name in messages: "Request Tracker", "Zendesk". */
  source: string;
  /** The Authorization header, or null when no secret is known. */
  authorization: () => string | null;
  /** Keeps the calls within a share of the source's rate limit (pacer.ts); none: unpaced. */
  pacer?: Pacer;
  /** The pacer's bucket for a path (an endpoint with a limit of its own); 'default' when absent. */
  bucketOf?: (path: string) => string;
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

  /** How long a call to `path` would wait for the pacer now (0: it would go at once). */
  waitFor(path: string): number {
    const bucket = this.options.bucketOf?.(path) ?? 'default';
    const pacer = this.options.pacer;
    return pacer ? Math.max(pacer.delay(bucket), pacer.delay('default')) : 0;
  }

  /** One call; `expect` lists the statuses that are answers rather than errors (412, 409: a conflict). */
  /**
   * `body` goes as JSON; `upload` as it is — a file's bytes with their type, or a multipart form (which
   * names its own boundary) — for the APIs that take files so.
   */
  async request<T>(method: string, path: string, options: { body?: unknown; upload?: { data: Blob; type: string } | FormData; ifMatch?: string; expect?: number[] } = {}): Promise<JsonResponse<T>> {
    const { upload } = options;
    const type = upload instanceof FormData ? null : upload ? upload.type : options.body === undefined ? null : 'application/json';
    const response = await this.call(method, this.options.base + path, true, options.expect ?? [], {
      Accept: 'application/json',
      ...(type ? { 'Content-Type': type } : {}),
      ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}),
    }, upload instanceof FormData ? upload : upload ? upload.data : options.body === undefined ? undefined : JSON.stringify(options.body));
    const text = await response.text();
    let body: T;
    try {
      body = (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new AppError('unavailable', `${this.options.source} answered something that is not JSON (${response.status}).`);
    }
    return { status: response.status, etag: response.headers.get('etag'), link: response.headers.get('link'), body };
  }

  /**
   * A file's bytes (an attachment). `url` is absolute; the API's Authorization goes only to the API's own
   * host — a storage link elsewhere (Freshdesk's signed S3 URLs) carries its own token.
   */
  async bytes(url: string): Promise<{ data: Uint8Array; type: string | null }> {
    const sameHost = new URL(url).origin === new URL(this.options.base).origin;
    const response = await this.call('GET', url, sameHost, [], {});
    return { data: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type') };
  }

  /** The request, with every failure in the agent's words; the response is OK or one of `expect`. */
  private async call(method: string, url: string, auth: boolean, expect: number[], headers: Record<string, string>, body?: string | Blob | FormData): Promise<Response> {
    const { base, source, pacer } = this.options;
    const authorization = auth ? this.options.authorization() : null;
    if (auth && !authorization) throw new AppError('needs_sign_in', `${source} needs a token: enter it in Settings.`);
    // Only calls to the API itself count against its budget (a storage host's download does not).
    const bucket = auth ? (this.options.bucketOf?.(url.startsWith(base) ? url.slice(base.length) : url) ?? 'default') : null;
    if (pacer && bucket) {
      const wait = Math.max(pacer.delay(bucket), pacer.delay('default'));
      if (wait > MAX_PACED_WAIT_MS) throw new RetryLater(wait, source, !pacer.held(bucket) && !pacer.held('default'));
      await pacer.slot(bucket);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { ...(authorization ? { Authorization: authorization } : {}), ...headers },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'cannot be reached';
      throw new AppError('unavailable', `${source} at ${new URL(base).host} ${reason}; Switchboard keeps trying.`);
    }
    if (pacer && bucket) pacer.report('default', budgetOf(response.headers));
    const expected = expect.includes(response.status);
    if ((response.status === 401 || response.status === 403) && !expected) {
      throw new AppError('needs_sign_in', `${source} refused the token (expired or revoked): enter a new one in Settings.`);
    }
    if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
      const wait = retryAfterMs(response.headers.get('retry-after') ?? response.headers.get('x-ratelimit-retry-after'));
      if (pacer && bucket) pacer.backOff(bucket, wait);
      throw new RetryLater(wait, source);
    }
    if (!response.ok && !expected) {
      const text = await response.text();
      if (response.status >= 500) throw new AppError('unavailable', `${source} had an internal error (${response.status}); Switchboard retries.`);
      if (response.status === 404) throw new AppError('not_found', `${source} has no such item any more (404): ${messageOf(text)}`);
      throw new AppError('invalid_request', `${source} refused the change (${response.status}): ${messageOf(text)}`);
    }
    return response;
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
