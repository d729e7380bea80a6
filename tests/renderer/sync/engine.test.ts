import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { retryDelay } from '../../../renderer/sync/engine';

describe('when the sync pulls again after a failure', () => {
  it('waits exactly as long as a rate-limited source asked, however many failures came before', () => {
    expect(retryDelay(new AppError('unavailable', 'Zendesk asks us to wait 40 s.', 40_000), 5)).toBe(40_000);
  });
  it('backs off 2 s, 4 s, 8 s … up to a minute otherwise', () => {
    expect([1, 2, 3, 6, 7, 20].map((n) => retryDelay(new AppError('unavailable', 'down'), n))).toEqual([2_000, 4_000, 8_000, 60_000, 60_000, 60_000]);
  });
  it('does not retry by itself when the agent must sign in again (no retry storm)', () => {
    expect(retryDelay(new AppError('needs_sign_in', 'Zendesk refused the token'), 1)).toBeNull();
  });
});
