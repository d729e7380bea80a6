/**
 * Servers from the address: typing `agent@company.com` finds the IMAP and SMTP servers and how to sign
 * in, trying in order (each step's outcome is shown, and the result stays editable):
 *  1. the built-in table of big providers (shared/mail-providers.ts), by the address's domain;
 *  2. the Mozilla autoconfig document: https://autoconfig.<domain>/mail/config-v1.1.xml, then
 *     https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml, then http://autoconfig.<domain>/…;
 *  3. DNS SRV records (RFC 6186, RFC 8314): _imaps._tcp / _imap._tcp and _submissions._tcp / _submission._tcp;
 *  4. MX records that point at a provider in the table (a Google Workspace or Microsoft 365 domain).
 */
import { Resolver } from 'node:dns/promises';
import { XMLParser } from 'fast-xml-parser';
import type { Security } from '../../shared/accounts';
import type { Discovery, DiscoveryStep, FoundServers } from '../../shared/contract';
import { domainOf, mailProviders, providerByDomain, providerByMx, type MailProvider } from '../../shared/mail-providers';

export interface DiscoveryDeps {
  /** DNS lookups (tests point a Resolver at a local DNS server). */
  resolver?: Pick<Resolver, 'resolveSrv' | 'resolveMx'>;
  fetch?: typeof fetch;
  /** Per request. */
  timeoutMs?: number;
}

const fromProvider = (p: MailProvider, via: FoundServers['via']): FoundServers => ({
  via,
  name: p.name,
  imap: p.imap,
  smtp: p.smtp,
  signIn: p.signIn,
  username: 'email',
  ...(p.serverKeepsSent ? { serverKeepsSent: true } : {}),
});

const SOCKET: Record<string, Security> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: false, htmlEntities: false, isArray: (name) => ['incomingServer', 'outgoingServer', 'authentication', 'emailProvider'].includes(name) });

interface XmlServer {
  '@type'?: string;
  hostname?: string;
  port?: number | string;
  socketType?: string;
  username?: string;
  authentication?: string[];
}

/** A Thunderbird autoconfig document (config-v1.1.xml): its first IMAP and SMTP servers, or why not. */
export function parseAutoconfig(xml: string, email: string): FoundServers | string {
  let doc: { clientConfig?: { emailProvider?: Array<{ displayName?: string; incomingServer?: XmlServer[]; outgoingServer?: XmlServer[] }> } };
  try {
    doc = parser.parse(xml);
  } catch {
    return 'the document is not valid XML';
  }
  const provider = doc.clientConfig?.emailProvider?.[0];
  const imap = provider?.incomingServer?.find((s) => s['@type'] === 'imap');
  const smtp = provider?.outgoingServer?.find((s) => s['@type'] === 'smtp');
  if (!imap || !smtp) return 'the document names no IMAP and SMTP server';
  const endpoint = (s: XmlServer) => {
    const port = Number(s.port);
    const security = SOCKET[String(s.socketType)];
    if (!s.hostname || !Number.isInteger(port) || port < 1 || port > 65535 || !security) return null;
    return { host: String(s.hostname), port, security };
  };
  const [i, o] = [endpoint(imap), endpoint(smtp)];
  if (!i || !o) return 'a server in the document has no valid host, port or security';
  const oauth = (imap.authentication ?? []).some((a) => String(a) === 'OAuth2') && !(imap.authentication ?? []).some((a) => String(a).startsWith('password'));
  // OAuth2 at Google's or Microsoft's servers is their sign-in; elsewhere the provider's endpoints are asked for.
  const preset = mailProviders.find((p) => p.imap.host === i.host)?.signIn;
  const signIn: FoundServers['signIn'] = !oauth ? { type: 'password' } : preset?.type === 'oauth2' ? preset : { type: 'oauth2', provider: 'custom' };
  return {
    via: 'autoconfig',
    name: String(provider?.displayName ?? domainOf(email)),
    imap: i,
    smtp: o,
    signIn,
    username: imap.username === '%EMAILLOCALPART%' ? 'local' : 'email',
  };
}

async function autoconfig(email: string, domain: string, deps: Required<Pick<DiscoveryDeps, 'fetch' | 'timeoutMs'>>): Promise<{ found: FoundServers | null; detail: string }> {
  const query = `?emailaddress=${encodeURIComponent(email)}`;
  const urls = [
    `https://autoconfig.${domain}/mail/config-v1.1.xml${query}`,
    `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml${query}`,
    `http://autoconfig.${domain}/mail/config-v1.1.xml${query}`,
  ];
  const tried: string[] = [];
  for (const url of urls) {
    try {
      const response = await deps.fetch(url, { redirect: 'error', signal: AbortSignal.timeout(deps.timeoutMs) });
      if (!response.ok) {
        tried.push(`${new URL(url).origin}: HTTP ${response.status}`);
        continue;
      }
      const parsed = parseAutoconfig((await response.text()).slice(0, 200_000), email);
      if (typeof parsed === 'string') {
        tried.push(`${new URL(url).origin}: ${parsed}`);
        continue;
      }
      const plain = url.startsWith('http:') ? ' (over unencrypted HTTP: check the servers before signing in)' : '';
      return { found: parsed, detail: `${new URL(url).host}${plain}` };
    } catch (error) {
      tried.push(`${new URL(url).origin}: ${(error as Error).name === 'TimeoutError' ? 'no answer' : 'not reachable'}`);
    }
  }
  return { found: null, detail: tried.join('; ') };
}

async function srv(domain: string, resolver: NonNullable<DiscoveryDeps['resolver']>): Promise<{ found: FoundServers | null; detail: string }> {
  const first = async (names: Array<[string, Security]>) => {
    for (const [name, security] of names) {
      const records = await resolver.resolveSrv(`${name}.${domain}`).catch(() => []);
      // A target of "." says the service is not offered there (RFC 2782).
      const best = records.filter((r) => r.name && r.name !== '.').sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
      if (best) return { host: best.name.replace(/\.$/, ''), port: best.port, security };
    }
    return null;
  };
  const imap = await first([['_imaps._tcp', 'tls'], ['_imap._tcp', 'starttls']]);
  const smtp = await first([['_submissions._tcp', 'tls'], ['_submission._tcp', 'starttls']]);
  if (!imap || !smtp) return { found: null, detail: `no ${!imap ? '_imaps/_imap' : '_submissions/_submission'} record for ${domain}` };
  return { found: { via: 'srv', name: domain, imap, smtp, signIn: { type: 'password' }, username: 'email' }, detail: `${imap.host}:${imap.port}, ${smtp.host}:${smtp.port}` };
}

async function mx(domain: string, resolver: NonNullable<DiscoveryDeps['resolver']>): Promise<{ found: FoundServers | null; detail: string }> {
  const records = (await resolver.resolveMx(domain).catch(() => [])).sort((a, b) => a.priority - b.priority);
  if (records.length === 0) return { found: null, detail: `no MX record for ${domain}` };
  for (const record of records) {
    const provider = providerByMx(record.exchange);
    if (provider) return { found: fromProvider(provider, 'mx'), detail: `${record.exchange} (${provider.name})` };
  }
  return { found: null, detail: `${records[0]!.exchange} is not a provider Switchboard knows` };
}

/** A resolver that asks these servers ("127.0.0.1:5353") instead of the system's. */
export function resolverFor(servers: string[]): Resolver {
  const resolver = new Resolver({ timeout: 5_000, tries: 2 });
  resolver.setServers(servers);
  return resolver;
}

/**
 * With DNS servers of its own (SB_DNS_SERVERS), a host is fetched only when they know its address: no
 * question about the address's domain goes to another resolver.
 */
export function fetchKnownTo(resolver: Pick<Resolver, 'resolve4'>): typeof fetch {
  return async (input, init) => {
    const host = new URL(String(input)).hostname;
    if ((await resolver.resolve4(host).catch(() => [])).length === 0) throw new TypeError(`${host} has no address`);
    return fetch(input, init);
  };
}

export async function discoverServers(email: string, deps: DiscoveryDeps = {}): Promise<Discovery> {
  const domain = domainOf(email);
  const steps: DiscoveryStep[] = [];
  const known = providerByDomain(domain);
  steps.push({ step: 'built-in', found: !!known, detail: known ? known.name : `${domain} is not in the table` });
  if (known) return { steps, found: fromProvider(known, 'built-in') };

  const resolver = deps.resolver ?? new Resolver({ timeout: deps.timeoutMs ?? 5_000, tries: 2 });
  const run = { fetch: deps.fetch ?? fetch, timeoutMs: deps.timeoutMs ?? 5_000 };
  for (const [step, attempt] of [
    ['autoconfig', () => autoconfig(email, domain, run)],
    ['srv', () => srv(domain, resolver)],
    ['mx', () => mx(domain, resolver)],
  ] as const) {
    const { found, detail } = await attempt();
    steps.push({ step, found: !!found, detail });
    if (found) return { steps, found };
  }
  return { steps, found: null };
}
