/**
 * A private Courier IMAP 5.0 on 127.0.0.1 (shared/PEERS.md §9). Courier's paths are compiled in
 * (/etc/courier, /run/courier), so it runs in a mount namespace of its own (`unshare --mount`) with a
 * temp folder bind-mounted over both: users in a private userdb, Maildirs made by maildirmake.courier,
 * authdaemond and `couriertcpd … imaplogin imapd` in the foreground of one process group, stopped by
 * killing the group. Its folders live under INBOX with "." (INBOX.Sent). Courier has no LMTP here: mail
 * is put into a mailbox by IMAP APPEND as its owner. No CONDSTORE, QRESYNC or SPECIAL-USE, and its
 * SELECT answer has no UIDNEXT — which is why it is tested.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { appendAs, PEERS_DIR, type ImapPeer, type User, users } from './imap-client';
import { freePort, startServer } from './ports';

export async function startCourier(): Promise<ImapPeer> {
  const dir = mkdtempSync('/tmp/co-');
  chmodSync(dir, 0o755);
  for (const sub of ['etc', 'run/authdaemon', 'mail']) mkdirSync(`${dir}/${sub}`, { recursive: true });
  const imapPort = await freePort();
  writeFileSync(`${dir}/etc/authdaemonrc`, 'authmodulelist="authuserdb"\nauthmodulelistorig="authuserdb"\ndaemons=2\nauthdaemonvar=/run/courier/authdaemon\nDEBUG_LOGIN=0\nDEFAULTOPTIONS=""\nLOGGEROPTS=""\n');
  writeFileSync(`${dir}/etc/imapd`, [
    'IMAP_CAPABILITY="IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE"',
    'IMAP_KEYWORDS=1',
    'IMAP_ACL=1',
    // IDLE is answered by polling every few seconds (no gamin here), like many hosted Courier servers.
    'IMAP_IDLE_TIMEOUT=5',
    'IMAP_ENHANCEDIDLE=0',
    'IMAP_MAILBOX_SANITY_CHECK=1',
    'IMAP_USELOCKS=1',
    'IMAP_UMASK=022',
    'IMAP_TRASHFOLDERNAME=Trash',
    'IMAP_EMPTYTRASH=',
    'IMAP_MOVE_EXPUNGE_TO_TRASH=0',
    'IMAP_CHECK_ALL_FOLDERS=0',
    'MAILDIRPATH=Maildir',
    '',
  ].join('\n'));
  const lines: string[] = [];
  for (const user of Object.values(users)) {
    const home = `${dir}/mail/${user.email}`;
    mkdirSync(home);
    execFileSync('maildirmake.courier', [`${home}/Maildir`]);
    execFileSync('maildirmake.courier', ['-f', 'Sent', `${home}/Maildir`]);
    const hash = execFileSync('openssl', ['passwd', '-1', '-stdin'], { input: user.password }).toString().trim();
    lines.push(`${user.email}\tuid=65534|gid=65534|home=${home}|mail=${home}/Maildir|systempw=${hash}`);
  }
  writeFileSync(`${dir}/etc/userdb`, `${lines.join('\n')}\n`, { mode: 0o600 });
  execFileSync('chown', ['-R', '65534:65534', `${dir}/mail`]);
  writeFileSync(`${dir}/start.sh`, `#!/bin/sh
set -e
mount --bind ${dir}/etc /etc/courier
mount --bind ${dir}/run /run/courier
makeuserdb
/usr/lib/courier/courier-authlib/authdaemond &
for i in $(seq 1 50); do [ -S /run/courier/authdaemon/socket ] && break; sleep 0.05; done
set -a
. ${dir}/etc/imapd
set +a
exec couriertcpd -address=127.0.0.1 -maxprocs=40 -maxperip=40 -nodnslookup -noidentlookup ${imapPort} \\
  ${PEERS_DIR}/courier-imap/usr/lib/courier/courier/imaplogin ${PEERS_DIR}/courier-imap/usr/bin/imapd Maildir
`, { mode: 0o755 });

  const server = await startServer('Courier', 'unshare', ['--mount', '--propagation', 'private', `${dir}/start.sh`], imapPort);
  const peer: ImapPeer = {
    name: 'Courier',
    imapPort,
    sentFolder: 'INBOX.Sent',
    folder: (name) => `INBOX.${name}`,
    deliver: (user: User, raw, folder = 'INBOX') => appendAs(peer, user, folder, raw),
    stop: async () => {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return peer;
}
