/**
 * A private Cyrus IMAP 3.6 on 127.0.0.1 (shared/PEERS.md §9): every path in one temp folder, users in a
 * private sasldb, mail delivered over LMTP on a loopback port, `idled` running so IDLE is instant. Its
 * binaries are Debian's, unpacked by install-imap-servers.sh (cyrus-imapd conflicts with dovecot-imapd);
 * `master` comes from cyrus-common. Started as root (master drops to the user `cyrus`), in its own process
 * group, stopped by killing the group. Cyrus logs to syslog only: a start that fails says so.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { PEERS_DIR, type ImapPeer, type User, users } from './imap-client';
import { freePorts, startServer } from './ports';

const bin = (name: string) => `${PEERS_DIR}/cyrus-imapd/usr/lib/cyrus/bin/${name}`;

export async function startCyrus(): Promise<ImapPeer> {
  const dir = mkdtempSync('/tmp/cy-');
  chmodSync(dir, 0o755);
  for (const sub of ['conf/db', 'conf/proc', 'conf/socket', 'conf/log', 'conf/msg', 'conf/user', 'conf/quota', 'conf/sieve', 'conf/lock', 'spool', 'sieve', 'run']) {
    mkdirSync(`${dir}/${sub}`, { recursive: true });
  }
  const [imapPort, lmtpPort] = (await freePorts(2)) as [number, number];
  const conf = `${dir}/imapd.conf`;
  writeFileSync(conf, [
    `configdirectory: ${dir}/conf`,
    `partition-default: ${dir}/spool`,
    'defaultpartition: default',
    `sievedir: ${dir}/sieve`,
    'admins: cyrus',
    'servername: localhost',
    // Logins are full addresses, as on the other servers; the domain is the default one.
    'virtdomains: userid',
    'defaultdomain: example.test',
    'sasl_pwcheck_method: auxprop',
    'sasl_auxprop_plugin: sasldb',
    `sasl_sasldb_path: ${dir}/sasldb2`,
    'sasl_mech_list: PLAIN LOGIN',
    'allowplaintext: yes',
    // Folders beside INBOX with "/" (Sent, not INBOX.Sent), created at the first login.
    'altnamespace: yes',
    'unixhierarchysep: yes',
    'autocreate_quota: 0',
    'autocreate_post: yes',
    'autocreate_users: anyone',
    'autocreate_inbox_folders: Sent|Drafts|Trash',
    'autocreate_subscribe_folders: Sent|Drafts|Trash',
    'specialusealways: yes',
    'xlist-sent: Sent',
    'xlist-drafts: Drafts',
    'xlist-trash: Trash',
    `idlesocket: ${dir}/conf/socket/idle`,
    `lmtpsocket: ${dir}/conf/socket/lmtp`,
    `notifysocket: ${dir}/conf/socket/notify`,
    `mboxname_lockpath: ${dir}/conf/lock`,
    `proc_path: ${dir}/conf/proc`,
    'syslog_prefix: switchboard-test-cyrus',
    'lmtp_downcase_rcpt: yes',
    // Keep 8-bit header bytes as delivered (the default turns them into X, a loss no client can undo).
    'munge8bit: no',
    '',
  ].join('\n'));
  writeFileSync(`${dir}/cyrus.conf`, `START {
  recover cmd="ctl_cyrusdb -r -C ${conf}"
}
SERVICES {
  imap cmd="${bin('imapd')} -C ${conf}" listen="127.0.0.1:${imapPort}" prefork=0
  lmtp cmd="lmtpd -a -C ${conf}" listen="127.0.0.1:${lmtpPort}" prefork=0
}
EVENTS {
}
DAEMON {
  idled cmd="${bin('idled')} -C ${conf}"
}
`);
  for (const user of Object.values(users)) {
    const [name, realm] = user.email.split('@') as [string, string];
    // Cyrus strips its default domain before SASL looks the user up, under the server's name: both realms.
    for (const where of ['localhost', realm]) {
      execFileSync('saslpasswd2', ['-p', '-c', '-f', `${dir}/sasldb2`, '-u', where, name], { input: user.password });
    }
  }
  execFileSync('chown', ['-R', 'cyrus:mail', dir]);

  const server = await startServer('Cyrus (its log is in syslog, tag switchboard-test-cyrus)', '/usr/lib/cyrus/bin/master', ['-C', conf, '-M', `${dir}/cyrus.conf`, '-p', `${dir}/run/master.pid`], imapPort);
  const lmtp = nodemailer.createTransport({ lmtp: true, host: '127.0.0.1', port: lmtpPort, ignoreTLS: true, name: 'localhost' });
  return {
    name: 'Cyrus',
    imapPort,
    sentFolder: 'Sent',
    folder: (name) => name,
    deliver: async (user: User, raw, folder = 'INBOX') => {
      // LMTP delivers to INBOX; another folder by the "+folder" detail.
      const to = folder === 'INBOX' ? user.email : user.email.replace('@', `+${folder}@`);
      await lmtp.sendMail({ envelope: { from: 'sender@example.com', to: [to] }, raw });
    },
    stop: async () => {
      lmtp.close();
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
