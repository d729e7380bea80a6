/**
 * Servers from the address, step by step, against a local HTTP server serving autoconfig documents and a
 * local DNS server (Node's resolver pointed at it) answering SRV and MX. The HTTP requests for
 * autoconfig.<domain> reach the local server through the fetch the discovery is given (all on 127.0.0.1).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverServers, parseAutoconfig, resolverFor } from '../../../main/services/discovery';
import { startDnsServer, type DnsServer } from '../../support/dns-server';

const config = (imapHost: string, imapPort: number, socket: string, auth = 'password-cleartext', username = '%EMAILADDRESS%') => `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="x">
  <domain>x</domain><displayName>Acme Mail</displayName>
  <incomingServer type="pop3"><hostname>pop.acme.test</hostname><port>995</port><socketType>SSL</socketType></incomingServer>
  <incomingServer type="imap"><hostname>${imapHost}</hostname><port>${imapPort}</port><socketType>${socket}</socketType><username>${username}</username><authentication>${auth}</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.${imapHost.split('.').slice(1).join('.')}</hostname><port>587</port><socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username><authentication>${auth}</authentication></outgoingServer>
</emailProvider></clientConfig>`;

/** What the "web" serves: "https://host/path" → document. */
const documents = new Map<string, string>([
  ['https://autoconfig.acme.test/mail/config-v1.1.xml', config('imap.acme.test', 993, 'SSL')],
  ['https://wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml', config('mail.wellknown.test', 143, 'STARTTLS', 'password-cleartext', '%EMAILLOCALPART%')],
  ['https://autoconfig.broken.test/mail/config-v1.1.xml', '<clientConfig><emailProvider><incomingServer type="imap"><hostname>'],
  ['https://autoconfig.o365.test/mail/config-v1.1.xml', config('outlook.office365.com', 993, 'SSL', 'OAuth2')],
]);
let http: Server;
let dns: DnsServer;
const fetched: string[] = [];
const localFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  fetched.push(`${url.protocol}//${url.host}${url.pathname}`);
  return fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}${url.pathname}${url.search}`, { ...init, headers: { 'x-for': `${url.protocol}//${url.host}` } });
};

beforeAll(async () => {
  http = createServer((req, res) => {
    const doc = documents.get(`${req.headers['x-for']}${new URL(req.url ?? '/', 'http://x').pathname}`);
    res.writeHead(doc ? 200 : 404, { 'content-type': 'application/xml' }).end(doc ?? 'not here');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  dns = await startDnsServer([
    { type: 'SRV', name: '_imaps._tcp.broken.test', data: { priority: 0, weight: 1, port: 993, target: 'mail.broken.test' } },
    { type: 'SRV', name: '_submission._tcp.broken.test', data: { priority: 0, weight: 1, port: 587, target: 'mail.broken.test' } },
    // RFC 6186: "." says the service is not offered; _imap (STARTTLS) is.
    { type: 'SRV', name: '_imaps._tcp.srv.test', data: { priority: 0, weight: 1, port: 0, target: '.' } },
    { type: 'SRV', name: '_imap._tcp.srv.test', data: { priority: 10, weight: 1, port: 143, target: 'imap2.srv.test' } },
    { type: 'SRV', name: '_imap._tcp.srv.test', data: { priority: 5, weight: 1, port: 143, target: 'imap1.srv.test' } },
    { type: 'SRV', name: '_submissions._tcp.srv.test', data: { priority: 0, weight: 1, port: 465, target: 'smtp.srv.test' } },
    { type: 'MX', name: 'workspace.test', data: { preference: 1, exchange: 'aspmx.l.google.com' } },
    { type: 'MX', name: 'tenant.test', data: { preference: 0, exchange: 'tenant-test.mail.protection.outlook.com' } },
    { type: 'MX', name: 'own.test', data: { preference: 10, exchange: 'mx.own.test' } },
  ]);
});
afterAll(async () => {
  http?.close();
  await dns?.stop();
});

const discover = (email: string) => discoverServers(email, { fetch: localFetch, resolver: resolverFor([dns.address]), timeoutMs: 2_000 });
const stepsOf = (d: Awaited<ReturnType<typeof discover>>) => d.steps.map((s) => `${s.step}:${s.found ? 'found' : 'none'}`);

describe('servers from the address', () => {
  it('a big provider by its domain, at once: Gmail with Google sign-in, nothing asked on the network', async () => {
    const before = [fetched.length, dns.asked.length];
    const found = await discover('Agent@GMail.com');
    expect(found.found).toMatchObject({ via: 'built-in', imap: { host: 'imap.gmail.com', port: 993, security: 'tls' }, signIn: { type: 'oauth2', provider: 'google' }, serverKeepsSent: true });
    expect([fetched.length, dns.asked.length]).toEqual(before);
    expect((await discover('support@yandex.ru')).found).toMatchObject({ imap: { host: 'imap.yandex.ru' }, signIn: { type: 'password', appPassword: true } });
    expect((await discover('help@mail.ru')).found?.smtp).toEqual({ host: 'smtp.mail.ru', port: 465, security: 'tls' });
  });

  it('the autoconfig document at autoconfig.<domain>: its IMAP (not POP) and SMTP servers', async () => {
    const found = await discover('agent@acme.test');
    expect(stepsOf(found)).toEqual(['built-in:none', 'autoconfig:found']);
    expect(found.found).toEqual({
      via: 'autoconfig', name: 'Acme Mail', username: 'email', signIn: { type: 'password' },
      imap: { host: 'imap.acme.test', port: 993, security: 'tls' }, smtp: { host: 'smtp.acme.test', port: 587, security: 'starttls' },
    });
    expect(fetched.at(-1)).toBe('https://autoconfig.acme.test/mail/config-v1.1.xml');
  });

  it('then the domain’s own /.well-known/autoconfig, with a login that is the part before the @', async () => {
    const found = await discover('agent@wellknown.test');
    expect(found.found).toMatchObject({ via: 'autoconfig', username: 'local', imap: { host: 'mail.wellknown.test', port: 143, security: 'starttls' } });
    expect(fetched.slice(-2)).toEqual(['https://autoconfig.wellknown.test/mail/config-v1.1.xml', 'https://wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml']);
  });

  it('a broken document is passed over with the reason shown, and SRV records give the servers', async () => {
    const found = await discover('agent@broken.test');
    expect(stepsOf(found)).toEqual(['built-in:none', 'autoconfig:none', 'srv:found']);
    expect(found.steps[1]!.detail).toMatch(/autoconfig\.broken\.test.*(no IMAP|not valid)/);
    expect(found.found).toMatchObject({ via: 'srv', imap: { host: 'mail.broken.test', port: 993, security: 'tls' }, smtp: { host: 'mail.broken.test', port: 587, security: 'starttls' } });
  });

  it('SRV: a "." target means not offered; the lowest priority wins', async () => {
    const found = await discover('agent@srv.test');
    expect(found.found).toMatchObject({ imap: { host: 'imap1.srv.test', port: 143, security: 'starttls' }, smtp: { host: 'smtp.srv.test', port: 465, security: 'tls' } });
    expect(dns.asked).toEqual(expect.arrayContaining(['SRV _imaps._tcp.srv.test', 'SRV _imap._tcp.srv.test', 'SRV _submissions._tcp.srv.test']));
  });

  it('MX records at Google or Microsoft: a Workspace or 365 domain signs in with them', async () => {
    const workspace = await discover('agent@workspace.test');
    expect(stepsOf(workspace)).toEqual(['built-in:none', 'autoconfig:none', 'srv:none', 'mx:found']);
    expect(workspace.found).toMatchObject({ via: 'mx', imap: { host: 'imap.gmail.com' }, signIn: { type: 'oauth2', provider: 'google' } });
    expect((await discover('agent@tenant.test')).found).toMatchObject({ imap: { host: 'outlook.office365.com' }, signIn: { type: 'oauth2', provider: 'microsoft' } });
  });

  it('an autoconfig document that says OAuth2 at Microsoft’s servers: Microsoft’s sign-in', async () => {
    expect((await discover('agent@o365.test')).found).toMatchObject({ via: 'autoconfig', signIn: { type: 'oauth2', provider: 'microsoft' } });
  });

  it('nothing found: every step says what it tried, and the form stays for manual set-up', async () => {
    const found = await discover('agent@own.test');
    expect(found.found).toBeNull();
    expect(found.steps.map((s) => s.detail)).toEqual([
      'own.test is not in the table',
      expect.stringMatching(/autoconfig\.own\.test: HTTP 404; https:\/\/own\.test: HTTP 404; http:\/\/autoconfig\.own\.test: HTTP 404/),
      'no _imaps/_imap record for own.test',
      'mx.own.test is not a provider Switchboard knows',
    ]);
  });
});

describe('an autoconfig document from anywhere', () => {
  it('any text gives servers with valid ports and a known security, or a reason — never a throw', () => {
    const fragment = fc.oneof(fc.string(), fc.constantFrom('<clientConfig>', '<emailProvider>', '<incomingServer type="imap">', '<hostname>h</hostname>', '<port>99999</port>', '<port>-1</port>', '<socketType>SSL</socketType>', '<socketType>weird</socketType>', '</incomingServer>', '<outgoingServer type="smtp">', '</outgoingServer>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;'));
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const found = parseAutoconfig(parts.join(''), 'a@b.test');
        if (typeof found === 'string') return;
        for (const server of [found.imap, found.smtp]) {
          expect(server.port).toBeGreaterThanOrEqual(1);
          expect(server.port).toBeLessThanOrEqual(65535);
          expect(['tls', 'starttls', 'none']).toContain(server.security);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
