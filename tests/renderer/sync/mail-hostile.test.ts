/**
 * Mail nobody imagined, into the real cache: generated dates (1900–2100), Message-IDs from empty to 2,000
 * characters, ids shared by different messages, copies in two folders, long addresses — every message must
 * be cached in a ticket, no row the app wrote may be refused by its own schema at the next start, and
 * nothing may disappear when the cache is opened again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quarantineCorrupt } from '../../../renderer/db/quarantine';
import { SwitchboardDb } from '../../../renderer/db/schema';
import { applyChanges } from '../../../renderer/sync/pull';
import { Message, Ticket } from '../../../shared/domain';
import type { MailMessage } from '../../../shared/email';
import type { Change } from '../../../shared/sync';
import { freshDb } from '../fixtures';

const ACC = 'imap:agent@example.test@127.0.0.1';

const idChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789.-_+$%=~@'.split(''));
const messageId = fc.oneof(
  fc.string({ unit: idChar, minLength: 1, maxLength: 40 }).map((s) => `${s}@example.com`),
  fc.string({ unit: idChar, minLength: 150, maxLength: 2000 }).map((s) => `${s}@example.com`),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
);
const date = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
const address = fc.oneof(
  fc.constantFrom('anna@example.ru', 'bob@example.com', 'agent@example.test'),
  fc.string({ unit: idChar, minLength: 100, maxLength: 400 }).map((s) => `${s}@example.org`),
);

interface Spec {
  messageId: string;
  /** Index of an earlier message this one answers, if any. */
  parent: number | null;
  date: number;
  from: string;
  subject: string;
  text: string;
  folder: string;
  /** Also stored in Sent (a copy: same content). */
  copy: boolean;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  messageId,
  parent: fc.option(fc.nat({ max: 30 }), { nil: null }),
  date,
  from: address,
  subject: fc.string({ maxLength: 60 }),
  text: fc.string({ maxLength: 200 }),
  folder: fc.constantFrom('INBOX', 'Support/Очередь', `${'Very long folder name '.repeat(12)}end`),
  copy: fc.boolean(),
});

/** A batch of mail, with some Message-IDs reused by different messages. */
const batch = fc.tuple(fc.array(spec, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 })).map(([specs, reuse]) => {
  for (const [from, to] of reuse) {
    if (specs.length > 1) specs[to % specs.length] = { ...specs[to % specs.length]!, messageId: specs[from % specs.length]!.messageId };
  }
  return specs;
});

function mails(specs: Spec[]): MailMessage[] {
  let uid = 0;
  return specs.flatMap((s, i) => {
    const parent = s.parent !== null && s.parent < i ? specs[s.parent]!.messageId : null;
    const base: MailMessage = {
      accountId: ACC, folder: s.folder, uidValidity: 7, uid: ++uid, messageId: s.messageId, inReplyTo: parent, references: parent ? [parent] : [],
      subject: s.subject, from: { name: '', email: s.from }, to: [{ name: 'Support', email: 'agent@example.test' }], cc: [], date: s.date,
      // Same content, same fingerprint: what main computes from the message.
      fingerprint: `v1.${[s.from, s.date, s.subject, s.text].join('|')}`,
      text: s.text, html: null, attachments: [], inline: [], flags: [], broken: false, tooLarge: false, outgoing: s.from === 'agent@example.test', size: 100,
    };
    return s.copy ? [base, { ...base, folder: 'Sent', uid: ++uid }] : [base];
  });
}

const distinct = (list: MailMessage[]) => new Set(list.map((m) => `${m.messageId}\u0000${m.fingerprint}`)).size;

describe('hostile mail into the cache (real IndexedDB)', () => {
  it('every message is cached in a ticket, every row passes its schema, and all of it is still there after a restart', async () => {
    await fc.assert(
      fc.asyncProperty(batch, fc.integer({ min: 1, max: 4 }), async (specs, pages) => {
        const db = await freshDb();
        const all = mails(specs);
        // Applied in a few pages, as pulls deliver them (newest first, then older).
        const size = Math.ceil(all.length / pages);
        for (let i = all.length; i > 0; i -= size) {
          const page: Change[] = all.slice(Math.max(0, i - size), i).map((mail) => ({ kind: 'mail', mail }));
          await db.transaction('rw', [db.tickets, db.messages, db.customers, db.agents, db.teams, db.syncState, db.outbox, db.prefs], async () => {
            await applyChanges(db, ACC, page);
          });
        }
        const messages = await db.messages.toArray();
        const tickets = await db.tickets.toArray();
        expect(messages).toHaveLength(distinct(all)); // one per message, copies counted once
        const ticketIds = new Set(tickets.map((t) => t.id));
        for (const m of messages) expect(ticketIds.has(m.ticketId)).toBe(true);
        for (const t of tickets) expect(Ticket.safeParse(t).success).toBe(true);
        for (const m of messages) expect(Message.safeParse(m).success).toBe(true);

        // A restart: the cache opened again, its start-up check finds nothing to set aside.
        db.close();
        const again = new SwitchboardDb(db.name);
        await again.open();
        expect((await quarantineCorrupt(again)).moved).toBe(0);
        expect(await again.messages.count()).toBe(messages.length);
        expect((await again.tickets.toArray()).map((t) => t.id).sort()).toEqual([...ticketIds].sort());
        await again.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('two different messages with one Message-ID are both shown; copies of one message stay one', async () => {
    const db = await freshDb();
    const [first, second] = mails([
      { messageId: 'same@broken-mailer', parent: null, date: Date.UTC(2026, 0, 5), from: 'anna@example.ru', subject: 'Order 1', text: 'First order', folder: 'INBOX', copy: true },
      { messageId: 'same@broken-mailer', parent: null, date: Date.UTC(2026, 0, 6), from: 'bob@example.com', subject: 'Order 2', text: 'Second order', folder: 'INBOX', copy: false },
    ]).filter((m) => m.folder === 'INBOX');
    await applyChanges(db, ACC, [{ kind: 'mail', mail: first! }, { kind: 'mail', mail: { ...first!, folder: 'Sent', uid: 99 } }, { kind: 'mail', mail: second! }]);
    const messages = await db.messages.toArray();
    expect(messages.map((m) => m.text).sort()).toEqual(['First order', 'Second order']);
    expect(messages.find((m) => m.text === 'First order')!.email!.locations).toHaveLength(2);
    // Different customers' messages are not one conversation because a mailer reused an id.
    expect((await db.tickets.toArray()).map((t) => t.customerId).sort()).toEqual(['customer:anna@example.ru', 'customer:bob@example.com']);
  });

  it('a conversation whose ticket row is missing is made again by the next pull of its messages', async () => {
    const db = await freshDb();
    const all = mails([{ messageId: 'q@x', parent: null, date: Date.UTC(1969, 11, 31), from: 'anna@example.ru', subject: 'Old invoice', text: 'From 1969', folder: 'INBOX', copy: false }]);
    await applyChanges(db, ACC, all.map((mail) => ({ kind: 'mail', mail })));
    const [ticket] = await db.tickets.toArray();
    expect(ticket!.createdAt).toBe(Date.UTC(1969, 11, 31));
    await db.tickets.clear();
    await applyChanges(db, ACC, all.map((mail) => ({ kind: 'mail', mail })));
    expect(await db.tickets.toArray()).toEqual([expect.objectContaining({ id: ticket!.id, subject: 'Old invoice', number: expect.any(Number), messageCount: 1 })]);
  });
});
