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

/**
 * VIP from the source's own data, set per helpdesk account: a tag (on the customer, their organization or
 * the ticket, where the source has tags) and/or a custom field — VIP when it has `value`, or any value
 * other than empty/false/no/0 when no value is given. Without a rule, the tag "vip" counts.
 */
export interface VipSource {
  tag?: string;
  field?: string;
  value?: string;
}

const NO = new Set(['', 'false', 'no', '0', 'нет']);

export function isVipBySource(rule: VipSource | undefined, tags: readonly string[], fields: Readonly<Record<string, unknown>>): boolean {
  const tag = (rule?.tag ?? 'vip').toLowerCase();
  if (tags.some((t) => t.toLowerCase() === tag)) return true;
  if (!rule?.field) return false;
  const raw = fields[rule.field];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== null && v !== undefined).map((v) => String(v).trim().toLowerCase());
  return rule.value !== undefined ? values.includes(rule.value.trim().toLowerCase()) : values.some((v) => !NO.has(v));
}
