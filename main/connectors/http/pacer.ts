/**
 * Pacing a helpdesk's API so Switchboard uses at most a share of the account's rate limit (half by
 * default): the agent's colleagues using the helpdesk's own web app, and its other integrations, share
 * that limit and must not be throttled because one desktop is syncing. The limit is learned from the
 * answers' headers (Zendesk `X-Rate-Limit` / `ratelimit-limit`, Freshdesk `X-RateLimit-Total`, Help Scout
 * `X-RateLimit-Limit-Minute`); until one is seen, a conservative default applies. Requests are spread
 * evenly over a sliding minute (no burst that leaves the rest of it empty); when the remaining budget the source reports falls below what the others should keep,
 * the pacer waits for the window to pass. Endpoints with a limit of their own (Zendesk's incremental
 * exports: 10 a minute) have a bucket of their own.
 *
 * The clock is injectable, so tests run a helpdesk's minutes in milliseconds.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const WINDOW_MS = 60_000;

export interface Bucket {
  /** Requests a minute the source allows for this bucket (learned from headers, or the default). */
  limit: number;
}

export interface PacerOptions {
  clock?: Clock;
  /** The share of each limit Switchboard may use: 0.5 by default. */
  share?: number;
  /** Per-minute limits before any header says otherwise, by bucket name ('default' for the account). */
  limits?: Record<string, number>;
}

/** What a response says about the budget: the bucket's limit, what remains, and when the window resets. */
export interface BudgetReport {
  limit?: number;
  remaining?: number;
  resetMs?: number;
}

/** The budget headers of the helpdesks Switchboard talks to. */
export function budgetOf(headers: Headers): BudgetReport {
  const num = (...names: string[]) => {
    for (const name of names) {
      const value = Number(headers.get(name) ?? NaN);
      if (Number.isFinite(value)) return value;
    }
    return undefined;
  };
  const limit = num('x-rate-limit', 'ratelimit-limit', 'x-ratelimit-total', 'x-ratelimit-limit-minute');
  const remaining = num('x-rate-limit-remaining', 'ratelimit-remaining', 'x-ratelimit-remaining', 'x-ratelimit-remaining-minute');
  const reset = num('ratelimit-reset', 'x-ratelimit-reset');
  return { ...(limit !== undefined ? { limit } : {}), ...(remaining !== undefined ? { remaining } : {}), ...(reset !== undefined ? { resetMs: reset * 1000 } : {}) };
}

export class Pacer {
  readonly clock: Clock;
  private readonly share: number;
  private readonly limits = new Map<string, number>();
  /** When each request of the last minute started, by bucket. */
  private readonly sent = new Map<string, number[]>();
  /** No request in the bucket before this time (the source reported its budget nearly spent). */
  private readonly holdUntil = new Map<string, number>();

  constructor(options: PacerOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.share = options.share ?? 0.5;
    for (const [bucket, limit] of Object.entries(options.limits ?? {})) this.limits.set(bucket, limit);
  }

  private allowed(bucket: string): number {
    return Math.max(1, Math.floor((this.limits.get(bucket) ?? this.limits.get('default') ?? 100) * this.share));
  }

  /** How long the next request in `bucket` must wait from now (0: it may go). */
  delay(bucket: string): number {
    const now = this.clock.now();
    const recent = (this.sent.get(bucket) ?? []).filter((t) => t > now - WINDOW_MS);
    this.sent.set(bucket, recent);
    const allowed = this.allowed(bucket);
    const held = Math.max(0, (this.holdUntil.get(bucket) ?? 0) - now);
    const full = recent.length >= allowed ? recent[recent.length - allowed]! + WINDOW_MS - now : 0;
    // Spread over the minute rather than spent in a burst that leaves the rest of it empty.
    const spaced = recent.length ? recent[recent.length - 1]! + WINDOW_MS / allowed - now : 0;
    return Math.max(held, full, spaced, 0);
  }

  /** Waits for a slot in `bucket` (and the account's), then takes it. */
  async slot(bucket: string): Promise<void> {
    const buckets = bucket === 'default' ? ['default'] : [bucket, 'default'];
    for (let i = 0; i < 1000; i++) {
      const wait = Math.max(...buckets.map((b) => this.delay(b)));
      if (wait <= 0) break;
      await this.clock.sleep(wait);
    }
    const now = this.clock.now();
    for (const b of buckets) this.sent.set(b, [...(this.sent.get(b) ?? []), now]);
  }

  /** Learns from an answer: the bucket's limit, and whether others have spent what they should keep. */
  report(bucket: string, budget: BudgetReport): void {
    if (budget.limit !== undefined && budget.limit > 0) this.limits.set(bucket, budget.limit);
    const limit = this.limits.get(bucket);
    if (budget.remaining !== undefined && limit !== undefined && budget.remaining < limit * (1 - this.share)) {
      // The rest of this window is the others' share: wait for the next one.
      this.holdUntil.set(bucket, this.clock.now() + (budget.resetMs ?? WINDOW_MS));
    }
  }

  /** Whether the source itself asked for the wait (a 429, or its budget nearly spent), not our own pacing. */
  held(bucket: string): boolean {
    return (this.holdUntil.get(bucket) ?? 0) > this.clock.now();
  }

  /** After a 429: nothing in the bucket before the source's Retry-After has passed. */
  backOff(bucket: string, ms: number): void {
    this.holdUntil.set(bucket, Math.max(this.holdUntil.get(bucket) ?? 0, this.clock.now() + ms));
  }
}
