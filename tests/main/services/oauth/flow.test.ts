/**
 * The native-app sign-in (RFC 8252 + PKCE) as the browser and the provider see it: the authorization
 * address it builds, a redirect with another `state` turned away, the code exchanged with its verifier,
 * and a provider that gives no refresh token or refuses, in plain words.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSignIn } from '../../../../main/services/oauth/flow';
import { endpointsOf } from '../../../../main/services/oauth/providers';

const endpoints = endpointsOf({ type: 'oauth2', provider: 'custom', clientId: 'app', authorizationUrl: 'https://id.example.test/auth', tokenUrl: 'https://id.example.test/token' });

/** A token endpoint that answers `answer` and keeps what it was sent. */
function tokenEndpoint(answer: { status?: number; json: Record<string, unknown> }) {
  const sent: URLSearchParams[] = [];
  const fetchImpl = (async (_url: string, init: { body: URLSearchParams }) => {
    sent.push(new URLSearchParams(init.body));
    return new Response(JSON.stringify(answer.json), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { sent, fetchImpl };
}

describe('signing in as a native app', () => {
  it('asks with PKCE (S256), a loopback redirect and the provider’s scopes; a forged redirect is turned away; the code is exchanged with the verifier', async () => {
    const provider = tokenEndpoint({ json: { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600 } });
    const flow = await startSignIn(endpoints, { loginHint: 'agent@example.test', fetch: provider.fetchImpl, timeoutMs: 10_000 });
    const url = new URL(flow.url);
    const p = url.searchParams;
    expect(url.origin + url.pathname).toBe('https://id.example.test/auth');
    expect(Object.fromEntries(['response_type', 'client_id', 'scope', 'code_challenge_method', 'login_hint', 'prompt'].map((k) => [k, p.get(k)]))).toEqual({
      response_type: 'code', client_id: 'app', scope: 'openid email offline_access', code_challenge_method: 'S256', login_hint: 'agent@example.test', prompt: 'consent',
    });
    const redirect = new URL(p.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.pathname).toBe('/callback');

    const forged = await fetch(`${redirect}?code=evil&state=not-the-one`);
    expect(forged.status).toBe(400);
    const real = await fetch(`${redirect}?code=the-code&state=${p.get('state')}`);
    expect(await real.text()).toContain('Signed in');
    expect(await flow.tokens).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1' });
    expect(provider.sent).toHaveLength(1);
    const exchange = provider.sent[0]!;
    expect(exchange.get('code')).toBe('the-code');
    expect(exchange.get('redirect_uri')).toBe(redirect.toString());
    expect(createHash('sha256').update(exchange.get('code_verifier')!).digest('base64url')).toBe(p.get('code_challenge'));
    // The one-shot server is gone.
    await expect(fetch(`${redirect}?code=again&state=${p.get('state')}`)).rejects.toThrow();
  });

  it('a provider that signs in but gives no refresh token: said plainly, nothing kept', async () => {
    const provider = tokenEndpoint({ json: { access_token: 'at-1', expires_in: 3600 } });
    const flow = await startSignIn(endpoints, { fetch: provider.fetchImpl });
    const p = new URL(flow.url).searchParams;
    await fetch(`${p.get('redirect_uri')}?code=c&state=${p.get('state')}`);
    await expect(flow.tokens).rejects.toMatchObject({ code: 'needs_sign_in', message: expect.stringContaining('gave no refresh token') });
  });

  it('the agent declines at the provider: the provider’s reason comes back', async () => {
    const flow = await startSignIn(endpoints, { fetch: tokenEndpoint({ json: {} }).fetchImpl });
    const p = new URL(flow.url).searchParams;
    await fetch(`${p.get('redirect_uri')}?error=access_denied&error_description=The+user+declined&state=${p.get('state')}`);
    await expect(flow.tokens).rejects.toMatchObject({ message: expect.stringContaining('access_denied: The user declined') });
  });

  it('no answer within the time: the sign-in ends and says to start again', async () => {
    const flow = await startSignIn(endpoints, { timeoutMs: 50 });
    await expect(flow.tokens).rejects.toMatchObject({ code: 'needs_sign_in', message: expect.stringContaining('Start it again') });
  });

  it('Google asks for offline access; Microsoft’s tenant goes into its endpoints', () => {
    expect(endpointsOf({ type: 'oauth2', provider: 'google', clientId: 'g' })).toMatchObject({ scopes: ['https://mail.google.com/'], extra: { access_type: 'offline', prompt: 'consent' } });
    expect(endpointsOf({ type: 'oauth2', provider: 'microsoft', clientId: 'm', tenant: 'contoso.com' }).tokenUrl).toBe('https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token');
  });
});
