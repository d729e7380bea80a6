/**
 * The Freshdesk connector against a local server answering in the shapes Freshdesk's API v2 documents
 * (Freshdesk cannot run here): paging by `link` header to the end, only what changed afterwards,
 * replies and notes sent once, a stale ticket as a conflict, 429 with Retry-After, 401, 5xx.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutationFor, pullAll, stagedFile, ticketsIn as tickets } from '../peers/helpdesk';
import { FreshdeskConnector } from '../../../main/connectors/freshdesk/connector';
import { API_KEY, type FakeFreshdesk, startFakeFreshdesk } from './fake-freshdesk';

const account = { id: 'fd', type: 'freshdesk' as const, name: 'Freshdesk', demo: false };
let fd: FakeFreshdesk;
const connector = (key = API_KEY) => new FreshdeskConnector(account, fd.url, () => key, 2);

beforeEach(async () => {
  fd = await startFakeFreshdesk();
});
afterEach(async () => {
  await fd.stop();
});

const mutation = mutationFor('fd', Date.UTC(2026, 10, 20, 9));

describe('Freshdesk (recorded API shapes)', () => {
  it('pages to the last page, maps statuses and sources, then pulls only what changed', async () => {
    const c = connector();
    const all = await pullAll(c, null);
    expect(all.pages).toBe(2);
    const byId = new Map(tickets(all.changes).map((t) => [t.remoteId, t]));
    expect(byId.get('1')).toMatchObject({ status: 'new', sourceStatus: 'Open', channel: 'email', priority: 'low', customerId: 'customer:olga@example.test', team: 'Second line' });
    expect(byId.get('2')).toMatchObject({ status: 'pending', sourceStatus: 'Pending', channel: 'web', messageCount: 2 });
    expect(byId.get('3')).toMatchObject({ status: 'solved', channel: 'phone' });
    const thread = all.changes.flatMap((x) => (x.kind === 'message' && x.message.ticketId === 'fd:2' ? [x.message] : []));
    expect(thread.map((m) => [m.text, m.direction])).toEqual([
      ['Пришлите счёт, пожалуйста.', 'in'],
      ['Счёт во вложении.', 'out'],
    ]);
    expect(tickets((await pullAll(c, all.cursor)).changes)).toEqual([]);
    fd.touch(1, { priority: 4 });
    expect(tickets((await pullAll(c, all.cursor)).changes).map((t) => [t.remoteId, t.priority])).toEqual([['1', 'urgent']]);
  });

  it('a reply and a note go once; a change on a ticket changed meanwhile is a conflict', async () => {
    const c = connector();
    const reply = mutation('1', { type: 'reply', text: 'Fixed in version 2.4.', internal: false }, null);
    expect(await c.push(reply)).toMatchObject({ kind: 'applied', messages: [{ text: 'Fixed in version 2.4.', direction: 'out', internal: false }] });
    expect(await c.push(reply)).toMatchObject({ kind: 'applied' });
    await c.push(mutation('1', { type: 'reply', text: 'Known bug FD-12.', internal: true }, null));
    expect(fd.conversations(1).map((x) => [x.body_text, x.private])).toEqual([
      ['Fixed in version 2.4.', false],
      ['Known bug FD-12.', true],
    ]);
    const base = fd.ticket(3).updated_at;
    expect(await c.push(mutation('3', { type: 'setStatus', status: 'closed' }, base))).toMatchObject({ kind: 'applied', ticket: { status: 'closed', sourceStatus: 'Closed' } });
    expect(await c.push(mutation('3', { type: 'setPriority', priority: 'high' }, base))).toMatchObject({ kind: 'conflict', remote: { status: 'closed' } });
    expect(await c.push(mutation('3', { type: 'setTags', tags: ['billing'] }, null))).toMatchObject({ kind: 'applied', ticket: { tags: ['billing'] } });
    expect(fd.ticket(3)).toMatchObject({ status: 5, priority: 1, tags: ['billing'] });
  });

  it('reply and set: the status the agent chose is set after the reply (Freshdesk’s reply takes none)', async () => {
    const c = connector();
    expect(await c.push(mutation('2', { type: 'reply', text: 'The invoice is attached.', internal: false, status: 'pending' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'pending' } });
    expect(fd.ticket(2).status).toBe(3);
    expect(await c.push(mutation('2', { type: 'reply', text: 'Customer confirmed.', internal: true, status: 'solved' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'solved' } });
    expect(fd.ticket(2).status).toBe(4);
  });

  it('429 waits exactly Retry-After; a refused key needs sign-in; 5xx is "unavailable"', async () => {
    const c = connector();
    fd.fault({ status: 429, headers: { 'Retry-After': '25' }, body: { code: 'rate_limited' } });
    expect(await c.push(mutation('1', { type: 'setPriority', priority: 'high' }, null))).toEqual({ kind: 'retryAfter', ms: 25_000 });
    await expect(c.pull(null)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('asks us to wait') }); // and asks nothing before then
    fd.fault({ status: 500, body: { code: 'internal_error' } });
    await expect(connector().pull(null)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('internal error (500)') });
    expect(await connector('wrong').testConnection()).toMatchObject({ ok: false, problem: 'auth', message: expect.stringContaining('Freshdesk refused the token') });
    expect(await connector().testConnection()).toEqual({ ok: true, notes: [] });
  });

  it('attachments of the request and of replies are listed, and fetched through their signed links without the API key', async () => {
    const all = await pullAll(connector(), null);
    const files = all.changes.flatMap((x) => (x.kind === 'message' ? x.message.attachments : []));
    expect(files.map((f) => [f.name, f.type, f.size])).toEqual([
      ['screenshot.png', 'image/png', 6],
      ['счёт.pdf', 'application/pdf', 16],
    ]);
    const png = await connector().fetchAttachment(files[0]!.id);
    expect([...png.data]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    const pdf = await connector().fetchAttachment(files[1]!.id);
    expect({ name: pdf.name, type: pdf.type, text: Buffer.from(pdf.data).toString() }).toEqual({ name: 'счёт.pdf', type: 'application/pdf', text: '%PDF-1.4 invoice' });
    expect(fd.storage.requests.map((r) => r.authorization)).toEqual([undefined, undefined]); // the key never leaves Freshdesk's host
    await expect(connector().fetchAttachment('fd:attachment-2-999')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('no longer has') });
  });

  it('groups are the teams; escalating sets the ticket\'s group by name', async () => {
    const c = connector();
    const all = await pullAll(c, null);
    expect(all.changes.flatMap((x) => (x.kind === 'team' ? [x.team.name] : []))).toEqual(['First line', 'Second line']);
    expect(await c.push(mutation('2', { type: 'setTeam', team: 'Second line' }, fd.ticket(2).updated_at))).toMatchObject({ kind: 'applied', ticket: { team: 'Second line' } });
    expect(fd.ticket(2)).toMatchObject({ group_id: 44 });
    expect(await c.push(mutation('2', { type: 'setTeam', team: 'Nowhere' }, null))).toMatchObject({ kind: 'rejected' });
  });

  it('time worked becomes one time entry (hh:mm), also when pushed again', async () => {
    const c = connector();
    const log = mutation('1', { type: 'logTime', minutes: 95 }, null);
    expect(await c.push(log)).toMatchObject({ kind: 'applied' });
    expect(await c.push(log)).toMatchObject({ kind: 'applied' });
    expect(fd.timeEntries(1).map((e) => e.time_spent)).toEqual(['01:35']);
  });
});

describe('Freshdesk as real accounts answer', () => {
  it('asks for the request’s text (include=description), reads every page of agents and conversations, names custom statuses', async () => {
    const c = connector();
    const all = await pullAll(c, null);
    expect(fd.requests.some((r) => r.path.includes('include=requester,description'))).toBe(true);
    const requests = all.changes.flatMap((x) => (x.kind === 'message' && x.message.id.includes(':ticket-') ? [[x.message.ticketId, x.message.text]] : []));
    expect(requests).toContainEqual(['fd:1', 'The export stops at 50%.']);
    expect(all.changes.filter((x) => x.kind === 'agent')).toHaveLength(130); // two pages of agents
    expect(tickets(all.changes).find((t) => t.remoteId === '4')).toMatchObject({ status: 'open', sourceStatus: 'Waiting on third party' });
  });

  it('a file with `file_size` instead of `size`, or with neither, is listed, never refused', async () => {
    const all = await pullAll(connector(), null);
    const pdf = all.changes.flatMap((x) => (x.kind === 'message' ? x.message.attachments : [])).find((f) => f.name === 'счёт.pdf');
    expect(pdf).toMatchObject({ size: 16 });
  });

  it('a reply with a file goes as a multipart form with the file byte for byte, once', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))]);
    const { file, op } = stagedFile('счёт №7.pdf', 'application/pdf', pdf);
    const reply = mutation('2', { type: 'reply', text: 'The invoice is attached.', internal: false, attachments: [op] }, null);
    const c = connector();
    expect(await c.push(reply, [file])).toMatchObject({ kind: 'applied', messages: [{ attachments: [{ name: 'счёт №7.pdf', size: pdf.length }] }] });
    expect(await c.push(reply, [file])).toMatchObject({ kind: 'applied' });
    const sent = fd.requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/tickets/2/reply');
    expect(sent).toHaveLength(1);
    const form = sent[0]!.body as { body: string; 'attachments[]': Array<{ name: string; type: string; bytes: Buffer }> };
    expect(form.body).toBe('The invoice is attached.');
    expect(form['attachments[]'].map((f) => [f.name, f.type, f.bytes.equals(pdf)])).toEqual([['счёт №7.pdf', 'application/pdf', true]]);
  });
});
