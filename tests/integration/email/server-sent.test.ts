import { simpleParser } from 'mailparser';
import type { ImapFlow } from 'imapflow';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { replyMessageId } from '../../../main/connectors/email/send';
import type { Mutation } from '../../../shared/mutation';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { rawClient, settingsFor } from '../peers/mail';
import { startSmtpSink, type SmtpSink } from '../peers/smtp-sink';

// A server that files its own copy of what an account sends, as Gmail does.
let dc: Dovecot;
let sink: SmtpSink;
let agentBox: ImapFlow;
beforeAll(async () => {
  dc = await startDovecot();
  sink = await startSmtpSink(dc.lmtpSocket, (m) => {
    if (m.user === users.agent.email) dc.save(users.agent.email, m.raw, 'Sent');
  });
  agentBox = await rawClient(dc, users.agent);
});
afterAll(async () => {
  staged.remove();
  await agentBox?.logout().catch(() => undefined);
  await sink?.stop();
  dc?.stop();
});

async function inSent(messageId: string): Promise<number> {
  const lock = await agentBox.getMailboxLock('Sent');
  try {
    await agentBox.noop();
    return ((await agentBox.search({ header: { 'message-id': messageId } }, { uid: true })) || []).length;
  } finally {
    lock.release();
  }
}

const invoice = Buffer.from('%PDF-1.4 real invoice');
const staged = tempDir();
const invoicePath = join(staged.path, 'invoice');
writeFileSync(invoicePath, invoice);
const files = [{ name: 'invoice.pdf', type: 'application/pdf', size: invoice.length, path: invoicePath }];

const reply = (): Mutation => ({
  id: crypto.randomUUID(), accountId: 'agent', ticketId: 'agent:t', remoteId: 'q@x', baseVersion: null, createdAt: Date.now(),
  op: { type: 'reply', text: 'The invoice is attached.', internal: false, attachments: [{ fileId: 'invoice-1', name: 'invoice.pdf', type: 'application/pdf', size: invoice.length }] },
  email: { to: [{ name: 'Alice', email: users.alice.email }], cc: [], subject: 'Re: Invoice [#3]', inReplyTo: 'q@x', references: ['q@x'], targets: [] },
});

it('where the server keeps Sent itself, one copy in Sent, also after a cut after DATA and a retry; attachments go along', async () => {
  const connector = new EmailConnector({ ...settingsFor(dc, sink.port, users.agent), sentCopy: 'server' }, 'agent', () => users.agent.password);
  try {
    const plain = reply();
    expect(await connector.push(plain, files)).toMatchObject({ kind: 'applied', messages: [{ attachments: [{ name: 'invoice.pdf' }] }] });
    expect(await inSent(replyMessageId(plain.id, users.agent.email))).toBe(1);
    const delivered = await simpleParser(sink.messages.at(-1)!.raw);
    expect(delivered.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['invoice.pdf', '%PDF-1.4 real invoice']]);

    const cut = reply();
    sink.dropAfterData(1);
    await connector.push(cut, files).catch(() => undefined);
    await connector.push(cut, files);
    const id = replyMessageId(cut.id, users.agent.email);
    expect(sink.messages.filter((m) => m.raw.includes(id))).toHaveLength(1);
    expect(await inSent(id)).toBe(1);
  } finally {
    await connector.close();
  }
});
