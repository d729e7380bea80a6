/**
 * The contract's part for setting up an email account: servers from the address, and signing in with
 * OAuth2 in the system browser. Tokens never cross to the page: a finished sign-in is named by its id.
 */
import { z } from 'zod';
import { ImapAccountSettings, Security } from '../accounts';

const Server = z.object({ host: z.string().max(253), port: z.number().int().min(1).max(65535), security: Security });

export const FoundServers = z.object({
  via: z.enum(['built-in', 'autoconfig', 'srv', 'mx']),
  name: z.string().max(200),
  imap: Server,
  smtp: Server,
  signIn: z.union([
    z.object({ type: z.literal('password'), appPassword: z.boolean().optional() }),
    z.object({ type: z.literal('oauth2'), provider: z.enum(['google', 'microsoft', 'custom']) }),
  ]),
  /** The login is the whole address, or the part before the @. */
  username: z.enum(['email', 'local']),
  serverKeepsSent: z.boolean().optional(),
});
export type FoundServers = z.infer<typeof FoundServers>;

export const DiscoveryStep = z.object({ step: z.enum(['built-in', 'autoconfig', 'srv', 'mx']), found: z.boolean(), detail: z.string().max(1000) });
export type DiscoveryStep = z.infer<typeof DiscoveryStep>;

export const Discovery = z.object({ steps: z.array(DiscoveryStep).max(4), found: FoundServers.nullable() });
export type Discovery = z.infer<typeof Discovery>;

/** A sign-in under way or finished, named by main. */
export const SignInId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const signInMethods = {
  /** Servers and sign-in method for an address, step by step (main/services/discovery.ts). */
  discoverServers: { params: z.object({ email: z.string().max(320).email() }).strict(), result: Discovery },
  /**
   * Starts an OAuth2 sign-in for new settings, or again for an account (its sign-in expired or was
   * revoked). Main opens the page in the system browser where it can (`opened`); else the page opens it.
   */
  beginSignIn: {
    params: z.union([z.object({ settings: ImapAccountSettings }).strict(), z.object({ accountId: z.string().min(1).max(200) }).strict()]),
    result: z.object({ signInId: SignInId, url: z.string().max(8192), opened: z.boolean() }),
  },
  /**
   * Waits for the agent to finish in the browser: answers within 20 seconds, `waiting` while the sign-in
   * is still open (ask again; it ends after ten minutes). For an account, its new sign-in is kept and it
   * syncs again; for new settings, `addAccount` takes the id.
   */
  finishSignIn: {
    params: z.object({ signInId: SignInId }).strict(),
    result: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), message: z.string() }), z.object({ waiting: z.literal(true) })]),
  },
  /** Stops a sign-in the agent gave up on. */
  cancelSignIn: { params: z.object({ signInId: SignInId }).strict(), result: z.object({}) },
};
