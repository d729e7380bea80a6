import { describe, expect, it } from 'vitest';
import { matchesVipRule, parseVipRules } from '../../shared/vip';

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
