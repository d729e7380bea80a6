/**
 * Account settings as the agent enters them or IT provisions them (`--accounts FILE`). Secrets never
 * appear here: a provisioning file names the environment variable that holds each one.
 */
import { z } from 'zod';
import { envName, named } from './account-fields';
import { helpdeskSettings, type HelpdeskSettings } from './helpdesks';
import { bounded } from './ids';

export const Security = z.enum(['tls', 'starttls', 'none']);
export type Security = z.infer<typeof Security>;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const Endpoint = z
  .object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    security: Security,
    /** A PEM file with the CA (or the certificate itself) to trust for this server. */
    caFile: z.string().min(1).max(4096).optional(),
    /** SHA-256 fingerprint of a certificate the agent chose to trust ("AB:CD:…"). */
    fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/i).optional(),
  })
  .strict()
  .refine((e) => e.security !== 'none' || isLoopbackHost(e.host), {
    message: 'security "none" is allowed only for a server on this computer (127.0.0.1 or localhost)',
    path: ['security'],
  });
export type Endpoint = z.infer<typeof Endpoint>;

/** An address of an identity provider: https, or http on this computer (a test or a local gateway). */
const providerUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => u.startsWith('https://') || (u.startsWith('http://') && isLoopbackHost(new URL(u).hostname)), 'must be an https address (http only on this computer)');

/**
 * How an email account signs in. A password (the default), or OAuth2 in the system browser: Google (Gmail
 * and Workspace), Microsoft 365 / Outlook.com, or any other provider by its endpoints ("custom"). Each
 * organisation registers its own app, so the client id (and Microsoft's tenant) come from IT or Settings.
 */
export const OAuth2Auth = z
  .object({
    type: z.literal('oauth2'),
    provider: z.enum(['google', 'microsoft', 'custom']),
    clientId: z.string().min(1).max(500),
    /** Google's desktop clients come with a "secret" that is not one (RFC 8252 §8.5): it ships in the app. */
    clientSecret: z.string().min(1).max(500).optional(),
    /** Microsoft: the directory — "common" (default), "organizations", "consumers", or the tenant's id or domain. */
    tenant: z.string().min(1).max(200).regex(/^[A-Za-z0-9.-]+$/).optional(),
    /** A custom provider's endpoints (Google's and Microsoft's are built in). */
    authorizationUrl: providerUrl.optional(),
    tokenUrl: providerUrl.optional(),
    revocationUrl: providerUrl.optional(),
    /** The scopes to ask for instead of the provider's usual ones. */
    scopes: z.array(z.string().min(1).max(500)).min(1).max(20).optional(),
  })
  .strict()
  .refine((a) => a.provider !== 'custom' || (!!a.authorizationUrl && !!a.tokenUrl), {
    message: 'a custom provider needs its authorizationUrl and tokenUrl',
    path: ['authorizationUrl'],
  });
export type OAuth2Auth = z.infer<typeof OAuth2Auth>;
export const AccountAuth = z.union([z.object({ type: z.literal('password') }).strict(), OAuth2Auth]);
export type AccountAuth = z.infer<typeof AccountAuth>;


export const ImapAccountSettings = z
  .object({
    type: z.literal('imap'),
    ...named,
    email: z.string().max(320).email(),
    imap: Endpoint,
    smtp: Endpoint,
    username: z.string().min(1).max(1000),
    passwordEnv: envName.optional(),
    /** How it signs in; a password when not given. */
    auth: AccountAuth.optional(),
    folders: z.array(z.string().min(1).max(1000)).min(1).max(100).default(['INBOX', 'Sent']),
    /** Where sent replies are appended; found by its special use when not given. */
    sentFolder: z.string().min(1).max(1000).optional(),
    /**
     * Who puts the copy of a sent reply in Sent: Switchboard ("append"), or the server itself ("server",
     * as Gmail does). "auto": the server where it says so (Gmail's X-GM-EXT-1), else Switchboard.
     */
    sentCopy: z.enum(['auto', 'append', 'server']).default('auto'),
    signature: z.string().max(10_000).default(''),
    /** Other addresses the team sends from (support@ beside the login's own): theirs is outgoing mail, and a reply never goes to them. */
    aliases: z.array(z.string().max(320).email()).max(50).optional(),
  })
  .strict();
export type ImapAccountSettings = z.infer<typeof ImapAccountSettings>;

export const usesOAuth = (settings: AccountSettings): settings is ImapAccountSettings & { auth: OAuth2Auth } => settings.type === 'imap' && settings.auth?.type === 'oauth2';

/** An email account, or a helpdesk's (one entry each in shared/helpdesks.ts). */
export const AccountSettings = z.discriminatedUnion('type', [ImapAccountSettings, ...helpdeskSettings]);
export type AccountSettings = ImapAccountSettings | HelpdeskSettings;

export const ProvisioningFile = z.object({ accounts: z.array(AccountSettings) }).strict();
export type ProvisioningFile = z.infer<typeof ProvisioningFile>;

/** A stable id for an account: given, or derived from what identifies it. */
export function accountIdOf(settings: AccountSettings): string {
  if (settings.id) return settings.id;
  const basis = settings.type === 'imap' ? `${settings.username}@${settings.imap.host}` : settings.url;
  return bounded(`${settings.type}:${basis.toLowerCase().replace(/[^a-z0-9@.:-]+/g, '-')}`);
}
