import { afterAll, beforeAll, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { startCuttingProxy, type CuttingProxy } from '../peers/cutting-proxy';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { appendAll, mail, rawClient, settingsFor } from '../peers/mail';

let dc: Dovecot;
let proxy: CuttingProxy;
beforeAll(async () => {
  dc = await startDovecot();
  proxy = await startCuttingProxy(dc.imapPort);
  const box = await rawClient(dc, users.agent);
  await appendAll(box, 'INBOX', Array.from({ length: 300 }, (_, i) => mail(i + 1, { body: `Body ${i + 1} ${'text '.repeat(200)}` })));
  await box.logout();
});
afterAll(async () => {
  await proxy?.stop();
  dc?.stop();
});

it('a connection dropped mid-FETCH: the pull fails, the next one resumes from the last cursor, nothing twice, nothing skipped', async () => {
  const settings = settingsFor(dc, 1, users.agent, { folders: ['INBOX'] });
  const connector = new EmailConnector({ ...settings, imap: { ...settings.imap, port: proxy.port } }, 'agent', () => users.agent.password, { batch: 100 });
  const seen: number[] = [];
  const take = (changes: { kind: string; mail?: { uid: number } }[]) => seen.push(...changes.flatMap((c) => (c.kind === 'mail' ? [c.mail!.uid] : [])));
  try {
    const first = await connector.pull(null); // committed by the cache together with its cursor
    take(first.changes);
    proxy.cutAfter(20_000); // the next FETCH dies part-way
    await expect(connector.pull(first.nextCursor)).rejects.toMatchObject({ code: 'unavailable' });
    expect(proxy.cuts).toBeGreaterThan(0);
    proxy.cutAfter(null);
    let cursor = first.nextCursor;
    for (let i = 0; i < 20; i++) {
      const page = await connector.pull(cursor);
      take(page.changes);
      cursor = page.nextCursor;
      if (page.done) break;
    }
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
  } finally {
    await connector.close();
  }
});
