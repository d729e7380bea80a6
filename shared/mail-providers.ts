/**
 * Where the big mail providers keep their servers, and how they sign in: the first step of "servers from
 * the address" (main/services/discovery.ts tries autoconfig, DNS SRV and MX after it). Domains are the
 * addresses' own; `mx` are endings of the MX hosts of a custom domain hosted there (a Workspace or 365
 * tenant's `company.com`).
 */
import type { Security } from './accounts';

export interface MailServers {
  imap: { host: string; port: number; security: Security };
  smtp: { host: string; port: number; security: Security };
  /** 'oauth2' with the provider's preset, or a password (often an app password: `appPassword`). */
  signIn: { type: 'password'; appPassword?: boolean } | { type: 'oauth2'; provider: 'google' | 'microsoft' };
  /** The provider files its own copy of sent mail (Gmail): Switchboard does not append one. */
  serverKeepsSent?: boolean;
}

export interface MailProvider extends MailServers {
  name: string;
  domains: string[];
  mx: string[];
}

const tls = (host: string, port = 993) => ({ host, port, security: 'tls' as const });
const starttls = (host: string, port = 587) => ({ host, port, security: 'starttls' as const });

export const mailProviders: MailProvider[] = [
  {
    name: 'Google (Gmail, Workspace)',
    domains: ['gmail.com', 'googlemail.com'],
    mx: ['google.com', 'googlemail.com'],
    imap: tls('imap.gmail.com'),
    smtp: tls('smtp.gmail.com', 465),
    signIn: { type: 'oauth2', provider: 'google' },
    serverKeepsSent: true,
  },
  {
    name: 'Microsoft 365, Outlook.com',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'office365.com'],
    mx: ['mail.protection.outlook.com', 'olc.protection.outlook.com'],
    imap: tls('outlook.office365.com'),
    smtp: starttls('smtp.office365.com'),
    signIn: { type: 'oauth2', provider: 'microsoft' },
  },
  { name: 'Yahoo', domains: ['yahoo.com', 'ymail.com', 'rocketmail.com'], mx: ['yahoodns.net'], imap: tls('imap.mail.yahoo.com'), smtp: tls('smtp.mail.yahoo.com', 465), signIn: { type: 'password', appPassword: true } },
  { name: 'iCloud', domains: ['icloud.com', 'me.com', 'mac.com'], mx: ['mail.icloud.com'], imap: tls('imap.mail.me.com'), smtp: starttls('smtp.mail.me.com'), signIn: { type: 'password', appPassword: true } },
  { name: 'Fastmail', domains: ['fastmail.com', 'fastmail.fm'], mx: ['messagingengine.com'], imap: tls('imap.fastmail.com'), smtp: tls('smtp.fastmail.com', 465), signIn: { type: 'password', appPassword: true } },
  { name: 'Zoho Mail', domains: ['zoho.com', 'zohomail.com'], mx: ['zoho.com', 'zoho.eu'], imap: tls('imap.zoho.com'), smtp: tls('smtp.zoho.com', 465), signIn: { type: 'password', appPassword: true } },
  { name: 'Яндекс Почта (Yandex)', domains: ['yandex.ru', 'yandex.com', 'ya.ru', 'narod.ru', 'yandex.by', 'yandex.kz'], mx: ['yandex.net', 'yandex.ru'], imap: tls('imap.yandex.ru'), smtp: tls('smtp.yandex.ru', 465), signIn: { type: 'password', appPassword: true } },
  { name: 'Mail.ru', domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru'], mx: ['mail.ru'], imap: tls('imap.mail.ru'), smtp: tls('smtp.mail.ru', 465), signIn: { type: 'password', appPassword: true } },
];

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '');
}

/** The provider an address belongs to by its own domain. */
export function providerByDomain(domain: string): MailProvider | null {
  return mailProviders.find((p) => p.domains.includes(domain)) ?? null;
}

/** The provider that hosts a custom domain, from one of its MX hosts. */
export function providerByMx(exchange: string): MailProvider | null {
  const host = exchange.toLowerCase().replace(/\.$/, '');
  return mailProviders.find((p) => p.mx.some((m) => host === m || host.endsWith(`.${m}`))) ?? null;
}
