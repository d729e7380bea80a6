/**
 * The helpdesks Switchboard works with, one entry each: the settings an account is added with (validated
 * where they enter main), the Add-account form's own fields, what the address looks like, and which VIP
 * marks the helpdesk has. The accounts schema, the account types, main's connectors
 * (main/connectors/helpdesks.ts) and the form (AddHelpdeskAccount.tsx) all read it. A fifth helpdesk: its
 * folder under main/connectors, one entry here, its factory there, and its name and token hints in the
 * two languages (renderer/i18n: accounts.kind.*, accounts.token.*, accounts.tokenHint.*).
 */
import { z } from 'zod';
import { helpdeskFields } from './account-fields';

/** A field of the form beyond name, address and token: its settings key, its input, its label's i18n key. */
export interface FormField {
  key: string;
  input: 'email' | 'text';
  label: string;
}

interface Entry<T extends string, X extends z.ZodRawShape> {
  type: T;
  settings: z.ZodObject<{ type: z.ZodLiteral<T> } & typeof helpdeskFields & X, z.core.$strict>;
  /** A placeholder for the address (the same in every language). */
  example: string;
  fields: readonly FormField[];
  /** Which VIP marks the helpdesk has: a tag on the customer or ticket, a custom field. */
  vip: { tag: boolean; field: boolean };
}

function helpdesk<T extends string, X extends z.ZodRawShape>(type: T, extra: X, form: Omit<Entry<T, X>, 'type' | 'settings'>): Entry<T, X> {
  return { type, settings: z.object({ type: z.literal(type), ...helpdeskFields, ...extra }).strict(), ...form };
}

export const helpdesks = [
  helpdesk('rt', {}, { example: 'https://rt.example.com', fields: [], vip: { tag: false, field: true } }),
  // An API token: `email` is the agent's address the token belongs to.
  helpdesk('zendesk', { email: z.string().max(320).email() }, {
    example: 'https://yourcompany.zendesk.com', fields: [{ key: 'email', input: 'email', label: 'accounts.agentEmail' }], vip: { tag: true, field: true },
  }),
  // An API key (Profile settings → Your API key).
  helpdesk('freshdesk', {}, { example: 'https://yourcompany.freshdesk.com', fields: [], vip: { tag: true, field: true } }),
  // An app's OAuth2 client credentials: `appId` here, the app secret as the token.
  helpdesk('helpscout', { appId: z.string().min(1).max(200) }, {
    example: 'https://api.helpscout.net', fields: [{ key: 'appId', input: 'text', label: 'accounts.appId' }], vip: { tag: true, field: false },
  }),
] as const;

type Helpdesks = typeof helpdesks;
export type HelpdeskType = Helpdesks[number]['type'];
export const helpdeskTypes = helpdesks.map((h) => h.type) as HelpdeskType[];
/** Each helpdesk's settings schema, in the registry's order. */
type SettingsOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { settings: infer S } ? S : never };
export const helpdeskSettings = helpdesks.map((h) => h.settings) as unknown as SettingsOf<Helpdesks>;
export type HelpdeskSettings = z.infer<Helpdesks[number]['settings']>;
export type HelpdeskSettingsOf<T extends HelpdeskType> = Extract<HelpdeskSettings, { type: T }>;

export function helpdeskOf(type: HelpdeskType): Helpdesks[number] {
  return helpdesks.find((h) => h.type === type)!;
}
