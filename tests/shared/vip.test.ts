import { describe, expect, it } from 'vitest';
import { isVipBySource, matchesVipRule, parseVipRules } from '../../shared/vip';

describe('VIP rules', () => {
  it('reads addresses and domains, one per line or separated by commas', () => {
    expect(parseVipRules('CEO@Acme.com\n@bigbank.ru, partner.example ;  not a rule\n')).toEqual(['ceo@acme.com', 'bigbank.ru', 'partner.example']);
  });
  it('matches an exact address, a domain and its subdomains, nothing else', () => {
    const rules = ['ceo@acme.com', 'bigbank.ru'];
    expect(matchesVipRule('CEO@acme.com', rules)).toBe(true);
    expect(matchesVipRule('intern@acme.com', rules)).toBe(false);
    expect(matchesVipRule('anna@bigbank.ru', rules)).toBe(true);
    expect(matchesVipRule('ops@msk.bigbank.ru', rules)).toBe(true);
    expect(matchesVipRule('x@notbigbank.ru', rules)).toBe(false);
  });
});

describe('VIP from the source, per account', () => {
  it('counts the tag "vip" when the account sets no rule', () => {
    expect(isVipBySource(undefined, ['VIP'], {})).toBe(true);
    expect(isVipBySource(undefined, ['gold'], { tier: 'gold' })).toBe(false);
  });
  it('uses the account’s tag, or a custom field with or without a value', () => {
    expect(isVipBySource({ tag: 'gold' }, ['gold'], {})).toBe(true);
    expect(isVipBySource({ tag: 'gold' }, ['vip'], {})).toBe(false);
    expect(isVipBySource({ field: 'tier', value: 'Platinum' }, [], { tier: 'platinum' })).toBe(true);
    expect(isVipBySource({ field: 'tier', value: 'platinum' }, [], { tier: 'gold' })).toBe(false);
    expect(isVipBySource({ field: 'Tier', value: 'VIP' }, [], { Tier: ['Standard', 'VIP'] })).toBe(true); // RT: a list of values
    expect(isVipBySource({ field: 'key_account' }, [], { key_account: true })).toBe(true);
    for (const no of [false, 'no', '0', '', null, 'нет']) expect(isVipBySource({ field: 'key_account' }, [], { key_account: no })).toBe(false);
  });
});
