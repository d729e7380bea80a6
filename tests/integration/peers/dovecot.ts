/**
 * A private Dovecot (IMAP, IMAPS, LMTP) on 127.0.0.1 for the integration tests, following the recipe in
 * shared/PEERS.md: its own config, users and self-signed certificate in a temp folder, no system files.
 * It runs in its own process group so that stop() kills every child at once.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { freePorts, startServer } from './ports';

export const users = {
  agent: { email: 'agent@example.test', password: 'agent-pass' },
  alice: { email: 'alice@example.test', password: 'alice-pass' },
  bob: { email: 'bob@example.test', password: 'bob-pass' },
} as const;

export interface Dovecot {
  dir: string;
  imapPort: number;
  imapsPort: number;
  lmtpSocket: string;
  caPem: string;
  /** The master process (its children serve the connections). */
  pid: number | undefined;
  /** Delivers a raw message into a user's mailbox folder without IMAP (doveadm save). */
  save(user: string, raw: string | Buffer, folder?: string): void;
  stop(): void;
}

/**
 * `oauth2`: IMAP also takes OAuth2 access tokens (SASL XOAUTH2 and/or OAUTHBEARER), checked by Dovecot's
 * oauth2 passdb at the token server's introspection endpoint (a URL with the server's credentials in it).
 */
export interface DovecotOptions {
  oauth2?: { introspectionUrl: string; mechanisms?: Array<'xoauth2' | 'oauthbearer'> };
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  try {
    execFileSync('dovecot', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('Dovecot is not installed: the email tests need it. Run `bash .ci/run`, or `sudo apt-get install dovecot-imapd dovecot-lmtpd`.');
  }
  const dir = mkdtempSync('/tmp/dc-'); // short: unix socket paths must stay under 108 bytes
  chmodSync(dir, 0o755); // the auth process (user dovecot) must reach the users file
  for (const sub of ['run', 'state', 'log', 'tls', 'mail']) mkdirSync(`${dir}/${sub}`, { recursive: true });
  const [imapPort, imapsPort, lmtpPort] = (await freePorts(3)) as [number, number, number];
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const [uid, gid] = root ? [65534, 65534] : [me.uid, me.gid];
  const internalUser = root ? 'dovecot' : me.username;

  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${dir}/tls/key.pem`, '-out', `${dir}/tls/cert.pem`, '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  chmodSync(`${dir}/tls/key.pem`, 0o644);

  writeFileSync(`${dir}/users`, Object.values(users)
    .map((u) => `${u.email}:{PLAIN}${u.password}:${uid}:${gid}::${dir}/mail/${u.email}::\n`).join(''));
  chmodSync(`${dir}/users`, 0o644);
  for (const u of Object.values(users)) mkdirSync(`${dir}/mail/${u.email}`, { recursive: true });
  if (root) execFileSync('chown', ['-R', `${uid}:${gid}`, `${dir}/mail`]);

  const oauth = options.oauth2;
  const oauthMechanisms = oauth ? (oauth.mechanisms ?? ['xoauth2', 'oauthbearer']).join(' ') : '';
  if (oauth) {
    writeFileSync(`${dir}/oauth2.conf`, `introspection_mode = post
introspection_url = ${oauth.introspectionUrl}
force_introspection = yes
username_attribute = sub
active_attribute = active
active_value = true
`);
    chmodSync(`${dir}/oauth2.conf`, 0o644);
  }
  const oauthPassdb = oauth ? `passdb {
  driver = oauth2
  mechanisms = ${oauthMechanisms}
  args = ${dir}/oauth2.conf
}
` : '';
  const mailbox = (name: string, use: string) => `  mailbox ${name} {\n    special_use = \\${use}\n    auto = subscribe\n  }\n`;
  writeFileSync(`${dir}/dovecot.conf`, `instance_name = dovecot-test-${dir.slice(5)}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log/dovecot.log
info_log_path = ${dir}/log/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
default_internal_user = ${internalUser}
default_internal_group = ${root ? 'dovecot' : me.username}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = 1
first_valid_gid = 1
ssl = yes
ssl_cert = <${dir}/tls/cert.pem
ssl_key = <${dir}/tls/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login ${oauthMechanisms}
auth_failure_delay = 0
mail_max_userip_connections = 100
${oauthPassdb}passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
mail_location = maildir:~/Maildir
# A throwaway test server: no fsync after each delivery (seeding thousands of messages is IO-bound otherwise).
mail_fsync = never
namespace inbox {
  inbox = yes
  separator = /
${mailbox('Drafts', 'Drafts')}${mailbox('Sent', 'Sent')}${mailbox('Trash', 'Trash')}${mailbox('Junk', 'Junk')}${mailbox('Archive', 'Archive')}}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${imapsPort}
    ssl = yes
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
protocol lmtp {
  auth_username_format = %Lu
}
hostname = localhost
postmaster_address = postmaster@example.test
`);

  const server = await startServer('Dovecot', 'dovecot', ['-F', '-c', `${dir}/dovecot.conf`], imapPort);
  return {
    dir,
    imapPort,
    imapsPort,
    lmtpSocket: `${dir}/run/lmtp`,
    caPem: readFileSync(`${dir}/tls/cert.pem`, 'utf8'),
    pid: server.pid,
    save(user, raw, folder = 'INBOX') {
      execFileSync('doveadm', ['-c', `${dir}/dovecot.conf`, 'save', '-u', user, '-m', folder], { input: raw });
    },
    stop() {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
