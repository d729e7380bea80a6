/**
 * The Zendesk connector against a local server answering in the shapes Zendesk's public API documents
 * (Zendesk cannot run here): the incremental export to its end, comments, customers with organization
 * and VIP, replies sent once, safe_update conflicts, 429 with Retry-After, 401 and 5xx.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutationFor, pullAll, stagedFile, ticketsIn as tickets } from '../peers/helpdesk';
import { ZendeskConnector } from '../../../main/connectors/zendesk/connector';
import { AGENT_EMAIL, type FakeZendesk, GOOD_TOKEN, startFakeZendesk } from './fake-zendesk';

const account = { id: 'zd', type: 'zendesk' as const, name: 'Zendesk', demo: false };
let zd: FakeZendesk;
const connector = (token = GOOD_TOKEN) => new ZendeskConnector(account, zd.url, AGENT_EMAIL, () => token);

beforeEach(async () => {
  zd = await startFakeZendesk({ limit: 60_000 }); // limits are budget.test.ts's matter: no pacing to wait for here
});
afterEach(async () => {
  await zd.stop();
});

const mutation = mutationFor('zd', Date.UTC(2026, 10, 20, 9));

describe('Zendesk (recorded API shapes)', () => {
  it('exports every ticket to the end of the stream, with comments, customers and agents; a malformed one is skipped', async () => {
    const all = await pullAll(connector(), null);
    expect(all.pages).toBe(1); // up to 1,000 tickets a page
    const byId = new Map(tickets(all.changes).map((t) => [t.remoteId, t]));
    expect([...byId.keys()].sort()).toEqual(['1', '2', '3']); // ticket 4 came malformed
    expect(byId.get('1')).toMatchObject({ status: 'open', channel: 'email', customerId: 'customer:alice@bigbank.example', messageCount: 2 });
    expect(byId.get('3')).toMatchObject({ status: 'on-hold', sourceStatus: 'hold', channel: 'api' });
    const messages = all.changes.flatMap((c) => (c.kind === 'message' && c.message.ticketId === 'zd:1' ? [c.message] : []));
    expect(messages.map((m) => [m.text, m.internal, m.direction])).toEqual([
      ['Our invoice has the old VAT number.', false, 'in'],
      ['Checking with billing.', true, 'out'],
    ]);
    const customers = all.changes.flatMap((c) => (c.kind === 'customer' ? [c.customer] : []));
    expect(customers.find((c) => c.email === 'alice@bigbank.example')).toMatchObject({ organization: 'Bigbank', vip: true }); // VIP organization
    expect(customers.find((c) => c.email === 'ivan@example.ru')).toMatchObject({ vip: true }); // VIP tag
    expect(all.changes.filter((c) => c.kind === 'agent')).toHaveLength(2);

    // Then only what changed, from the saved cursor.
    expect(tickets((await pullAll(connector(), all.cursor)).changes)).toEqual([]);
    zd.touch(2, { status: 'pending' });
    expect(tickets((await pullAll(connector(), all.cursor)).changes).map((t) => [t.remoteId, t.status])).toEqual([['2', 'pending']]);
  });

  it('a public reply and a private note go once, also when the same mutation is pushed again', async () => {
    const c = connector();
    const reply = mutation('2', { type: 'reply', text: 'Попробуйте ещё раз, платёж прошёл.', internal: false }, null);
    expect(await c.push(reply)).toMatchObject({ kind: 'applied', messages: [{ text: 'Попробуйте ещё раз, платёж прошёл.', internal: false, direction: 'out' }] });
    expect(await c.push(reply)).toMatchObject({ kind: 'applied' });
    await c.push(mutation('2', { type: 'reply', text: 'Refund approved.', internal: true }, null));
    expect(zd.comments(2).map((x) => [x.body, x.public])).toEqual([
      ['Не могу оплатить заказ картой.', true],
      ['Попробуйте ещё раз, платёж прошёл.', true],
      ['Refund approved.', false],
    ]);
  });

  it('reply and set: the status the agent chose goes with the comment (Zendesk’s "Submit as")', async () => {
    const c = connector();
    expect(await c.push(mutation('2', { type: 'reply', text: 'Waiting for your bank’s answer.', internal: false, status: 'on-hold' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'on-hold' } });
    expect(zd.ticket(2).status).toBe('hold');
    expect(await c.push(mutation('2', { type: 'reply', text: 'Checked with the bank.', internal: true, status: 'pending' }, null))).toMatchObject({ kind: 'applied', ticket: { status: 'pending' } });
    expect(zd.ticket(2).status).toBe('pending');
  });

  it('status, priority, assignee and tags with safe_update: a ticket changed meanwhile is a conflict carrying Zendesk’s version', async () => {
    const c = connector();
    const base = String(zd.ticket(1).updated_at);
    expect(await c.push(mutation('1', { type: 'setStatus', status: 'solved' }, base))).toMatchObject({ kind: 'applied', ticket: { status: 'solved' } });
    const stale = await c.push(mutation('1', { type: 'setPriority', priority: 'urgent' }, base));
    expect(stale).toMatchObject({ kind: 'conflict', remote: { remoteId: '1', status: 'solved', priority: 'normal' } });
    const fresh = stale.kind === 'conflict' ? stale.remote.version : '';
    expect(await c.push(mutation('1', { type: 'setAssignee', assigneeId: 'zd:2' }, fresh))).toMatchObject({ kind: 'applied', ticket: { assigneeId: 'zd:2' } });
    const tagged = await c.push(mutation('1', { type: 'setTags', tags: ['billing', 'vat'] }, null));
    expect(tagged).toMatchObject({ kind: 'applied', ticket: { tags: ['billing', 'vat'] } });
    expect(zd.ticket(1)).toMatchObject({ status: 'solved', priority: 'normal', assignee_id: 2, tags: ['billing', 'vat'] });
  });

  it('429 waits exactly Retry-After and says so; 401 needs sign-in; 5xx is "unavailable"', async () => {
    const busy = connector();
    zd.fault({ status: 429, headers: { 'Retry-After': '40' }, body: { error: 'TooManyRequests' } });
    expect(await busy.push(mutation('1', { type: 'setPriority', priority: 'high' }, null))).toEqual({ kind: 'retryAfter', ms: 40_000 });
    // Told to wait, the connector asks nothing more before then: the next pull says when, without a request.
    const asked = zd.requests.length;
    await expect(busy.pull('x')).rejects.toMatchObject({ code: 'unavailable', message: 'Zendesk asks us to wait 40 s.', retryAfterMs: expect.any(Number) });
    expect(zd.requests.length).toBe(asked);
    const c = connector();
    zd.fault({ status: 429, headers: { 'Retry-After': '40' }, body: { error: 'TooManyRequests' } });
    await expect(c.pull('x')).rejects.toMatchObject({ code: 'unavailable', message: 'Zendesk asks us to wait 40 s.', retryAfterMs: 40_000 });
    const d = connector();
    zd.fault({ status: 503, body: { error: 'ServiceUnavailable' } });
    await expect(d.pull('x')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('internal error (503)') });
    const revoked = connector('revoked-token');
    expect(await revoked.testConnection()).toMatchObject({ ok: false, problem: 'auth', message: expect.stringContaining('Zendesk refused the token') });
    await expect(revoked.pull(null)).rejects.toMatchObject({ code: 'needs_sign_in' });
    expect(await d.testConnection()).toEqual({ ok: true, notes: [] });
    expect(d.me).toMatchObject({ id: 'zd:1', name: 'Agent Smith' });
  });
});

describe('Zendesk teams and satisfaction', () => {
  it('files tickets under their group’s name and keeps the customer’s rating (not an offered survey)', async () => {
    zd.touch(1, { group_id: 360, satisfaction_rating: { score: 'good' } });
    zd.touch(3, { group_id: 361, satisfaction_rating: { score: 'offered' } });
    const byId = new Map(tickets((await pullAll(connector(), null)).changes).map((t) => [t.remoteId, t]));
    expect(byId.get('1')).toMatchObject({ team: 'Billing', satisfaction: 'good' });
    expect(byId.get('3')).toMatchObject({ team: 'Technical' });
    expect(byId.get('3')!.satisfaction).toBeUndefined();
    expect(byId.get('2')!.team).toBeUndefined();
  });
});

describe('Zendesk VIP rule per account', () => {
  it('uses the account’s tag and custom field instead of the tag "vip"', async () => {
    const vipOf = async (c: ZendeskConnector) =>
      new Map((await pullAll(c, null)).changes.flatMap((x) => (x.kind === 'customer' ? [[x.customer.email, x.customer.vip] as const] : [])));
    const byDefault = await vipOf(connector());
    expect(byDefault.get('ivan@example.ru')).toBe(true); // tagged "vip"
    const ruled = connector();
    ruled.vip = { tag: 'gold', field: 'tier', value: 'platinum' };
    const byRule = await vipOf(ruled);
    expect(byRule.get('alice@bigbank.example')).toBe(true); // tier: platinum
    expect(byRule.get('ivan@example.ru')).toBe(false); // "vip" is not this account's tag
  });
});

describe('Zendesk SLA policies', () => {
  it('applies the first matching policy by position, in calendar or business hours; a condition it cannot evaluate does not match', async () => {
    zd.touch(1, { tags: ['enterprise'] });
    const byId = new Map(tickets((await pullAll(connector(), null)).changes).map((t) => [t.remoteId, t]));
    const enterprise = byId.get('1')!;
    // "Enterprise": first reply within 60 calendar minutes (the agent's note is private: no reply yet).
    expect(enterprise.slaDueAt).toBe(enterprise.createdAt + 60 * 60_000);
    expect(enterprise.slaTargets).toEqual([{ kind: 'firstResponse', dueAt: enterprise.createdAt + 60 * 60_000, state: 'breached' }]); // long past
    // "Everyone": 480 business minutes are at least eight hours away.
    const other = byId.get('2')!;
    expect(other.slaDueAt).toBeGreaterThanOrEqual(other.createdAt + 8 * 60 * 60_000);
    expect(other.slaTargets!.map((c) => c.kind)).toEqual(['firstResponse', 'resolution']); // every target, not only the nearest
    // On hold: the clocks are paused.
    expect(byId.get('3')!.slaDueAt).toBeNull();
  });

  it('an agent who may not read the policies (403) still syncs, with the tickets’ own due dates', async () => {
    zd.forbidSlaPolicies();
    zd.touch(2, { due_at: '2026-11-21T12:00:00Z' });
    const all = await pullAll(connector(), null);
    const byId = new Map(tickets(all.changes).map((t) => [t.remoteId, t]));
    expect(byId.size).toBe(3);
    expect(byId.get('2')!.slaDueAt).toBe(Date.parse('2026-11-21T12:00:00Z'));
  });

  it('an attachment is listed with its message and its bytes fetched when opened, with the agent\'s credentials', async () => {
    const all = await pullAll(connector(), null);
    const file = all.changes.flatMap((x) => (x.kind === 'message' && x.message.ticketId === 'zd:3' ? x.message.attachments : []))[0]!;
    expect(file).toMatchObject({ name: 'crash.log', type: 'text/plain', size: 29 });
    const content = await connector().fetchAttachment(file.id);
    expect({ ...content, data: Buffer.from(content.data).toString() }).toEqual({ name: 'crash.log', type: 'text/plain', data: 'FATAL: null pointer at start\n' });
    await expect(connector().fetchAttachment('zd:attachment-901')).rejects.toMatchObject({ code: 'not_found' });
    zd.fault({ status: 429, headers: { 'Retry-After': '7' }, body: {} });
    await expect(connector().fetchAttachment(file.id)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('wait 7 s') });
  });

  it('groups are the teams; escalating sets the ticket\'s group by name, and an unknown group is refused', async () => {
    const c = connector();
    const all = await pullAll(c, null);
    expect(all.changes.flatMap((x) => (x.kind === 'team' ? [x.team.name] : []))).toEqual(['Billing', 'Technical']);
    const ticket = tickets(all.changes).find((t) => t.remoteId === '2')!;
    expect(await c.push(mutation('2', { type: 'setTeam', team: 'Technical' }, ticket.version))).toMatchObject({ kind: 'applied', ticket: { team: 'Technical' } });
    expect(zd.ticket(2)).toMatchObject({ group_id: 361 });
    expect(await c.push(mutation('2', { type: 'setTeam', team: 'Nowhere' }, null))).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('no group named "Nowhere"') });
  });

  it('reads Zendesk Guide articles as text, page by page, leaving drafts out; none where Guide is off', async () => {
    expect(await connector().articles()).toEqual([
      { id: '51', title: 'Reset your password', body: 'Open Settings → Security.', locale: 'en-us' },
      { id: '52', title: 'Возврат средств', body: 'Деньги вернутся за 5 дней.', locale: 'ru' },
    ]);
    zd.fault({ status: 404, body: { error: 'InvalidEndpoint' } });
    expect(await connector().articles()).toEqual([]);
  });

  it('a reply with a file uploads it first and attaches it by token, byte for byte, once', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))]);
    const { file, op } = stagedFile('счёт №7.pdf', 'application/pdf', pdf);
    const reply = mutation('2', { type: 'reply', text: 'The invoice is attached.', internal: false, attachments: [op] }, null);
    const c = connector();
    expect(await c.push(reply, [file])).toMatchObject({ kind: 'applied', messages: [{ attachments: [{ name: 'счёт №7.pdf', size: pdf.length, type: 'application/pdf' }] }] });
    expect(await c.push(reply, [file])).toMatchObject({ kind: 'applied' }); // found sent: nothing uploaded again
    expect(zd.requests.filter((r) => r.path.startsWith('/api/v2/uploads.json'))).toHaveLength(1);
    expect(zd.uploaded('upl-1')?.equals(pdf)).toBe(true);
    expect(zd.comments(2).at(-1)).toMatchObject({ body: 'The invoice is attached.', attachments: [{ file_name: 'счёт №7.pdf', size: pdf.length }] });
  });
});
