/** The registry of helpdesks drives the accounts schema, the account types, main's connectors and the form. */
import { describe, expect, it } from 'vitest';
import { AccountSettings } from '../../shared/accounts';
import { AccountType } from '../../shared/domain';
import { helpdesks } from '../../shared/helpdesks';
import { helpdeskConnector } from '../../main/connectors/helpdesks';

/** What the Add-account form sends for a helpdesk, its own fields filled in. */
const formSettings = (h: (typeof helpdesks)[number]) => ({
  type: h.type, name: 'Support', url: 'https://desk.example.com', vip: { tag: 'vip' },
  ...Object.fromEntries(h.fields.map((f) => [f.key, f.input === 'email' ? 'agent@example.com' : 'value'])),
});

describe('the helpdesk registry', () => {
  it.each(helpdesks.map((h) => [h.type, h] as const))('%s: the form’s settings are accepted, and refused without one of its own fields', (_type, h) => {
    expect(AccountSettings.safeParse(formSettings(h)).success).toBe(true);
    for (const f of h.fields) {
      const { [f.key]: _left, ...without } = formSettings(h) as Record<string, unknown>;
      expect(AccountSettings.safeParse(without).success).toBe(false);
    }
    expect(AccountSettings.safeParse({ ...formSettings(h), unknownField: 1 }).success).toBe(false);
    expect(AccountType.options).toContain(h.type);
  });

  it.each(helpdesks.map((h) => [h.type, h] as const))('%s: main makes its connector, which knows the account and its VIP mark', (_type, h) => {
    const settings = AccountSettings.parse(formSettings(h));
    if (settings.type === 'imap') throw new Error('not a helpdesk');
    const connector = helpdeskConnector(settings, `${h.type}:1`, () => 'secret');
    expect(connector.account).toMatchObject({ id: `${h.type}:1`, type: h.type, name: 'Support' });
    expect((connector as unknown as { vip: unknown }).vip).toEqual({ tag: 'vip' });
  });
});
