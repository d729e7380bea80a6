import { describe, expect, it } from 'vitest';
import { budgetOf, Pacer, type Clock } from '../../../../main/connectors/http/pacer';

function clock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('pacing a helpdesk to a share of its rate limit', () => {
  it('spreads calls over the minute at half the limit, learned from the answers’ headers', async () => {
    const time = clock();
    const pacer = new Pacer({ clock: time, limits: { default: 200 } });
    for (let i = 0; i < 10; i++) await pacer.slot('default');
    expect(time.t).toBe(9 * 600); // 100 a minute: 0.6 s apart
    pacer.report('default', budgetOf(new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '690' })));
    const before = time.t;
    await pacer.slot('default');
    expect(time.t - before).toBeLessThanOrEqual(Math.ceil(60_000 / 350));
    // A minute never holds more than half the limit.
    const starts: number[] = [];
    for (let i = 0; i < 800; i++) {
      await pacer.slot('default');
      starts.push(time.t);
    }
    const busiest = Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + 60_000).length));
    expect(busiest).toBeLessThanOrEqual(350);
  });

  it('waits for the next minute when others have spent what they should keep, and after a 429 for Retry-After', async () => {
    const time = clock();
    const pacer = new Pacer({ clock: time, limits: { default: 100 } });
    pacer.report('default', budgetOf(new Headers({ 'ratelimit-limit': '100', 'ratelimit-remaining': '30', 'ratelimit-reset': '42' })));
    expect(pacer.held('default')).toBe(true);
    expect(pacer.delay('default')).toBe(42_000);
    time.t += 42_000;
    expect(pacer.delay('default')).toBe(0);
    pacer.backOff('default', 7_000);
    expect(pacer.delay('default')).toBe(7_000);
  });

  it('an endpoint with a limit of its own is paced by it and by the account’s', async () => {
    const time = clock();
    const pacer = new Pacer({ clock: time, limits: { default: 700, incremental: 10 } });
    await pacer.slot('incremental');
    await pacer.slot('incremental');
    expect(time.t).toBe(12_000); // 5 a minute
    expect(budgetOf(new Headers({ 'X-RateLimit-Limit-Minute': '400', 'X-RateLimit-Remaining-Minute': '399' }))).toEqual({ limit: 400, remaining: 399 });
    expect(budgetOf(new Headers({ 'X-RateLimit-Total': '3000', 'X-RateLimit-Remaining': '2999' }))).toEqual({ limit: 3000, remaining: 2999 });
  });
});
