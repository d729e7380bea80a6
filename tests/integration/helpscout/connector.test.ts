/**
 * The Help Scout connector against a local server answering in the shapes Help Scout's Inbox API 2.0
 * documents (it cannot run here): OAuth2 client credentials (and a token renewed when refused), HAL
 * pages to the end, threads as messages, reply/note once, status, assignee and tags, conflicts, 429.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelpScoutConnector } from '../../../main/connectors/helpscout/connector';
import { messagesIn, mutationFor, pullAll, stagedFile, ticketsIn as tickets } from '../peers/helpdesk';
import { APP_ID, APP_SECRET, type FakeHelpScout, startFakeHelpScout } from './fake-helpscout';

const account = { id: 'hs', type: 'helpscout' as const, name: 'Help Scout', demo: false };
let hs: FakeHelpScout;
const connector = (secret = APP_SECRET) => new HelpScoutConnector(account, hs.url, APP_ID, () => secret);
const mutation = mutationFor('hs', Date.UTC(2026, 10, 20, 9));

beforeEach(async () => {
  hs = await startFakeHelpScout();
});
afterEach(async () => {
  await hs.stop();
});

describe('Help Scout (recorded API shapes)', () => {
  it('signs in with client credentials, pages to the end with threads, then pulls only what changed', async () => {
    const c = connector();
    const all = await pullAll(c, null);
    expect(all.pages).toBe(3); // five conversations, two a page
    const byId = new Map(tickets(all.changes).map((t) => [t.remoteId, t]));
    expect(byId.get('1')).toMatchObject({ status: 'new', sourceStatus: 'active', number: 101, customerId: 'customer:nina@example.test', team: 'Support' });
    expect(byId.get('2')).toMatchObject({ status: 'pending', subject: 'Смена тарифа' });
    expect(byId.get('3')).toMatchObject({ status: 'closed' });
    expect(messagesIn(all.changes).filter((m) => m.ticketId === 'hs:2').map((m) => [m.text, m.direction])).toEqual([['Хотим перейти на годовой тариф.', 'in']]);
    expect(tickets((await pullAll(c, all.cursor)).changes)).toEqual([]);
    hs.touch(3, { status: 'active' });
    expect(tickets((await pullAll(c, all.cursor)).changes).map((t) => [t.remoteId, t.sourceStatus])).toEqual([['3', 'active']]);
    expect(hs.tokens).toHaveLength(1); // one token for all of it
  });

  it('reply and note once; status, assignee and tags; a changed conversation is a conflict; priority is not offered', async () => {
    const c = connector();
    const reply = mutation('1', { type: 'reply', text: 'Please clear the widget cache.', internal: false }, null);
    expect(await c.push(reply)).toMatchObject({ kind: 'applied', messages: [{ text: 'Please clear the widget cache.', direction: 'out' }] });
    expect(await c.push(reply)).toMatchObject({ kind: 'applied' });
    await c.push(mutation('1', { type: 'reply', text: 'Known beacon issue.', internal: true }, null));
    expect(hs.conversation(1)._embedded.threads.map((t) => t.type)).toEqual(['customer', 'message', 'note']);
    const base = hs.conversation(2).userUpdatedAt;
    expect(await c.push(mutation('2', { type: 'setStatus', status: 'closed' }, base))).toMatchObject({ kind: 'applied', ticket: { status: 'closed' } });
    expect(await c.push(mutation('2', { type: 'setAssignee', assigneeId: 'hs:5' }, base))).toMatchObject({ kind: 'conflict', remote: { status: 'closed' } });
    expect(await c.push(mutation('2', { type: 'setAssignee', assigneeId: 'hs:5' }, null))).toMatchObject({ kind: 'applied', ticket: { assigneeId: 'hs:5' } });
    expect(await c.push(mutation('2', { type: 'setTags', tags: ['upgrade'] }, null))).toMatchObject({ kind: 'applied', ticket: { tags: ['upgrade'] } });
    expect(await c.push(mutation('2', { type: 'setPriority', priority: 'high' }, null))).toMatchObject({ kind: 'rejected' });
    expect(c.capabilities.priority).toBe(false);
  });

  it('reply and set: a reply carries the status (else Help Scout re-activates); a note is followed by it', async () => {
    const c = connector();
    expect(await c.push(mutation('1', { type: 'reply', text: 'Try the new beacon code.', internal: false, status: 'pending' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'pending' } });
    expect(hs.conversation(1).status).toBe('pending');
    expect(await c.push(mutation('1', { type: 'reply', text: 'Fixed upstream.', internal: true, status: 'closed' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'closed' } });
    expect(hs.conversation(1).status).toBe('closed');
  });

  it('a refused token is renewed once; wrong app credentials need sign-in; 429 waits Retry-After', async () => {
    const c = connector();
    await c.testConnection();
    hs.fault({ status: 401, body: { error: 'invalid_token' } });
    expect((await c.pull(null)).changes.length).toBeGreaterThan(0);
    expect(hs.tokens).toHaveLength(2);
    expect(await connector('wrong').testConnection()).toMatchObject({ ok: false, problem: 'auth', message: expect.stringContaining('Help Scout refused the app ID or secret') });
    hs.fault({ status: 429, headers: { 'Retry-After': '12' }, body: { error: 'rate limited' } });
    expect(await c.push(mutation('1', { type: 'setStatus', status: 'pending' }, null))).toEqual({ kind: 'retryAfter', ms: 12_000 });
  });

  it('a thread\'s attachment is listed and its data fetched when opened', async () => {
    const all = await pullAll(connector(), null);
    const file = messagesIn(all.changes).flatMap((m) => m.attachments)[0]!;
    expect(file).toMatchObject({ name: 'тарифы.csv', type: 'text/csv', size: 22 });
    const content = await connector().fetchAttachment(file.id);
    expect({ ...content, data: Buffer.from(content.data).toString() }).toEqual({ name: 'тарифы.csv', type: 'text/csv', data: 'plan,price\nannual,990\n' });
    await expect(connector().fetchAttachment('hs:attachment-2-78')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('mailboxes are the teams; escalating moves the conversation to another mailbox, also after a restart', async () => {
    const all = await pullAll(connector(), null);
    expect(all.changes.flatMap((x) => (x.kind === 'team' ? [x.team.name] : []))).toEqual(['Support', 'Escalations']);
    const fresh = connector(); // knows no mailboxes yet: reads them before the move
    expect(await fresh.push(mutation('1', { type: 'setTeam', team: 'Escalations' }, null))).toMatchObject({ kind: 'applied', ticket: { team: 'Escalations' } });
    expect(hs.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ op: 'move', path: '/mailboxId', value: 301 });
  });
});

describe('Help Scout as real accounts answer', () => {
  it('reads every page of users, takes the channel from the conversation’s type, and reads every kind of thread', async () => {
    const all = await pullAll(connector(), null);
    expect(all.changes.filter((x) => x.kind === 'agent')).toHaveLength(128); // three pages of 50
    const byId = new Map(tickets(all.changes).map((t) => [t.remoteId, t]));
    expect(byId.get('4')).toMatchObject({ channel: 'phone', assigneeId: null }); // a call logged through the API
    expect(byId.get('5')).toMatchObject({ channel: 'chat' });
    expect(byId.get('1')).toMatchObject({ channel: 'email', assigneeId: null }); // no `assignee` key at all
    expect(messagesIn(all.changes).filter((m) => m.ticketId === 'hs:4').map((m) => [m.text, m.internal])).toEqual([
      ['Customer called: invoice total is wrong.', false],
      ['Forwarded to billing.', true], // the log line ("assigned to…") is no message
    ]);
  });

  it('a reply with a file carries it base64 in the reply, byte for byte, once', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))]);
    const { file, op } = stagedFile('счёт №7.pdf', 'application/pdf', pdf);
    const reply = mutation('1', { type: 'reply', text: 'The invoice is attached.', internal: false, attachments: [op] }, null);
    const c = connector();
    expect(await c.push(reply, [file])).toMatchObject({ kind: 'applied', messages: [{ attachments: [{ name: 'счёт №7.pdf', size: pdf.length }] }] });
    expect(await c.push(reply, [file])).toMatchObject({ kind: 'applied' });
    const sent = hs.requests.filter((r) => r.method === 'POST' && r.path === '/v2/conversations/1/reply');
    expect(sent).toHaveLength(1);
    const { attachments } = sent[0]!.body as { attachments: Array<{ fileName: string; mimeType: string; data: string }> };
    expect(attachments.map((a) => [a.fileName, a.mimeType, Buffer.from(a.data, 'base64').equals(pdf)])).toEqual([['счёт №7.pdf', 'application/pdf', true]]);
  });
});
