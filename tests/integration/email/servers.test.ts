/**
 * The email channel against three real IMAP servers — Dovecot, Cyrus and Courier — which differ in what
 * they announce and refuse (Courier: no UIDNEXT in SELECT, no CONDSTORE/QRESYNC, folders under "INBOX.";
 * Cyrus: 100 keywords per mailbox). The same journey on each: initial sync of generated hostile mail,
 * a restart (a new connector from the saved cursor) with nothing lost, incremental changes, IDLE,
 * keywords both ways, a reply delivered once, and triage queued across a UIDVALIDITY change.
 */
import fc from 'fast-check';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailConnector } from '../../../main/connectors/email/connector';
import { memoryJournal } from '../../../main/connectors/email/smtp-journal';
import type { ImapAccountSettings } from '../../../shared/accounts';
import type { MailMessage, MailTarget } from '../../../shared/email';
import type { Mutation, MutationOp } from '../../../shared/mutation';
import type { Change } from '../../../shared/sync';
import { hostileMail } from '../../support/hostile-mail';
import { ALL_SERVERS, clientOf, recreate, startPeer, unavailable, users, type ImapPeer, type User } from '../peers/imap-peers';
import { startSmtpSink, type SmtpSink } from '../peers/smtp-sink';

const mails = (changes: Change[]) => changes.flatMap((c) => (c.kind === 'mail' ? [c.mail] : []));

async function pullAll(connector: EmailConnector, cursor: string | null) {
  const changes: Change[] = [];
  for (let i = 0; i < 100; i++) {
    const page = await connector.pull(cursor);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (page.done) break;
  }
  return { changes, cursor: cursor! };
}

const target = (m: MailMessage): MailTarget => ({ folder: m.folder, uidValidity: m.uidValidity, uid: m.uid, messageId: m.messageId, fingerprint: m.fingerprint });

const mutation = (op: MutationOp, targets: MailTarget[], extra: Partial<NonNullable<Mutation['email']>> = {}): Mutation => ({
  id: crypto.randomUUID(), accountId: 'agent', ticketId: 'agent:t', remoteId: 't', baseVersion: null, createdAt: Date.now(), op,
  email: { to: [{ name: 'Alice', email: users.alice.email }], cc: [], subject: 'Re: Question', inReplyTo: null, references: [], targets, ...extra },
});

/** Each message's flags on the server, by its UID and by its (ASCII) subject. */
async function flagsOf(client: ImapFlow, folder: string): Promise<Map<string | number, string[]>> {
  const lock = await client.getMailboxLock(folder);
  try {
    await client.noop();
    const out = new Map<string | number, string[]>();
    for await (const m of client.fetch('1:*', { uid: true, flags: true, envelope: true }, { uid: true })) {
      out.set(m.uid, [...(m.flags ?? [])]);
      out.set(m.envelope?.subject ?? '', [...(m.flags ?? [])]);
    }
    return out;
  } finally {
    lock.release();
  }
}

const plain = (n: number, subject: string, from = `customer${n}@example.com`) =>
  `From: Customer ${n} <${from}>\r\nTo: agent@example.test\r\nSubject: ${subject}\r\nMessage-ID: <srv-${n}-${Math.random().toString(36).slice(2)}@example.com>\r\nDate: Mon, 2 Nov 2026 10:${String(n % 60).padStart(2, '0')}:00 +0000\r\n\r\nBody of ${subject}\r\n`;

for (const name of ALL_SERVERS) {
  const why = unavailable(name);
  if (why) console.log(`skipped: the email suite against ${name}: ${why}`);

  describe.skipIf(!!why)(`email against ${name}`, () => {
    let peer: ImapPeer;
    let sink: SmtpSink;
    const userOf = (email: string): User => Object.values(users).find((u) => u.email === email.toLowerCase())!;
    const settings = (extra: Partial<ImapAccountSettings> = {}): ImapAccountSettings => ({
      type: 'imap', name: 'Support', email: users.agent.email, username: users.agent.email,
      imap: { host: '127.0.0.1', port: peer.imapPort, security: 'none' }, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
      // The defaults an agent leaves in Settings: "Sent" is found on each server as it names it (folders.ts).
      folders: ['INBOX', 'Sent'], signature: '', sentCopy: 'auto', ...extra,
    });
    const connector = (extra: Partial<ImapAccountSettings> = {}) => new EmailConnector(settings(extra), 'agent', () => users.agent.password, { batch: 40, journal: memoryJournal() });

    beforeAll(async () => {
      peer = await startPeer(name);
      sink = await startSmtpSink(async (to, raw) => {
        for (const address of to) await peer.deliver(userOf(address), raw);
      });
    }, 60_000);
    afterAll(async () => {
      await sink?.stop();
      await peer?.stop();
    });

    let cursor: string;
    let seen: MailMessage[] = [];

    it('syncs generated hostile mail, and a restart from the saved cursor loses and repeats nothing', async () => {
      const corpus = fc.sample(hostileMail({ structures: ['single', 'mixed', 'alternative', 'unclosed', 'bad-disposition', 'untyped-part'] }), { numRuns: 60, seed: 16 });
      for (const mail of corpus) await peer.deliver(users.agent, mail.raw);
      const first = connector();
      const half = await first.pull(null);
      await first.close();
      // A restart: a new connector (a new host) goes on from the cursor the cache kept.
      const rest = await pullAll(connector(), half.nextCursor);
      cursor = rest.cursor;
      seen = [...mails(half.changes), ...mails(rest.changes)];
      expect(seen).toHaveLength(corpus.length);
      expect(new Set(seen.map((m) => `${m.folder}|${m.uid}`)).size).toBe(corpus.length);
      for (const mail of corpus) {
        const got = seen.find((m) => m.text.includes(mail.marker));
        expect(got, `message ${mail.marker}`).toBeDefined();
        expect(got!.subject).toBe(mail.subject);
        expect(got!.from.name).toBe(mail.fromName);
        expect(got!.uidValidity).toBeGreaterThan(0);
      }
    });

    it('brings new mail, flag changes and expunges after a restart, and nothing else', async () => {
      const restarted = connector();
      await peer.deliver(users.agent, plain(900, 'After the restart'));
      const box = await clientOf(peer, users.agent);
      const [flagged, gone] = [seen[0]!, seen[1]!];
      try {
        const lock = await box.getMailboxLock('INBOX');
        try {
          await box.messageFlagsAdd(String(flagged.uid), ['\\Flagged'], { uid: true });
          await box.messageDelete(String(gone.uid), { uid: true });
        } finally {
          lock.release();
        }
      } finally {
        await box.logout();
      }
      const next = await pullAll(restarted, cursor);
      await restarted.close();
      cursor = next.cursor;
      expect(mails(next.changes).map((m) => m.subject)).toEqual(['After the restart']);
      const flags = next.changes.flatMap((c) => (c.kind === 'mailFlags' && c.flags.uid === flagged.uid ? [c.flags.flags] : []));
      expect(flags.at(-1)).toContain('\\Flagged');
      const goneNow = next.changes.some((c) => (c.kind === 'mailGone' && c.gone.uid === gone.uid) || (c.kind === 'mailSnapshot' && !c.snapshot.uids.includes(gone.uid) && c.snapshot.upTo >= gone.uid));
      expect(goneNow).toBe(true);
    });

    it('tells of new mail while idle', async () => {
      const watcher = connector();
      let notified = 0;
      const stop = watcher.watch(() => notified++);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1000)); // the watcher selects INBOX and idles
        await peer.deliver(users.agent, plain(901, 'While idle'));
        // Dovecot batches notices by 0.5 s, Cyrus's idled is instant, this Courier polls every 5 s.
        await expect.poll(() => notified, { timeout: 12_000, interval: 100 }).toBeGreaterThan(0);
      } finally {
        stop();
        await watcher.close();
      }
    });

    it('shares triage as keywords both ways', async () => {
      const agent = connector();
      const message = seen[2]!;
      for (const op of [{ type: 'setStatus', status: 'on-hold' }, { type: 'setTags', tags: ['refund', 'VIP customer'] }, { type: 'setAssignee', assigneeId: 'maria@example.test' }, { type: 'setPriority', priority: 'urgent' }] as MutationOp[]) {
        expect(await agent.push(mutation(op, [target(message)]))).toMatchObject({ kind: 'applied' });
      }
      const box = await clientOf(peer, users.agent);
      try {
        const flags = (await flagsOf(box, 'INBOX')).get(message.uid)!;
        expect(flags).toEqual(expect.arrayContaining(['$sb-status-on-hold', '$sb-tag-refund', '$sb-tag-vip-customer', '$sb-assignee-maria@example.test', '$sb-priority-urgent']));
        // A colleague's change, made with another client, comes back in the next pull.
        const lock = await box.getMailboxLock('INBOX');
        try {
          await box.messageFlagsRemove(String(message.uid), ['$sb-status-on-hold'], { uid: true });
          await box.messageFlagsAdd(String(message.uid), ['$sb-status-solved'], { uid: true });
        } finally {
          lock.release();
        }
      } finally {
        await box.logout();
      }
      const next = await pullAll(agent, cursor);
      cursor = next.cursor;
      await agent.close();
      const latest = next.changes.flatMap((c) => (c.kind === 'mailFlags' && c.flags.uid === message.uid ? [c.flags.flags] : [])).at(-1);
      expect(latest).toEqual(expect.arrayContaining(['$sb-status-solved', '$sb-tag-refund']));
      expect(latest).not.toContain('$sb-status-on-hold');
    });

    it('sends a reply once: one copy to the customer, one in Sent, also when pushed again; the status chosen with it lands on the conversation', async () => {
      const agent = connector();
      const question = seen[3]!;
      const reply = mutation({ type: 'reply', text: 'Your refund is on its way.', internal: false, status: 'on-hold' }, [target(question)], { replyTo: target(question), subject: `Re: ${question.subject}`, inReplyTo: question.messageId, references: [question.messageId] });
      expect(await agent.push(reply)).toMatchObject({ kind: 'applied' });
      expect(await agent.push(reply)).toMatchObject({ kind: 'applied' });
      await agent.close();
      const count = async (user: User, folder: string) => {
        const box = await clientOf(peer, user);
        try {
          const lock = await box.getMailboxLock(folder);
          try {
            await box.noop();
            return ((await box.search({ body: 'Your refund is on its way' }, { uid: true })) || []).length;
          } finally {
            lock.release();
          }
        } finally {
          await box.logout();
        }
      };
      expect(await count(users.alice, 'INBOX')).toBe(1);
      expect(await count(users.agent, peer.sentFolder)).toBe(1);
      expect(sink.messages.filter((m) => m.raw.includes('Your refund is on its way'))).toHaveLength(1);
      // "Reply and set: On hold" is a keyword; "Pending" is an answered conversation without one (it costs none).
      const box = await clientOf(peer, users.agent);
      try {
        expect((await flagsOf(box, 'INBOX')).get(question.uid)).toEqual(expect.arrayContaining(['$sb-status-on-hold', '\\Answered']));
      } finally {
        await box.logout();
      }
      const again = connector();
      const solvedOne = seen[2]!; // solved by a colleague above
      expect(await again.push(mutation({ type: 'reply', text: 'Anything else?', internal: false, status: 'pending' }, [target(solvedOne)], { replyTo: target(solvedOne), subject: 'Re: x', inReplyTo: solvedOne.messageId, references: [solvedOne.messageId] }))).toMatchObject({ kind: 'applied' });
      await again.close();
      const after = await clientOf(peer, users.agent);
      try {
        expect((await flagsOf(after, 'INBOX')).get(solvedOne.uid)!.filter((f) => f.startsWith('$sb-status-'))).toEqual([]);
      } finally {
        await after.logout();
      }
    });

    it('keeps a note for the team in the mailbox’s notes folder: threaded, read back as a note after a restart, never sent', async () => {
      const question = seen[4]!;
      const note = mutation({ type: 'reply', text: 'Called her: wants a refund, not a repair.', internal: true }, [target(question)], { inReplyTo: question.messageId, references: [question.messageId], subject: `Re: ${question.subject}` });
      const agent = connector();
      expect(await agent.push(note)).toMatchObject({ kind: 'applied', messages: [{ internal: true, text: 'Called her: wants a refund, not a repair.' }] });
      expect(await agent.push(note)).toMatchObject({ kind: 'applied' }); // a repeat after a lost answer: still one note
      await agent.close();
      // A restart: the folder made by the note is synced from the saved cursor, and the note is a note.
      const after = await pullAll(connector(), cursor);
      cursor = after.cursor;
      const notes = mails(after.changes).filter((m) => m.text.includes('Called her'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ note: true, inReplyTo: question.messageId, outgoing: true });
      expect(sink.messages.filter((m) => m.raw.includes('Called her'))).toEqual([]);
      // A customer's mail carrying the header elsewhere is no note.
      await peer.deliver(users.agent, Buffer.from(`From: Mallory <mallory@example.test>\r\nTo: ${users.agent.email}\r\nSubject: Not a note\r\nMessage-ID: <fake-note@example.test>\r\nX-Switchboard-Note: internal\r\n\r\nPretending to be a note.\r\n`));
      const later = await pullAll(connector(), cursor);
      cursor = later.cursor;
      expect(mails(later.changes).find((m) => m.subject === 'Not a note')?.note).toBeUndefined();
    });

    it('triage queued before the server renumbered the folder lands on the message it was meant for', async () => {
      const folder = peer.folder('Support');
      const anna = plain(910, 'Anna asks', 'anna@example.ru');
      const boris = plain(911, 'Boris asks', 'boris@example.ru');
      const setup = await clientOf(peer, users.agent);
      try {
        await setup.mailboxCreate(folder).catch(() => undefined);
        await setup.append(folder, anna);
        await setup.append(folder, boris);
      } finally {
        await setup.logout();
      }
      const agent = connector({ folders: ['INBOX', folder] });
      const synced = mails((await pullAll(agent, null)).changes).filter((m) => m.folder === folder);
      const annaMessage = synced.find((m) => m.subject === 'Anna asks')!;
      // Queued offline; meanwhile the server renumbers the folder, Boris's message first this time.
      const queued = mutation({ type: 'setStatus', status: 'solved' }, [target(annaMessage)]);
      await recreate(peer, users.agent, folder, [boris, anna]);
      expect(await agent.push(queued)).toMatchObject({ kind: 'applied' });
      const check = await clientOf(peer, users.agent);
      try {
        const flags = await flagsOf(check, folder);
        expect(flags.get('Anna asks')).toContain('$sb-status-solved');
        expect(flags.get('Boris asks')).not.toContain('$sb-status-solved');
      } finally {
        await check.logout();
      }
      // A change whose message is no longer anywhere fails visibly, with the reason.
      await recreate(peer, users.agent, folder, [boris]);
      const lost = await agent.push(mutation({ type: 'setStatus', status: 'pending' }, [target(annaMessage)]));
      expect(lost).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('can be found on the mail server any more') });
      await agent.close();
    });

    // Only Cyrus limits keywords per mailbox (100); Dovecot and Courier take as many as they are given.
    if (name === 'Cyrus') it('a keyword the server refuses is a failed change with the server’s words, not “saved”', async () => {
      const box = await clientOf(peer, users.agent);
      const message = seen[4]!;
      try {
        const lock = await box.getMailboxLock('INBOX');
        try {
          // Fill the mailbox's keyword slots (Cyrus allows 100 user flags per mailbox).
          for (let i = 0; i < 100; i++) if (!(await box.messageFlagsAdd(String(message.uid), [`$filler${i}`], { uid: true }))) break;
        } finally {
          lock.release();
        }
      } finally {
        await box.logout();
      }
      const agent = connector();
      const result = await agent.push(mutation({ type: 'setTags', tags: ['brand-new-tag'] }, [target(message)]));
      await agent.close();
      expect(result).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/refused|does not accept/) });
      expect(result.kind === 'rejected' && result.reason).toMatch(/Too many user flags|does not accept new keywords/);
    });
  });
}
