/**
 * The Request Tracker connector against a real RT 5 (Debian's request-tracker5, SQLite, rt-server on
 * 127.0.0.1): incremental pull page by page, history as messages, replies and comments sent once,
 * ETag conflicts, a revoked token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/mutation';
import { RtConnector } from '../../../main/connectors/rt/connector';
import { oneAtATimePerKey } from '../../../main/services/by-key';
import { messagesIn, mutationFor, pullAll, ticketsIn } from '../peers/helpdesk';
import { rtAvailable, startRt, type Rt } from '../peers/rt';

// Skipped (with the reason printed) only where RT is not installed; .ci/run installs it, so CI runs these.
const available = rtAvailable();
if (!available) console.log('skipped: Request Tracker 5 is not installed here (apt-get install request-tracker5 rt5-db-sqlite; .ci/run does)');

const account = { id: 'rt', type: 'rt' as const, name: 'Old RT', demo: false };
let rt: Rt;

const rest = <T>(method: string, path: string, body?: unknown) => rt.rest<T>(method, path, body);

const createTicket = (subject: string, content: string, requestor = 'alice@example.test') =>
  rest<{ id: string }>('POST', 'ticket', { Queue: 'General', Subject: subject, Requestor: requestor, Content: content, ContentType: 'text/plain' }).then((t) => t.id);

const mutation = (remoteId: string, op: Mutation['op'], baseVersion: string | null) => mutationFor('rt')(remoteId, op, baseVersion);

describe.skipIf(!available)('Request Tracker 5 over REST2', () => {
  beforeAll(async () => {
    rt = await startRt();
  }, 60_000);
  afterAll(async () => {
    await rt?.stop();
  });

  it('pulls every ticket page by page with its history, then only what changed', async () => {
    const first = await createTicket('Invoice wrong', 'I was charged twice.');
    await rest('POST', 'user', { Name: 'bob@example.test', EmailAddress: 'bob@example.test', RealName: 'Bob Stone' });
    await createTicket('Cannot log in', 'Password reset link expired.', 'bob@example.test');
    await createTicket('Где мой заказ?', 'Заказ оплачен неделю назад.');
    // The first ticket changes a second later: the round's boundary second is not the others'.
    await new Promise((r) => setTimeout(r, 1100));
    await rest('POST', `ticket/${first}/correspond`, { Content: 'Refund issued.', ContentType: 'text/plain' });
    await rest('POST', `ticket/${first}/comment`, { Content: 'Checked the ledger.', ContentType: 'text/plain' });

    const connector = new RtConnector(account, rt.url, () => rt.token, 2);
    const all = await pullAll(connector, null);
    expect(all.pages).toBe(2);
    const tickets = ticketsIn(all.changes);
    expect(new Set(tickets.map((t) => t.subject))).toEqual(new Set(['Invoice wrong', 'Cannot log in', 'Где мой заказ?']));
    const invoice = tickets.find((t) => t.remoteId === first)!;
    expect(invoice).toMatchObject({ status: 'open', sourceStatus: 'open', customerId: 'customer:alice@example.test', messageCount: 3, team: 'General' });
    expect(invoice.version).toMatch(/^"\d+"$/);
    const thread = messagesIn(all.changes).filter((m) => m.ticketId === invoice.id);
    expect(thread.map((m) => [m.text, m.internal])).toEqual([
      ['I was charged twice.', false],
      ['Refund issued.', false],
      ['Checked the ledger.', true],
    ]);
    expect(all.changes.filter((c) => c.kind === 'agent').map((c) => (c.kind === 'agent' ? c.agent.name : ''))).toEqual(expect.arrayContaining(['Agent Smith', 'Maria Lopez']));
    // Requestors by their RT name where RT has one (greetings use it), else by address; the token's own agent is "me".
    const customers = new Map(all.changes.flatMap((c) => (c.kind === 'customer' ? [[c.customer.email, c.customer.name] as const] : [])));
    expect(Object.fromEntries(customers)).toMatchObject({ 'bob@example.test': 'Bob Stone', 'alice@example.test': 'alice@example.test' });
    expect(connector.me).toMatchObject({ name: 'Agent Smith', email: 'agent@example.test' });

    // Nothing changed: nothing again (TicketSQL compares whole seconds; the cursor remembers who it has).
    expect(ticketsIn((await pullAll(connector, all.cursor)).changes)).toEqual([]);
    // One change: that ticket only.
    await new Promise((r) => setTimeout(r, 1100));
    await rest('PUT', `ticket/${first}`, { Status: 'stalled' });
    const changed = ticketsIn((await pullAll(connector, all.cursor)).changes);
    expect(changed.map((t) => t.remoteId)).toEqual([first]);
    expect(changed[0]).toMatchObject({ status: 'on-hold', sourceStatus: 'stalled' });
  });

  it('a reply and a note reach RT once, also when the same mutation is pushed again', async () => {
    const id = await createTicket('Parcel lost', 'Where is my parcel?');
    const connector = new RtConnector(account, rt.url, () => rt.token);
    const reply = mutation(id, { type: 'reply', text: 'A replacement is on its way.', internal: false }, null);
    const first = await connector.push(reply);
    expect(first).toMatchObject({ kind: 'applied', messages: [{ text: 'A replacement is on its way.', internal: false, direction: 'out' }] });
    expect(await connector.push(reply)).toMatchObject({ kind: 'applied' }); // a retry after an unknown outcome
    await connector.push(mutation(id, { type: 'reply', text: 'Carrier claim opened.', internal: true }, null));
    const history = await rest<{ items: Array<{ Type: string }> }>('GET', `ticket/${id}/history?fields=Type&per_page=100`);
    expect(history.items.filter((t) => t.Type === 'Correspond')).toHaveLength(1);
    expect(history.items.filter((t) => t.Type === 'Comment')).toHaveLength(1);
  });

  it('a reply pushed again while its first push is still under way (the window reloaded mid-send) reaches RT once', async () => {
    const id = await createTicket('Damaged box', 'The box arrived crushed.');
    const connector = new RtConnector(account, rt.url, () => rt.token);
    const reply = mutation(id, { type: 'reply', text: 'A new one ships today.', internal: false }, null);
    // As main takes pushes (services/handlers.ts): one per change at a time.
    const perChange = oneAtATimePerKey();
    const both = await Promise.all([perChange(reply.id, () => connector.push(reply)), perChange(reply.id, () => connector.push(reply))]);
    expect(both.map((r) => r.kind)).toEqual(['applied', 'applied']);
    const history = await rest<{ items: Array<{ Type: string }> }>('GET', `ticket/${id}/history?fields=Type&per_page=100`);
    expect(history.items.filter((t) => t.Type === 'Correspond')).toHaveLength(1);
  });

  it('reply and set: the status goes with the correspondence; a satisfaction request to a resolved ticket leaves it resolved', async () => {
    const id = await createTicket('Invoice copy', 'Please send the invoice again.');
    const connector = new RtConnector(account, rt.url, () => rt.token);
    // A new ticket answered and set on hold (RT: stalled) in the one update.
    expect(await connector.push(mutation(id, { type: 'reply', text: 'Sent; waiting on billing.', internal: false, status: 'on-hold' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'on-hold' } });
    expect((await rest<{ Status: string }>('GET', `ticket/${id}`)).Status).toBe('stalled');
    await rest('PUT', `ticket/${id}`, { Status: 'resolved' });
    // Correspondence on a resolved ticket reopens it by RT's scrip; the status in the same update resolves it again.
    const survey = mutation(id, { type: 'reply', text: 'How did we do? Reply "good" or "bad".', internal: false, status: 'solved' }, null);
    expect(await connector.push(survey)).toMatchObject({ kind: 'applied', ticket: { status: 'solved' } });
    expect((await rest<{ Status: string }>('GET', `ticket/${id}`)).Status).toBe('resolved');
    // Without it (as before), RT would have left the ticket open.
    await connector.push(mutation(id, { type: 'reply', text: 'One more thing.', internal: false }, null));
    expect((await rest<{ Status: string }>('GET', `ticket/${id}`)).Status).toBe('open');
    expect(connector.capabilities.statuses).not.toContain('pending'); // RT's stalled reads back as on hold
  });

  it('status, priority and owner go with If-Match: a stale version is a conflict carrying RT’s ticket', async () => {
    const id = await createTicket('Upgrade plan', 'Please upgrade us.');
    const connector = new RtConnector(account, rt.url, () => rt.token);
    const [current] = ticketsIn((await pullAll(connector, null)).changes).filter((t) => t.remoteId === id);
    const applied = await connector.push(mutation(id, { type: 'setStatus', status: 'solved' }, current!.version));
    // Applied: RT's new ETag is all that comes back (the agent's ticket already shows the change).
    expect(applied).toMatchObject({ kind: 'applied', version: expect.stringMatching(/^"\d+"$/) });
    expect(applied.kind === 'applied' && applied.version).not.toBe(current!.version);
    const stale = await connector.push(mutation(id, { type: 'setPriority', priority: 'urgent' }, current!.version));
    expect(stale).toMatchObject({ kind: 'conflict', remote: { remoteId: id, status: 'solved' } });
    const fresh = stale.kind === 'conflict' ? stale.remote.version : '';
    expect(await connector.push(mutation(id, { type: 'setAssignee', assigneeId: 'rt:maria' }, fresh))).toMatchObject({ kind: 'applied', version: expect.any(String) });
    expect(await connector.push(mutation(id, { type: 'setTags', tags: ['x'] }, null))).toMatchObject({ kind: 'rejected' });
    const ticket = await rest<{ Status: string; Owner: { id: string } }>('GET', `ticket/${id}`);
    expect(ticket).toMatchObject({ Status: 'resolved', Owner: { id: 'maria' } });
  });

  it('attachments arrive as names and sizes, their bytes fetched when opened', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    const { id } = await rest<{ id: string }>('POST', 'ticket', {
      Queue: 'General', Subject: 'Screenshot attached', Requestor: 'alice@example.test', Content: 'See the screenshot.', ContentType: 'text/plain',
      Attachments: [{ FileName: 'shot.png', FileType: 'image/png', FileContent: png.toString('base64') }],
    });
    const connector = new RtConnector(account, rt.url, () => rt.token);
    const message = messagesIn((await pullAll(connector, null)).changes).find((m) => m.ticketId === `rt:${id}`)!;
    expect(message.text).toBe('See the screenshot.');
    expect(message.attachments).toMatchObject([{ name: 'shot.png', type: 'image/png' }]);
    const content = await connector.fetchAttachment(message.attachments[0]!.id);
    expect(content).toMatchObject({ name: 'shot.png', type: 'image/png' });
    expect(Buffer.from(content.data).equals(png)).toBe(true);
  });

  it('a revoked or wrong token: "needs sign-in", said in the agent’s words', async () => {
    const connector = new RtConnector(account, rt.url, () => '1-99-not-a-token');
    expect(await connector.testConnection()).toMatchObject({ ok: false, problem: 'auth', message: expect.stringContaining('refused the token') });
    await expect(connector.pull(null)).rejects.toMatchObject({ code: 'needs_sign_in' });
    expect(await new RtConnector(account, rt.url, () => rt.token).testConnection()).toEqual({ ok: true, notes: [] });
  });
});
