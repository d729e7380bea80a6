/**
 * The IMAP servers the email suite runs against: Dovecot, Cyrus IMAP and Courier IMAP, each a private
 * instance on 127.0.0.1 with the same three users (shared/PEERS.md §1 and §9). Cyrus and Courier come from
 * Debian's packages unpacked into a private folder (they conflict with dovecot-imapd as packages);
 * `tests/integration/peers/install-imap-servers.sh` puts them there and `.ci/run` calls it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startCourier } from './courier';
import { startCyrus } from './cyrus';
import { startDovecot } from './dovecot';
import { PEERS_DIR, type ImapPeer } from './imap-client';

export * from './imap-client';

/** Why a server cannot run here, or null when it can. */
export function unavailable(name: ImapPeer['name']): string | null {
  const has = (command: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (name === 'Dovecot') return has('dovecot') ? null : 'Dovecot is not installed here (sudo apt-get install dovecot-imapd dovecot-lmtpd, or bash .ci/run)';
  if (process.platform !== 'linux') return `${name} runs only on Linux CI`;
  if (process.getuid?.() !== 0) return `${name} needs root here (Cyrus drops to its own user; Courier runs in a private mount namespace)`;
  if (name === 'Cyrus' && !(existsSync(`${PEERS_DIR}/cyrus-imapd/usr/lib/cyrus/bin/imapd`) && has('/usr/lib/cyrus/bin/master'))) {
    return `Cyrus IMAP is not set up here (bash tests/integration/peers/install-imap-servers.sh, or bash .ci/run)`;
  }
  if (name === 'Courier' && !(existsSync(`${PEERS_DIR}/courier-imap/usr/bin/imapd`) && has('couriertcpd') && has('unshare'))) {
    return `Courier IMAP is not set up here (bash tests/integration/peers/install-imap-servers.sh, or bash .ci/run)`;
  }
  return null;
}

export async function startPeer(name: ImapPeer['name']): Promise<ImapPeer> {
  if (name === 'Cyrus') return startCyrus();
  if (name === 'Courier') return startCourier();
  const dc = await startDovecot();
  const peer: ImapPeer = {
    name,
    imapPort: dc.imapPort,
    sentFolder: 'Sent',
    folder: (n) => n,
    deliver: async (user, raw, folder = 'INBOX') => dc.save(user.email, raw, folder),
    stop: async () => dc.stop(),
  };
  return peer;
}

export const ALL_SERVERS: ImapPeer['name'][] = ['Dovecot', 'Cyrus', 'Courier'];
