/**
 * A real OAuth2 / OpenID Connect server on 127.0.0.1 for the tests: panva's `oidc-provider` (certified,
 * maintained), with its own login and consent pages (the development interactions: any login with any
 * password signs in as that login), token introspection for the mail servers, and revocation. Clients:
 * `switchboard` (a native app: PKCE, loopback redirect on any port, no secret) and `mail-server` (the
 * test Dovecot and SMTP server, which introspect tokens with a secret).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { freePort } from './ports';

export interface Oidc {
  issuer: string;
  clientId: string;
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl: string;
  /** For Dovecot's oauth2 passdb: the introspection URL with the mail server's credentials in it. */
  introspectionUrlWithCredentials: string;
  /** Who a token belongs to (`sub`), or null when it is not active: what a mail server checks. */
  introspect(token: string): Promise<string | null>;
  /** Every sign-in (grant) ends at the server, as when a user or admin revokes the app's access. */
  revokeAll(): Promise<number>;
  /** How many access tokens were issued by a refresh. */
  refreshes: number;
  /** Every token and code the server handed out, to look for in logs and files. */
  issued: Set<string>;
  /** The lifetime of access tokens issued from now on. */
  setAccessTokenSeconds(seconds: number): void;
  stop(): Promise<void>;
}

const MAIL_SERVER = { id: 'mail-server', secret: 'mail-server-secret' };

export async function startOidc(options: { accessTokenSeconds?: number } = {}): Promise<Oidc> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const grants = new Set<string>();
  let accessTokenSeconds = options.accessTokenSeconds ?? 3600;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'switchboard',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://127.0.0.1/callback'],
      },
      { client_id: MAIL_SERVER.id, client_secret: MAIL_SERVER.secret, grant_types: [], response_types: [], redirect_uris: [] },
    ],
    features: { introspection: { enabled: true }, revocation: { enabled: true }, devInteractions: { enabled: true } },
    scopes: ['openid', 'email', 'offline_access'],
    claims: { openid: ['sub'], email: ['email'] },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, email: sub }) }),
    ttl: { AccessToken: () => accessTokenSeconds, AuthorizationCode: 60, RefreshToken: 86_400, Grant: 86_400, Session: 86_400, Interaction: 3600, IdToken: 3600 },
    cookies: { keys: ['switchboard-test-cookie-key'] },
    pkce: { required: () => true },
  } as never);
  let refreshes = 0;
  provider.on('grant.saved', (grant: { jti: string }) => void grants.add(grant.jti));
  // Opaque tokens and codes are their ids.
  const issued = new Set<string>();
  const keep = (token: { jti: string }) => void issued.add(token.jti);
  provider.on('access_token.saved', keep);
  provider.on('refresh_token.saved', keep);
  provider.on('authorization_code.saved', keep);
  provider.on('grant.success', (ctx: { oidc: { params?: { grant_type?: string } } }) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') refreshes++;
  });
  provider.on('server_error', (_ctx: unknown, error: Error) => console.error('oidc-provider:', error.message));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = (path: string) => `${issuer}${path}`;
  const oidc: Oidc = {
    issuer,
    clientId: 'switchboard',
    authorizationUrl: url('/auth'),
    tokenUrl: url('/token'),
    revocationUrl: url('/token/revocation'),
    introspectionUrlWithCredentials: `http://${MAIL_SERVER.id}:${MAIL_SERVER.secret}@127.0.0.1:${(server.address() as AddressInfo).port}/token/introspection`,
    async introspect(token) {
      const response = await fetch(url('/token/introspection'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${MAIL_SERVER.id}:${MAIL_SERVER.secret}`).toString('base64')}` },
        body: new URLSearchParams({ token }),
      });
      const json = (await response.json()) as { active?: boolean; sub?: string };
      return json.active && json.sub ? json.sub : null;
    },
    async revokeAll() {
      const Grant = (provider as unknown as { Grant: { find(id: string): Promise<{ destroy(): Promise<void> } | undefined> } }).Grant;
      let revoked = 0;
      for (const id of grants) {
        const grant = await Grant.find(id);
        if (grant) {
          await grant.destroy();
          revoked++;
        }
      }
      grants.clear();
      return revoked;
    },
    issued,
    get refreshes() {
      return refreshes;
    },
    setAccessTokenSeconds(seconds) {
      accessTokenSeconds = seconds;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return oidc;
}
