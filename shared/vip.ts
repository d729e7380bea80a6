/**
 * VIP by local rule: an address ("ceo@acme.com") or a domain ("acme.com" or "@acme.com", subdomains
 * included). Sources and the agent's own toggle can make a customer VIP as well.
 */
export function parseVipRules(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((r) => r.trim().toLowerCase().replace(/^@/, '')).filter((r) => /^[^\s@]+(@[^\s@]+)?$/.test(r) && r.includes('.')))];
}

export function matchesVipRule(email: string, rules: readonly string[]): boolean {
  const address = email.toLowerCase();
  const domain = address.split('@')[1] ?? '';
  return rules.some((rule) => (rule.includes('@') ? address === rule : domain === rule || domain.endsWith(`.${rule}`)));
}
