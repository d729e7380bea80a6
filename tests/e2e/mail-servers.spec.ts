/**
 * The hostile-mail journey with its restart (tests/e2e/hostile-journey.ts) on the other two real IMAP
 * servers, Cyrus and Courier, which differ from Dovecot in what they announce and refuse (Courier: no
 * CONDSTORE/QRESYNC, no UIDNEXT in SELECT). Each runs where it is set up (.ci/run sets both up) and says
 * why it is skipped elsewhere.
 */
import { startPeer, unavailable, users, type ImapPeer } from '../integration/peers/imap-peers';
import type { MailOptions } from '../support/hostile-mail';
import { test } from './host';
import { hostileMailJourney } from './hostile-journey';
import { agentAccountsFile } from './mail-peers';

/** No reply is sent in this journey: the account's SMTP port is one nothing listens on. */
const UNUSED_SMTP_PORT = 9;
/**
 * Cyrus reads a message whose headers run straight into its body (no blank line) as all headers: the
 * body's text is no longer the message's as sent, on the server itself (the connector suite leaves it out
 * for the same reason, tests/integration/email/servers.test.ts).
 */
const KEPT_AS_SENT: Record<'Cyrus' | 'Courier', MailOptions> = { Cyrus: { structures: ['single', 'mixed', 'alternative', 'unclosed', 'bad-disposition', 'untyped-part'] }, Courier: {} };

for (const name of ['Cyrus', 'Courier'] as const) {
  test.describe(name, () => {
    const why = unavailable(name);
    if (why) console.log(`skipped: the hostile-mail journey on ${name} — ${why}`);
    test.skip(why !== null, why ?? '');
    let peer: ImapPeer | undefined;
    test.beforeAll(async () => {
      peer = await startPeer(name);
    });
    test.afterAll(async () => {
      await peer?.stop();
    });

    test(`generated hostile mail on ${name}: every message cached in a ticket, shown, and still there after a restart`, async ({ page }) => {
      test.setTimeout(300_000);
      await hostileMailJourney(page, name, (raw) => peer!.deliver(users.agent, raw), (dir) => agentAccountsFile(dir, peer!.imapPort, UNUSED_SMTP_PORT), KEPT_AS_SENT[name]);
    });
  });
}
