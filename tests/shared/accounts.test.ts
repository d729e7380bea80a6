import { describe, expect, it } from 'vitest';
import { ProvisioningFile, accountIdOf } from '../../shared/accounts';

const example = {
  accounts: [
    {
      type: 'imap', name: 'Support', email: 'agent@example.test',
      imap: { host: '127.0.0.1', port: 10143, security: 'none' },
      smtp: { host: '127.0.0.1', port: 10025, security: 'none' },
      username: 'agent@example.test', passwordEnv: 'SB_AGENT_PASSWORD', folders: ['INBOX', 'Sent'],
    },
    { type: 'rt', name: 'Old RT', url: 'http://127.0.0.1:18080', tokenEnv: 'SB_RT_TOKEN' },
  ],
};

describe('the provisioning file', () => {
  it('accepts the documented example', () => {
    const parsed = ProvisioningFile.parse(example);
    expect(parsed.accounts.map(accountIdOf)).toEqual(['imap:agent@example.test@127.0.0.1', 'rt:http:-127.0.0.1:18080']);
  });

  it('refuses plain-text connections to anything but this computer', () => {
    const remote = structuredClone(example);
    remote.accounts[0]!.imap!.host = 'mail.example.com';
    const result = ProvisioningFile.safeParse(remote);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/security "none" is allowed only for a server on this computer/);
  });

  it('refuses an inline password: only the name of an environment variable', () => {
    const inline = structuredClone(example) as { accounts: Record<string, unknown>[] };
    inline.accounts[0]!.password = 'hunter2';
    expect(ProvisioningFile.safeParse(inline).success).toBe(false);
    const badEnv = structuredClone(example);
    badEnv.accounts[0]!.passwordEnv = 'not a name';
    expect(ProvisioningFile.safeParse(badEnv).success).toBe(false);
  });
});

describe('an email account that signs in with OAuth2', () => {
  const google = {
    type: 'imap', name: 'Team', email: 'support@company.example', username: 'support@company.example',
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    auth: { type: 'oauth2', provider: 'google', clientId: '123-abc.apps.googleusercontent.com' },
  };

  it('Google or Microsoft need only the client id (and Microsoft its tenant); no secret variable', () => {
    expect(ProvisioningFile.safeParse({ accounts: [google] }).success).toBe(true);
    const microsoft = { ...google, auth: { type: 'oauth2', provider: 'microsoft', clientId: '00000000-0000-0000-0000-000000000000', tenant: 'contoso.onmicrosoft.com' } };
    expect(ProvisioningFile.safeParse({ accounts: [microsoft] }).success).toBe(true);
    expect(ProvisioningFile.safeParse({ accounts: [{ ...google, auth: { type: 'oauth2', provider: 'google' } }] }).success).toBe(false);
  });

  it('a custom provider needs its endpoints, over https (http only on this computer)', () => {
    const custom = (auth: Record<string, unknown>) => ProvisioningFile.safeParse({ accounts: [{ ...google, auth: { type: 'oauth2', provider: 'custom', clientId: 'c', ...auth } }] });
    expect(custom({}).error?.issues[0]?.message).toMatch(/needs its authorizationUrl and tokenUrl/);
    expect(custom({ authorizationUrl: 'https://id.company.example/auth', tokenUrl: 'https://id.company.example/token' }).success).toBe(true);
    expect(custom({ authorizationUrl: 'http://id.company.example/auth', tokenUrl: 'https://id.company.example/token' }).success).toBe(false);
    expect(custom({ authorizationUrl: 'http://127.0.0.1:8080/auth', tokenUrl: 'http://127.0.0.1:8080/token' }).success).toBe(true);
  });
});
