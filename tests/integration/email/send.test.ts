import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { replyMessageId } from '../../../main/connectors/email/send';
import { memoryJournal } from '../../../main/connectors/email/smtp-journal';
import type { EmailContext } from '../../../shared/email';
import type { Mutation } from '../../../shared/mutation';
import { startDovecot, users, type Dovecot } from '../peers/dovecot';
import { mail, rawClient, settingsFor } from '../peers/mail';
import { startSmtpSink, type SmtpSink } from '../peers/smtp-sink';

let dc: Dovecot;
let sink: SmtpSink;
let agent: EmailConnector;
let aliceBox: ImapFlow;
let agentBox: ImapFlow;

beforeAll(async () => {
  dc = await startDovecot();
  sink = await startSmtpSink(dc.lmtpSocket);
  agent = new EmailConnector(settingsFor(dc, sink.port, users.agent), 'agent', () => users.agent.password);
  aliceBox = await rawClient(dc, users.alice);
  agentBox = await rawClient(dc, users.agent);
});
afterAll(async () => {
  await agent?.close();
  await aliceBox?.logout().catch(() => undefined);
  await agentBox?.logout().catch(() => undefined);
  await sink?.stop();
  dc?.stop();
});

const context = (extra: Partial<EmailContext> = {}): EmailContext => ({
  to: [{ name: 'Alice', email: users.alice.email }],
  cc: [],
  subject: 'Re: Refund for order #41234 [#7]',
  inReplyTo: 'question-1@example.com',
  references: ['question-1@example.com'],
  targets: [],
  ...extra,
});

const reply = (text: string, email = context()): Mutation => ({
  id: crypto.randomUUID(),
  accountId: 'agent',
  ticketId: 'agent:t1',
  remoteId: 'question-1@example.com',
  baseVersion: null,
  createdAt: Date.now(),
  op: { type: 'reply', text, internal: false },
  email,
});

async function countByMessageId(client: ImapFlow, folder: string, messageId: string): Promise<number> {
  const lock = await client.getMailboxLock(folder);
  try {
    await client.noop(); // let the server tell this session about mail delivered since it selected the folder
    return ((await client.search({ header: { 'message-id': messageId } }, { uid: true })) || []).length;
  } finally {
    lock.release();
  }
}

describe('replies over SMTP, exactly once', () => {
  it('reaches the customer’s INBOX and the Sent folder once, threaded to the question', async () => {
    const mutation = reply('Refund issued today.');
    expect(await agent.push(mutation)).toMatchObject({ kind: 'applied' });
    const id = replyMessageId(mutation.id, users.agent.email);
    expect(await countByMessageId(aliceBox, 'INBOX', id)).toBe(1);
    expect(await countByMessageId(agentBox, 'Sent', id)).toBe(1);
    const delivered = sink.messages.find((m) => m.raw.includes(id))!;
    expect(delivered.raw).toMatch(/^In-Reply-To: <question-1@example.com>/m);
    expect(delivered.raw).toMatch(/^Subject: Re: Refund for order #41234 \[#7\]/m);
    expect(delivered.user).toBe(users.agent.email);
  });

  it('sending the same mutation again delivers nothing more', async () => {
    const mutation = reply('Once only.');
    await agent.push(mutation);
    const before = sink.messages.length;
    expect(await agent.push(mutation)).toMatchObject({ kind: 'applied' });
    expect(sink.messages.length).toBe(before);
    expect(await countByMessageId(aliceBox, 'INBOX', replyMessageId(mutation.id, users.agent.email))).toBe(1);
  });

  it('a connection cut after DATA, then a retry: still exactly one copy in INBOX and in Sent', async () => {
    const mutation = reply('Cut after DATA.');
    sink.dropAfterData(1);
    const first = await agent.push(mutation).catch((e: unknown) => e);
    const retry = await agent.push(mutation);
    expect(retry).toMatchObject({ kind: 'applied' });
    const id = replyMessageId(mutation.id, users.agent.email);
    expect(sink.messages.filter((m) => m.raw.includes(id))).toHaveLength(1);
    expect(await countByMessageId(aliceBox, 'INBOX', id)).toBe(1);
    expect(await countByMessageId(agentBox, 'Sent', id)).toBe(1);
    expect(sink.dropped).toBe(1);
    expect(first).toMatchObject({ kind: 'applied' }); // the outcome was unknown: treated as sent, never resent
    const lock = await agentBox.getMailboxLock('Sent');
    try {
      const [uid] = (await agentBox.search({ header: { 'message-id': id } }, { uid: true })) || [];
      const copy = await agentBox.fetchOne(String(uid), { flags: true }, { uid: true });
      expect(copy && [...(copy.flags ?? [])]).toContain('$sb-unconfirmed');
    } finally {
      lock.release();
    }
  });

  it('the app died after the Sent copy was made, before DATA: the retry sends it, once; after DATA: never again', async () => {
    const journal = memoryJournal();
    const crashed = new EmailConnector(settingsFor(dc, sink.port, users.agent), 'agent', () => users.agent.password, { journal });
    try {
      const copyOfCrashed = async (mutation: Mutation) => {
        const id = replyMessageId(mutation.id, users.agent.email);
        await agentBox.append('Sent', Buffer.from(`Message-ID: <${id}>\r\nSubject: interrupted\r\n\r\nhalf way\r\n`), ['\\Seen', '$sb-sending']);
        return id;
      };
      const beforeData = reply('Killed before DATA.');
      const id = await copyOfCrashed(beforeData);
      expect(await crashed.push(beforeData)).toMatchObject({ kind: 'applied' });
      expect(sink.messages.filter((m) => m.raw.includes(id))).toHaveLength(1);
      expect(await countByMessageId(aliceBox, 'INBOX', id)).toBe(1);
      expect(await countByMessageId(agentBox, 'Sent', id)).toBe(1);

      const afterData = reply('Killed after DATA.');
      const id2 = await copyOfCrashed(afterData);
      journal.markData(id2); // the server had said "354 go ahead" when the app died
      expect(await crashed.push(afterData)).toMatchObject({ kind: 'applied' });
      expect(sink.messages.filter((m) => m.raw.includes(id2))).toHaveLength(0); // may have been delivered: not risked twice
    } finally {
      await crashed.close();
    }
  });

  it('a recipient the server refuses: rejected with its words, and no copy left in Sent', async () => {
    const mutation = reply('To nobody.', context({ to: [{ name: 'Ghost', email: 'ghost@example.test' }] }));
    const result = await agent.push(mutation);
    expect(result).toMatchObject({ kind: 'rejected' });
    expect(result.kind === 'rejected' && result.reason).toMatch(/refused the reply.*ghost@example.test/);
    expect(await countByMessageId(agentBox, 'Sent', replyMessageId(mutation.id, users.agent.email))).toBe(0);
  });
});

describe('team triage as IMAP keywords', () => {
  it('status, assignee and tags set by one agent are read by a second one sharing the mailbox', async () => {
    await agentBox.append('INBOX', mail(1, { subject: 'Shared question' }));
    const first = await agent.pull(null);
    const question = first.changes.flatMap((c) => (c.kind === 'mail' && c.mail.subject === 'Shared question' ? [c.mail] : []))[0]!;
    const target = { folder: question.folder, uidValidity: question.uidValidity, uid: question.uid };
    const change = (op: Mutation['op']): Mutation => ({ ...reply(''), op, email: context({ targets: [target] }) });
    await agent.push(change({ type: 'setStatus', status: 'pending' }));
    await agent.push(change({ type: 'setAssignee', assigneeId: 'agent:agent@example.test' }));
    await agent.push(change({ type: 'setTags', tags: ['refund', 'vip'] }));
    await agent.push(change({ type: 'setTags', tags: ['refund'] }));
    await agent.push(change({ type: 'markSeen' }));
    await agent.push(change({ type: 'setFlagged', flagged: true }));
    await agent.push({ ...reply('On it.'), email: context({ targets: [target], replyTo: target }) });

    const colleague = new EmailConnector(settingsFor(dc, sink.port, users.agent), 'colleague', () => users.agent.password);
    const seen = (await colleague.pull(null)).changes.flatMap((c) => (c.kind === 'mail' && c.mail.subject === 'Shared question' ? [c.mail] : []))[0]!;
    expect(seen.flags).toEqual(expect.arrayContaining(['$sb-status-pending', '$sb-assignee-agent@example.test', '$sb-tag-refund']));
    expect(seen.flags).not.toContain('$sb-tag-vip');
    expect(seen.flags).toEqual(expect.arrayContaining(['\\Seen', '\\Answered', '\\Flagged'])); // read, answered, flagged
    await agent.push(change({ type: 'setFlagged', flagged: false }));
    const after = (await colleague.pull(null)).changes.flatMap((c) => (c.kind === 'mail' && c.mail.subject === 'Shared question' ? [c.mail] : []))[0]!;
    expect(after.flags).not.toContain('\\Flagged');
    expect(after.flags).toContain('\\Seen');
    await colleague.close();
  });
});
