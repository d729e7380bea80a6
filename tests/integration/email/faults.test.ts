import { afterAll, beforeAll, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { startCuttingProxy, type CuttingProxy } from '../peers/cutting-proxy';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { appendAll, mail, rawClient, settingsFor } from '../peers/mail';
import { startSmtpSink, type SmtpSink } from '../peers/smtp-sink';
import { replyMessageId } from '../../../main/connectors/email/send';
import type { Mutation } from '../../../shared/mutation';

let dc: Dovecot;
let proxy: CuttingProxy;
let sink: SmtpSink;
beforeAll(async () => {
  dc = await startDovecot();
  sink = await startSmtpSink(dc.lmtpSocket);
  proxy = await startCuttingProxy(dc.imapPort);
  const box = await rawClient(dc, users.agent);
  await appendAll(box, 'INBOX', Array.from({ length: 300 }, (_, i) => mail(i + 1, { body: `Body ${i + 1} ${'text '.repeat(200)}` })));
  await box.logout();
});
afterAll(async () => {
  await sink?.stop();
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

it('a connection cut mid-APPEND (the Sent copy stored, the answer lost): the push reconnects and sends the reply once, with one copy in Sent', async () => {
  const settings = settingsFor(dc, sink.port, users.agent);
  const connector = new EmailConnector({ ...settings, imap: { ...settings.imap, port: proxy.port } }, 'agent', () => users.agent.password);
  const mutation: Mutation = {
    id: crypto.randomUUID(), accountId: 'agent', ticketId: 'agent:t1', remoteId: 'q-9@example.com', baseVersion: null, createdAt: Date.now(),
    op: { type: 'reply', text: 'Cut mid-APPEND.', internal: false },
    email: { to: [{ name: 'Alice', email: users.alice.email }], cc: [], subject: 'Re: Where is it', inReplyTo: 'q-9@example.com', references: ['q-9@example.com'], targets: [] },
  };
  const id = replyMessageId(mutation.id, users.agent.email);
  const count = async (user: { email: string; password: string }, folder: string) => {
    const box = await rawClient(dc, user);
    try {
      const lock = await box.getMailboxLock(folder);
      try {
        return ((await box.search({ header: { 'message-id': id } }, { uid: true })) || []).length;
      } finally {
        lock.release();
      }
    } finally {
      await box.logout();
    }
  };
  try {
    // The push opens the connection again once and goes on: it finds its copy in Sent and sends once.
    proxy.cutOnCompletionOf(/ APPEND /);
    expect(await connector.push(mutation)).toMatchObject({ kind: 'applied' });
    expect(proxy.cuts).toBeGreaterThan(0);
    proxy.cutOnCompletionOf(null);
    expect(sink.messages.filter((m) => m.raw.includes(id))).toHaveLength(1);
    // A repeat (the acknowledgement lost on the way to the cache) changes nothing.
    expect(await connector.push(mutation)).toMatchObject({ kind: 'applied' });
    expect(sink.messages.filter((m) => m.raw.includes(id))).toHaveLength(1);
    expect(await count(users.agent, 'Sent')).toBe(1);
    expect(await count(users.alice, 'INBOX')).toBe(1);
  } finally {
    await connector.close();
  }
});
