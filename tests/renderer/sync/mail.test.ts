import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../shared/email';
import type { Change } from '../../../shared/sync';
import { applyChanges } from '../../../renderer/sync/pull';
import { emailContextFor } from '../../../renderer/sync/reply-context';
import { enqueue } from '../../../renderer/sync/outbox';
import { freshDb } from '../fixtures';

const ACC = 'imap:agent';
let uid = 0;
function mail(patch: Partial<MailMessage> & { messageId: string }): MailMessage {
  uid++;
  return {
    accountId: ACC, folder: 'INBOX', uidValidity: 1, uid, inReplyTo: null, references: [], subject: 'Refund please',
    from: { name: 'Anna', email: 'anna@example.ru' }, to: [{ name: 'Support', email: 'agent@example.test' }], cc: [],
    date: Date.UTC(2026, 10, 20) + uid * 60_000, fingerprint: `v1.fp${uid}`, text: `text ${uid}`, html: null, attachments: [], inline: [], flags: [], broken: false, tooLarge: false,
    outgoing: false, size: 100, ...patch,
  };
}
const m = (x: MailMessage): Change => ({ kind: 'mail', mail: x });
const me = { id: `${ACC}:agent@example.test`, accountId: ACC, name: 'Support', email: 'agent@example.test' };

describe('email threading in the cache (real IndexedDB)', () => {
  it('a reply that arrives before its question (newest first) still makes one ticket', async () => {
    const db = await freshDb();
    const reply = mail({ messageId: 'r1@x', inReplyTo: 'q1@x', references: ['q1@x'], subject: 'Re: Refund please', from: { name: 'Support', email: 'agent@example.test' }, to: [{ name: 'Anna', email: 'anna@example.ru' }], outgoing: true });
    await applyChanges(db, ACC, [m(reply)]);
    await applyChanges(db, ACC, [m(mail({ messageId: 'q1@x', date: reply.date - 3600_000 }))]);
    const tickets = await db.tickets.toArray();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ subject: 'Refund please', messageCount: 2, status: 'pending', customerId: 'customer:anna@example.ru', number: 1 });
    expect(tickets[0]!.firstResponseAt).toBe(reply.date);
    expect(tickets[0]!.unread).toBe(true); // the question has no \Seen yet
    expect(await db.customers.get('customer:anna@example.ru')).toMatchObject({ name: 'Anna' });
  });

  it('threads by subject tag when headers are missing, and by subject + participant as a last resort', async () => {
    const db = await freshDb();
    await applyChanges(db, ACC, [m(mail({ messageId: 'a@x', subject: 'Login broken' }))]);
    const [first] = await db.tickets.toArray();
    await applyChanges(db, ACC, [
      m(mail({ messageId: 'b@x', subject: `Re: Login broken [#${first!.number}]`, from: { name: 'Someone', email: 'other@example.com' } })),
      m(mail({ messageId: 'c@x', subject: 'RE: Login broken' })),
      m(mail({ messageId: 'd@x', subject: 'Login broken', from: { name: 'Bob', email: 'bob@example.com' } })),
    ]);
    const tickets = await db.tickets.toArray();
    expect(tickets).toHaveLength(2);
    expect(tickets.find((t) => t.id === first!.id)?.messageCount).toBe(3);
  });

  it('the same message in INBOX and Sent is one message with two copies', async () => {
    const db = await freshDb();
    const own = mail({ messageId: 'own@x', outgoing: true, from: { name: 'Support', email: 'agent@example.test' } });
    await applyChanges(db, ACC, [m(own), m({ ...own, folder: 'Sent', uid: 900 })]);
    const [message] = await db.messages.toArray();
    expect(message?.email?.locations.map((l) => l.folder).sort()).toEqual(['INBOX', 'Sent']);
    expect(await db.messages.count()).toBe(1);
  });

  it('triage keywords set by a colleague become the ticket’s status, assignee and tags', async () => {
    const db = await freshDb();
    const q = mail({ messageId: 'k@x' });
    await applyChanges(db, ACC, [m(q)]);
    await applyChanges(db, ACC, [{ kind: 'mailFlags', flags: { accountId: ACC, folder: 'INBOX', uidValidity: 1, uid: q.uid, flags: ['\\Seen', '$sb-status-on-hold', '$sb-assignee-maria@example.test', '$sb-tag-refund', '$sb-priority-urgent'] } }]);
    const [ticket] = await db.tickets.toArray();
    expect(ticket).toMatchObject({ status: 'on-hold', assigneeId: `${ACC}:maria@example.test`, tags: ['refund'], priority: 'urgent' });
    expect(await db.agents.get(`${ACC}:maria@example.test`)).toBeDefined();
  });

  it('each triage keyword is read from the latest message carrying it: a later tag, or our reply, does not lose the status', async () => {
    const db = await freshDb();
    const q = mail({ messageId: 'f1@x' });
    const reply = mail({ messageId: 'f2@x', inReplyTo: 'f1@x', references: ['f1@x'], folder: 'Sent', from: { name: 'Support', email: 'agent@example.test' }, to: [{ name: 'Anna', email: 'anna@example.ru' }], outgoing: true });
    await applyChanges(db, ACC, [m(q), m(reply)]);
    await applyChanges(db, ACC, [{ kind: 'mailFlags', flags: { accountId: ACC, folder: 'INBOX', uidValidity: 1, uid: q.uid, flags: ['$sb-status-on-hold', '$sb-tag-refund'] } }]);
    // A colleague tagged it after our reply: the reply carries tags only.
    await applyChanges(db, ACC, [{ kind: 'mailFlags', flags: { accountId: ACC, folder: 'Sent', uidValidity: 1, uid: reply.uid, flags: ['$sb-tag-refund', '$sb-tag-vip'] } }]);
    const [ticket] = await db.tickets.toArray();
    expect(ticket).toMatchObject({ status: 'on-hold', tags: ['refund', 'vip'] });
  });

  it('a team note from the notes folder joins its conversation as a note: no answer, no change of status', async () => {
    const db = await freshDb();
    const q = mail({ messageId: 'n1@x' });
    const note = mail({ messageId: 'n2@x', inReplyTo: 'n1@x', references: ['n1@x'], folder: 'Switchboard Notes', subject: 'Note: Re: Refund please', from: { name: 'Support', email: 'agent@example.test' }, outgoing: true, note: true });
    await applyChanges(db, ACC, [m(q), m(note)]);
    const [ticket] = await db.tickets.toArray();
    expect(ticket).toMatchObject({ status: 'new', firstResponseAt: null, messageCount: 2 });
    expect((await db.messages.toArray()).map((x) => [x.text, x.internal, x.direction])).toEqual([['text ' + q.uid, false, 'in'], ['text ' + note.uid, true, 'out']]);
  });

  it('a customer who writes after the ticket was set waiting or solved reopens it; closed stays closed', async () => {
    for (const [set, expected] of [['pending', 'open'], ['on-hold', 'open'], ['solved', 'open'], ['closed', 'closed']] as const) {
      const db = await freshDb();
      const q = mail({ messageId: `o1-${set}@x` });
      await applyChanges(db, ACC, [m(q)]);
      await applyChanges(db, ACC, [{ kind: 'mailFlags', flags: { accountId: ACC, folder: 'INBOX', uidValidity: 1, uid: q.uid, flags: [`$sb-status-${set}`] } }]);
      expect((await db.tickets.toArray())[0]?.status).toBe(set);
      await applyChanges(db, ACC, [m(mail({ messageId: `o2-${set}@x`, inReplyTo: `o1-${set}@x`, references: [`o1-${set}@x`] }))]);
      expect((await db.tickets.toArray())[0]?.status).toBe(expected);
    }
  });

  it('a message flagged on the server (\\Flagged) flags its conversation, and unflagging clears it', async () => {
    const db = await freshDb();
    const q = mail({ messageId: 'flag@x', flags: ['\\Flagged'] });
    await applyChanges(db, ACC, [m(q), m(mail({ messageId: 'flag-2@x', inReplyTo: 'flag@x', references: ['flag@x'] }))]);
    expect((await db.tickets.toArray()).map((t) => t.flagged)).toEqual([true]);
    await applyChanges(db, ACC, [{ kind: 'mailFlags', flags: { accountId: ACC, folder: 'INBOX', uidValidity: 1, uid: q.uid, flags: ['\\Seen'] } }]);
    expect((await db.tickets.toArray()).map((t) => t.flagged)).toEqual([false]);
  });

  it('expunged copies disappear; a conversation with no messages left is gone; a UIDVALIDITY reset drops the old numbering', async () => {
    const db = await freshDb();
    const a = mail({ messageId: 'gone@x' });
    const b = mail({ messageId: 'stale@x', subject: 'Another' });
    await applyChanges(db, ACC, [m(a), m(b)]);
    await applyChanges(db, ACC, [{ kind: 'mailGone', gone: { accountId: ACC, folder: 'INBOX', uidValidity: 1, uid: a.uid } }]);
    expect((await db.tickets.toArray()).map((t) => t.subject)).toEqual(['Another']);
    await applyChanges(db, ACC, [{ kind: 'mailReset', reset: { accountId: ACC, folder: 'INBOX', uidValidity: 2 } }]);
    expect(await db.tickets.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });

  it('a snapshot without QRESYNC removes what is no longer on the server', async () => {
    const db = await freshDb();
    const a = mail({ messageId: 's1@x', subject: 'One' });
    const b = mail({ messageId: 's2@x', subject: 'Two' });
    await applyChanges(db, ACC, [m(a), m(b)]);
    await applyChanges(db, ACC, [{ kind: 'mailSnapshot', snapshot: { accountId: ACC, folder: 'INBOX', uidValidity: 1, upTo: b.uid, uids: [b.uid] } }]);
    expect((await db.tickets.toArray()).map((t) => t.subject)).toEqual(['Two']);
  });

  it('a reply goes to the customer only unless the agent chooses all; it carries the tag and the whole thread', async () => {
    const db = await freshDb();
    await applyChanges(db, ACC, [m(mail({ messageId: 'q@x', subject: 'Invoice', cc: [{ name: 'Boss', email: 'boss@example.ru' }] }))]);
    const [ticket] = await db.tickets.toArray();
    const context = await emailContextFor(db, ticket!, me);
    expect(context).toMatchObject({
      to: [{ name: 'Anna', email: 'anna@example.ru' }],
      cc: [],
      subject: `Re: Invoice [#${ticket!.number}]`,
      inReplyTo: 'q@x',
      references: ['q@x'],
    });
    expect(context!.targets).toHaveLength(1);
    // Reply all copies the others — never the support mailbox itself (its copy would come back as new mail).
    const all = await emailContextFor(db, ticket!, me, { type: 'reply', text: 'x', internal: false, mode: 'replyAll' });
    expect(all).toMatchObject({ to: [{ email: 'anna@example.ru' }], cc: [{ name: 'Boss', email: 'boss@example.ru' }] });
    const forward = await emailContextFor(db, ticket!, me, { type: 'reply', text: 'x', internal: false, mode: 'forward', forwardTo: ['billing@example.ru'] });
    expect(forward).toMatchObject({ to: [{ email: 'billing@example.ru' }], cc: [], subject: `Fwd: Invoice [#${ticket!.number}]`, replyTo: null, inReplyTo: 'q@x' });
  });

  it('when a colleague on Cc wrote last, the reply still goes to the ticket’s customer, and reply all skips our own addresses', async () => {
    const db = await freshDb();
    const q = mail({ messageId: 'cc-q@x', subject: 'Delivery', to: [{ name: 'Support', email: 'agent@example.test' }], cc: [{ name: 'Bob', email: 'bob@example.ru' }] });
    const ours = mail({ messageId: 'cc-a@x', inReplyTo: 'cc-q@x', references: ['cc-q@x'], subject: 'Re: Delivery', outgoing: true, from: { name: 'Support', email: 'support@example.test' }, to: [{ name: 'Anna', email: 'anna@example.ru' }] });
    const bob = mail({ messageId: 'cc-b@x', inReplyTo: 'cc-a@x', references: ['cc-q@x', 'cc-a@x'], subject: 'Re: Delivery', from: { name: 'Bob', email: 'bob@example.ru' }, to: [{ name: 'Support', email: 'support@example.test' }, { name: 'Anna', email: 'anna@example.ru' }], cc: [{ name: 'Support', email: 'agent@example.test' }] });
    await applyChanges(db, ACC, [m(q), m(ours), m(bob)]);
    const [ticket] = await db.tickets.toArray();
    expect(await emailContextFor(db, ticket!, me)).toMatchObject({ to: [{ email: 'anna@example.ru' }], cc: [] });
    const all = await emailContextFor(db, ticket!, me, { type: 'reply', text: 'x', internal: false, mode: 'replyAll' });
    expect(all!.to.map((a) => a.email)).toEqual(['anna@example.ru']);
    expect(all!.cc.map((a) => a.email)).toEqual(['bob@example.ru']); // not agent@ (the account) nor support@ (an alias we sent from)
    // As the composer queues it: in the outbox's own transaction.
    const queued = await enqueue(db, ticket!.id, { type: 'reply', text: 'On its way.', internal: false, status: 'pending' }, me);
    expect(queued.email!.to.map((a) => a.email)).toEqual(['anna@example.ru']);
  });
});

describe('SLA clocks for email tickets (real IndexedDB)', () => {
  it('a new conversation gets a first-response due time in the default business hours; waiting on the customer pauses it', async () => {
    const { policyFrom } = await import('../../../renderer/sync/sla-policy');
    const { addBusinessTime } = await import('../../../shared/sla/calendar');
    const db = await freshDb();
    const q = mail({ messageId: 'sla@x' });
    await applyChanges(db, ACC, [m(q)]);
    const [ticket] = await db.tickets.toArray();
    expect(ticket!.slaDueAt).toBe(addBusinessTime(policyFrom(null).calendar, q.date, 8 * 3_600_000)); // default: 8 business hours for normal
    await applyChanges(db, ACC, [{ kind: 'mailFlags', flags: { accountId: ACC, folder: 'INBOX', uidValidity: 1, uid: q.uid, flags: ['$sb-status-pending'] } }]);
    expect((await db.tickets.get(ticket!.id))!.slaDueAt).toBeNull();
  });

  it('a policy saved in Settings applies to the conversations already cached', async () => {
    const { policyFrom } = await import('../../../renderer/sync/sla-policy');
    const { rederiveEmailTickets } = await import('../../../renderer/sync/merge');
    const { addBusinessTime } = await import('../../../shared/sla/calendar');
    const db = await freshDb();
    const q = mail({ messageId: 'policy@x' });
    await applyChanges(db, ACC, [m(q)]);
    const settings = { targets: { firstResponse: { normal: 60 } }, from: 8 * 60, to: 20 * 60, holidays: [] };
    await db.prefs.put({ key: 'slaPolicy', value: settings });
    expect(await rederiveEmailTickets(db)).toBe(1);
    const [ticket] = await db.tickets.toArray();
    expect(ticket!.slaDueAt).toBe(addBusinessTime(policyFrom(settings).calendar, q.date, 3_600_000));
  });
});

describe('merge and split by hand (real IndexedDB)', () => {
  it('merging moves every message and keeps later replies in the merged ticket', async () => {
    const { mergeTickets } = await import('../../../renderer/sync/merge');
    const db = await freshDb();
    await applyChanges(db, ACC, [m(mail({ messageId: 'one@x', subject: 'Printer' })), m(mail({ messageId: 'two@x', subject: 'Scanner', from: { name: 'Bob', email: 'bob@example.com' } }))]);
    const tickets = await db.tickets.toArray();
    const into = tickets.find((t) => t.subject === 'Printer')!;
    const from = tickets.find((t) => t.subject === 'Scanner')!;
    await mergeTickets(db, from.id, into.id);
    expect(await db.tickets.count()).toBe(1);
    expect((await db.tickets.get(into.id))?.messageCount).toBe(2);
    await applyChanges(db, ACC, [m(mail({ messageId: 'three@x', subject: 'Re: Scanner', inReplyTo: 'two@x', references: ['two@x'] }))]);
    expect(await db.tickets.count()).toBe(1);
    expect((await db.tickets.get(into.id))?.messageCount).toBe(3);
  });

  it('splitting moves one message into a new ticket, and replies to it follow it', async () => {
    const { splitMessage } = await import('../../../renderer/sync/merge');
    const db = await freshDb();
    await applyChanges(db, ACC, [
      m(mail({ messageId: 'root@x', subject: 'Order' })),
      m(mail({ messageId: 'other@x', subject: 'Re: Order', inReplyTo: 'root@x', references: ['root@x'], text: 'Different problem: my login' })),
    ]);
    const newId = await splitMessage(db, `${ACC}:mid:other@x`);
    expect(await db.tickets.count()).toBe(2);
    expect((await db.tickets.get(newId))?.messageCount).toBe(1);
    await applyChanges(db, ACC, [m(mail({ messageId: 'answer@x', subject: 'Re: Order', inReplyTo: 'other@x', references: ['root@x', 'other@x'] }))]);
    expect((await db.tickets.get(newId))?.messageCount).toBe(2);
  });
});
