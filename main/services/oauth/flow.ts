/**
 * Signing in as a native app (RFC 8252): the authorization code flow with PKCE (RFC 7636, S256), the
 * redirect to `http://127.0.0.1:<free port>/callback` on a server that lives for this one sign-in, `state`
 * checked, the code exchanged at the token endpoint. The browser is opened by the caller. Tokens never
 * leave main, and no token or code is logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/contract';
import type { OAuthEndpoints } from './providers';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch). */
  expiresAt: number;
}

export interface SignInFlow {
  /** The address to open in the system browser. */
  url: string;
  /** The tokens once the agent has signed in; rejects on a refusal, a cancel or after `timeoutMs`. */
  tokens: Promise<TokenSet>;
  cancel(): void;
}

const base64url = (b: Buffer) => b.toString('base64url');

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>Switchboard</title><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;
const DONE = page('Signed in — Вход выполнен', 'You can close this tab and return to Switchboard. — Эту вкладку можно закрыть и вернуться в Switchboard.');
const REFUSED = page('Not signed in — Вход не выполнен', 'Return to Switchboard to see why. — Причина показана в Switchboard.');

/** A token endpoint's answer in plain words; `invalid_grant` means the sign-in is over (revoked, expired). */
async function tokenRequest(endpoints: OAuthEndpoints, form: Record<string, string>, fetchImpl: typeof fetch): Promise<Omit<TokenSet, 'refreshToken'> & { refreshToken: string | undefined }> {
  const body = new URLSearchParams({ ...form, client_id: endpoints.clientId, ...(endpoints.clientSecret ? { client_secret: endpoints.clientSecret } : {}) });
  let response: Response;
  try {
    response = await fetchImpl(endpoints.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new AppError('unavailable', `${endpoints.label} could not be reached to sign in (${(error as Error).message}). Check the connection; Switchboard tries again.`);
  }
  const json = (await response.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!response.ok || !json.access_token) {
    const why = [json.error, json.error_description].filter(Boolean).join(': ').slice(0, 300) || `HTTP ${response.status}`;
    if (json.error === 'invalid_grant') throw new AppError('needs_sign_in', `The sign-in with ${endpoints.label} has expired or was revoked (${why}). Sign in again in Settings → Accounts; your queued changes are kept.`);
    if (response.status >= 500 || response.status === 429) throw new AppError('unavailable', `${endpoints.label} did not answer the sign-in (${why}); Switchboard tries again.`);
    throw new AppError('needs_sign_in', `${endpoints.label} refused the sign-in (${why}). Check the app's client id in Settings, then sign in again.`);
  }
  return { accessToken: json.access_token, refreshToken: json.refresh_token, expiresAt: Date.now() + Math.max(30, Number(json.expires_in) || 3600) * 1000 };
}

/** A new access token for a refresh token; the provider may hand out a new refresh token too (rotation). */
export function refreshTokens(endpoints: OAuthEndpoints, refreshToken: string, fetchImpl: typeof fetch = fetch) {
  return tokenRequest(endpoints, { grant_type: 'refresh_token', refresh_token: refreshToken }, fetchImpl);
}

export async function startSignIn(endpoints: OAuthEndpoints, options: { loginHint?: string; timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<SignInFlow> {
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(24));
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  const url = new URL(endpoints.authorizationUrl);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: endpoints.clientId,
    redirect_uri: redirectUri,
    scope: endpoints.scopes.join(' '),
    state,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    ...endpoints.extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);

  let settle: { resolve(t: TokenSet): void; reject(e: Error): void };
  const tokens = new Promise<TokenSet>((resolve, reject) => (settle = { resolve, reject }));
  tokens.catch(() => undefined); // the caller may never wait for it (a cancelled form)
  const timer = setTimeout(() => finish(new AppError('needs_sign_in', `No sign-in came back from ${endpoints.label} within ${Math.round((options.timeoutMs ?? 600_000) / 60_000)} minutes. Start it again.`)), options.timeoutMs ?? 600_000);
  const finish = (outcome: TokenSet | Error) => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections?.();
    if (outcome instanceof Error) settle.reject(outcome);
    else settle.resolve(outcome);
  };

  server.on('request', (req, res) => {
    const answer = (status: number, html: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    const got = new URL(req.url ?? '/', redirectUri);
    // Only the redirect of this sign-in counts: another path, or another state (a forged redirect), is turned away.
    if (req.method !== 'GET' || got.pathname !== '/callback' || got.searchParams.get('state') !== state) return void answer(400, REFUSED);
    const error = got.searchParams.get('error');
    const code = got.searchParams.get('code');
    if (error || !code) {
      answer(200, REFUSED);
      const why = [error, got.searchParams.get('error_description')].filter(Boolean).join(': ').slice(0, 300);
      return void finish(new AppError('needs_sign_in', `${endpoints.label} did not sign you in (${why || 'no code'}).`));
    }
    answer(200, DONE);
    tokenRequest(endpoints, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }, options.fetch ?? fetch).then(
      (set) => finish(set.refreshToken ? { ...set, refreshToken: set.refreshToken } : new AppError('needs_sign_in', `${endpoints.label} signed you in but gave no refresh token, so Switchboard could not stay signed in. Ask IT whether the app may have offline access.`)),
      (e: Error) => finish(e),
    );
  });
  return { url: url.toString(), tokens, cancel: () => finish(new AppError('needs_sign_in', 'The sign-in was cancelled.')) };
}
