/**
 * An OAuth2 account's tokens: refreshed a minute before expiry, one refresh at a time (a rotating
 * provider revokes a sign-in whose old refresh token is used twice), the rotated refresh token kept, a
 * refused token refreshed once, and a refused refresh token turned into "sign in again".
 */
import { describe, expect, it } from 'vitest';
import { endpointsOf } from '../../../../main/services/oauth/providers';
import { OAuthCredentials } from '../../../../main/services/oauth/tokens';
import { memoryVault } from '../../../../main/services/vault';

const endpoints = endpointsOf({ type: 'oauth2', provider: 'custom', clientId: 'app', authorizationUrl: 'https://id.example.test/auth', tokenUrl: 'https://id.example.test/token' });

/** A provider that rotates refresh tokens and refuses an old one (as Microsoft and oidc-provider do). */
function rotatingProvider() {
  let current = 'rt-0';
  let n = 0;
  const calls: string[] = [];
  const fetchImpl = (async (_url: string, init: { body: URLSearchParams }) => {
    const used = new URLSearchParams(init.body).get('refresh_token')!;
    calls.push(used);
    await new Promise((r) => setTimeout(r, 5));
    if (used !== current) return new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' }), { status: 400 });
    n++;
    current = `rt-${n}`;
    return new Response(JSON.stringify({ access_token: `at-${n}`, refresh_token: current, expires_in: 3600 }), { status: 200 });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl, revoke: () => (current = 'revoked') };
}

describe('OAuth2 credentials', () => {
  it('ten callers at once cause one refresh; the rotated refresh token is in the vault', async () => {
    const provider = rotatingProvider();
    const vault = memoryVault();
    vault.set('a', 'rt-0');
    const credentials = new OAuthCredentials(endpoints, 'a', vault, undefined, provider.fetchImpl);
    const logins = await Promise.all(Array.from({ length: 10 }, () => credentials.current()));
    expect(new Set(logins.map((l) => JSON.stringify(l)))).toEqual(new Set([JSON.stringify({ accessToken: 'at-1' })]));
    expect(provider.calls).toEqual(['rt-0']);
    expect(vault.get('a')).toBe('rt-1');
  });

  it('a token good for more than a minute is used as is; one nearer its end is refreshed first', async () => {
    const provider = rotatingProvider();
    const vault = memoryVault();
    const credentials = new OAuthCredentials(endpoints, 'a', vault, undefined, provider.fetchImpl);
    credentials.adopt({ accessToken: 'fresh', refreshToken: 'rt-0', expiresAt: Date.now() + 120_000 });
    expect(await credentials.current()).toEqual({ accessToken: 'fresh' });
    credentials.adopt({ accessToken: 'ending', refreshToken: 'rt-0', expiresAt: Date.now() + 30_000 });
    expect(await credentials.current()).toEqual({ accessToken: 'at-1' });
  });

  it('a refused token: one more try with a new one, not an endless loop', async () => {
    const provider = rotatingProvider();
    const vault = memoryVault();
    const credentials = new OAuthCredentials(endpoints, 'a', vault, undefined, provider.fetchImpl);
    credentials.adopt({ accessToken: 'stale', refreshToken: 'rt-0', expiresAt: Date.now() + 3_600_000 });
    expect(await credentials.refused({ accessToken: 'stale' })).toBe(true);
    expect(await credentials.current()).toEqual({ accessToken: 'at-1' });
    expect(await credentials.refused({ pass: 'x' })).toBe(false);
  });

  it('a revoked sign-in: "needs sign-in" once, the problem told, and cleared by a new sign-in', async () => {
    const provider = rotatingProvider();
    const vault = memoryVault();
    vault.set('a', 'rt-0');
    let told = 0;
    const credentials = new OAuthCredentials(endpoints, 'a', vault, () => told++, provider.fetchImpl);
    provider.revoke();
    await expect(credentials.current()).rejects.toMatchObject({ code: 'needs_sign_in', message: expect.stringContaining('expired or was revoked') });
    expect(credentials.problem).toMatch(/Sign in again/);
    expect(told).toBe(1);
    credentials.adopt({ accessToken: 'new', refreshToken: 'rt-new', expiresAt: Date.now() + 3_600_000 });
    expect(credentials.problem).toBeNull();
    expect(told).toBe(2);
    expect(vault.get('a')).toBe('rt-new');
  });

  it('the tokens as they are after a rotation: what an account added after a connection test keeps', async () => {
    const provider = rotatingProvider();
    const credentials = new OAuthCredentials(endpoints, 'probe', memoryVault(), undefined, provider.fetchImpl);
    credentials.adopt({ accessToken: 'short', refreshToken: 'rt-0', expiresAt: Date.now() + 10_000 }); // under a minute left
    await credentials.current();
    expect(credentials.snapshot()).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1' });
  });

  it('nothing stored: no login, and not a refresh attempt', async () => {
    const provider = rotatingProvider();
    const credentials = new OAuthCredentials(endpoints, 'a', memoryVault(), undefined, provider.fetchImpl);
    expect(credentials.stored()).toBe(false);
    expect(await credentials.current()).toBeNull();
    expect(provider.calls).toEqual([]);
  });
});
