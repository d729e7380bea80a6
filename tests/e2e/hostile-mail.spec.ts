/** Generated hostile mail through the whole app on Dovecot, with a restart (tests/e2e/hostile-journey.ts). */
import { users } from '../integration/peers/dovecot';
import { test } from './host';
import { hostileMailJourney } from './hostile-journey';
import { mailboxAccountsFile, useMailPeers } from './mail-peers';

const peers = useMailPeers();

test('generated hostile mail: every message cached in a ticket, shown, and still there after a restart', async ({ page }) => {
  test.setTimeout(240_000);
  await hostileMailJourney(page, 'Dovecot', (raw) => peers.dc().save(users.agent.email, raw), (dir) => mailboxAccountsFile(peers, dir));
});
