/**
 * The first page fetched while the window loads (EmailConnector.warmUp), against a real Dovecot: a fresh
 * cache gets it at once, and nothing that arrives meanwhile is lost — the page's cursor brings it next.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import type { PullResult } from '../../../shared/sync';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { appendAll, mail, rawClient, settingsFor } from '../peers/mail';

let dc: Dovecot;
beforeAll(async () => {
  dc = await startDovecot();
  const box = await rawClient(dc, users.agent);
  await appendAll(box, 'INBOX', Array.from({ length: 30 }, (_, i) => mail(i + 1)));
  await box.logout();
});
afterAll(() => dc?.stop());

const subjects = (page: PullResult) => page.changes.flatMap((c) => (c.kind === 'mail' ? [c.mail.subject] : []));

it('hands a fresh cache the page fetched ahead, and what arrived since comes with the next pull', async () => {
  const connector = new EmailConnector(settingsFor(dc, 1, users.agent, { folders: ['INBOX'] }), 'agent', () => users.agent.password, { firstBatch: 10, batch: 100 });
  try {
    await connector.warmUp();
    const box = await rawClient(dc, users.agent);
    await box.append('INBOX', mail(99, { subject: 'Arrived while the window loaded' }));
    await box.logout();

    const first = await connector.pull(null);
    expect(subjects(first)).toHaveLength(10);
    expect(subjects(first)).not.toContain('Arrived while the window loaded'); // fetched before it came
    const rest: string[] = [];
    let cursor = first.nextCursor;
    for (let i = 0; i < 5; i++) {
      const page = await connector.pull(cursor);
      rest.push(...subjects(page));
      cursor = page.nextCursor;
      if (page.done) break;
    }
    expect(rest).toContain('Arrived while the window loaded');
    expect(new Set([...subjects(first), ...rest]).size).toBe(31);

    // Another window with an empty cache is not handed the same page again: it gets the mailbox as it is now.
    expect(subjects(await connector.pull(null))).toContain('Arrived while the window loaded');
  } finally {
    await connector.close();
  }
});
