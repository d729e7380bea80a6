/** Settings fields every account type shares (shared/accounts.ts, shared/helpdesks.ts). */
import { z } from 'zod';

export const envName = z.string().max(200).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable');

/** What every account has: an optional fixed id, and the name the agent sees. */
export const named = { id: z.string().min(1).max(100).optional(), name: z.string().min(1).max(200) };

/** How the source marks VIP customers (shared/vip.ts): a tag and/or a custom field with an optional value. */
export const VipSource = z.object({ tag: z.string().min(1).max(100).optional(), field: z.string().min(1).max(100).optional(), value: z.string().min(1).max(200).optional() }).strict();

/** A helpdesk: its address, the variable that holds its token in a provisioning file, how it marks VIPs. */
export const helpdeskFields = { ...named, url: z.string().max(2000).url(), tokenEnv: envName.optional(), vip: VipSource.optional() };
