/** A helpdesk's requests-a-minute limit, for the fakes: a sliding minute on the fake's clock. */
export interface Metered {
  /** The request may go (it is counted); else the seconds until a slot frees. */
  ok: boolean;
  /** Requests in the last minute, this one included. */
  used: number;
  retryAfterS: number;
}

export function minuteMeter(limit: number, now: () => number = Date.now): { take(): Metered; peak: () => number } {
  const recent: number[] = [];
  let peak = 0;
  return {
    take() {
      const at = now();
      while (recent.length && recent[0]! <= at - 60_000) recent.shift();
      if (recent.length >= limit) return { ok: false, used: recent.length, retryAfterS: Math.max(1, Math.ceil((recent[0]! + 60_000 - at) / 1000)) };
      recent.push(at);
      peak = Math.max(peak, recent.length);
      return { ok: true, used: recent.length, retryAfterS: 0 };
    },
    peak: () => peak,
  };
}
