import { describe, expect, it } from 'vitest';
import { AppError, type Emit } from '../../../shared/contract';
import { Connectivity } from '../../../main/services/connectivity';

describe('reachability per account, from the outcome of each call', () => {
  it('an unreachable source is announced once, with the reason; an answer of any kind makes it reachable again', async () => {
    const events: unknown[] = [];
    const emit: Emit = (event, payload) => events.push([event, payload]);
    const reach = new Connectivity(emit);
    const down = () => Promise.reject(new AppError('unavailable', 'Request Tracker at rt.example cannot be reached; Switchboard keeps trying.'));
    await expect(reach.track('rt', down)).rejects.toThrow();
    await expect(reach.track('rt', down)).rejects.toThrow();
    expect(events).toEqual([['connectivityChanged', { accountId: 'rt', reachable: false, message: expect.stringMatching(/cannot be reached/) }]]);
    expect(reach.all().rt).toMatchObject({ reachable: false });
    // A refused token is an answer: the server is there.
    await expect(reach.track('rt', () => Promise.reject(new AppError('needs_sign_in', 'refused')))).rejects.toThrow();
    expect(events.at(-1)).toEqual(['connectivityChanged', { accountId: 'rt', reachable: true }]);
    expect(await reach.track('rt', async () => 42)).toBe(42);
    expect(events).toHaveLength(2);
  });
});
