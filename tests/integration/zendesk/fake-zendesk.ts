/**
 * Zendesk Support as its public API documents it (developer.zendesk.com, ../shared/HELPDESK-APIS.md §3.1):
 * API-token Basic auth, the cursor-based incremental ticket export, comments, users and organizations by
 * id, and ticket updates with a comment or with `safe_update` + `updated_stamp` (409 UpdateConflict).
 */
import { type Replay, type Route, startReplay } from '../peers/replay';

export const AGENT_EMAIL = 'agent@example.test';
export const GOOD_TOKEN = 'good-token';
const PAGE = 2;

interface State {
  seq: number;
  tickets: Array<Record<string, unknown> & { id: number; updated_at: string; seq: number }>;
  comments: Map<number, Array<Record<string, unknown>>>;
}

const users = [
  { id: 1, name: 'Agent Smith', email: AGENT_EMAIL, role: 'admin', organization_id: null, tags: [] },
  { id: 2, name: 'Maria Lopez', email: 'maria@example.test', role: 'agent', organization_id: null, tags: [] },
  { id: 10, name: 'Alice Example', email: 'alice@bigbank.example', role: 'end-user', organization_id: 100, tags: [], user_fields: { tier: 'platinum' } },
  { id: 11, name: 'Иван Петров', email: 'ivan@example.ru', role: 'end-user', organization_id: null, tags: ['vip'] },
];
const organizations = [{ id: 100, name: 'Bigbank', tags: ['vip'] }];

/**
 * SLA policies as an admin sees them (GET /api/v2/slas/policies). Position 0 uses a condition the client
 * does not evaluate (brand), so it must not apply; position 1 is for tickets tagged "enterprise", in
 * calendar hours; position 2 catches the rest in business hours.
 */
export const slaPolicies = [
  { id: 7, title: 'Brand B', position: 0, filter: { all: [{ field: 'brand_id', operator: 'is', value: 5 }, { field: 'current_tags', operator: 'includes', value: 'enterprise' }], any: [] }, policy_metrics: [{ priority: 'normal', metric: 'first_reply_time', target: 15, business_hours: false }] },
  { id: 8, title: 'Enterprise', position: 1, filter: { all: [{ field: 'current_tags', operator: 'includes', value: 'enterprise' }], any: [] }, policy_metrics: [{ priority: 'normal', metric: 'first_reply_time', target: 60, business_hours: false }, { priority: 'urgent', metric: 'first_reply_time', target: 30, business_hours: false }] },
  { id: 9, title: 'Everyone', position: 2, filter: { all: [], any: [] }, policy_metrics: [{ priority: 'normal', metric: 'first_reply_time', target: 480, business_hours: true }, { priority: 'normal', metric: 'requester_wait_time', target: 2880, business_hours: true }] },
];

export interface FakeZendesk extends Replay {
  /** Agents who are not admins may not read SLA policies: 403. */
  forbidSlaPolicies(): void;
  /** An update made in Zendesk by someone else. */
  touch(id: number, fields: Record<string, unknown>): void;
  ticket(id: number): Record<string, unknown>;
  comments(id: number): Array<Record<string, unknown>>;
}

export async function startFakeZendesk(): Promise<FakeZendesk> {
  let clock = Date.UTC(2026, 10, 20, 9);
  const stamp = () => new Date((clock += 60_000)).toISOString().replace('.000', '');
  const state: State = { seq: 0, tickets: [], comments: new Map() };
  const addTicket = (id: number, subject: string, requester: number, status: string, channel: string, body: string) => {
    const at = stamp();
    state.tickets.push({ id, subject, status, priority: 'normal', requester_id: requester, assignee_id: null, organization_id: null, tags: [], created_at: at, updated_at: at, due_at: null, via: { channel }, seq: ++state.seq });
    state.comments.set(id, [{ id: id * 100, author_id: requester, body, public: true, created_at: at, attachments: [] }]);
  };
  addTicket(1, 'Invoice shows the wrong VAT number', 10, 'open', 'email', 'Our invoice has the old VAT number.');
  addTicket(2, 'Оплата не прошла', 11, 'new', 'web', 'Не могу оплатить заказ картой.');
  addTicket(3, 'App crashes on start', 10, 'hold', 'api', 'Since the update it crashes.');
  const crashLog = Buffer.from('FATAL: null pointer at start\n');
  state.comments.get(3)![0]!.attachments = [{ id: 900, file_name: 'crash.log', content_type: 'text/plain', size: crashLog.length }];
  state.comments.get(1)!.push({ id: 101, author_id: 1, body: 'Checking with billing.', public: false, created_at: stamp(), attachments: [] });
  // A record the API sent malformed: skipped by the client, the others still sync.
  state.tickets.push({ id: 4, subject: null, updated_at: stamp(), seq: ++state.seq } as never);

  const view = (t: State['tickets'][number]) => {
    const { seq: _seq, ...rest } = t;
    return rest;
  };
  const authorized = (auth: string | undefined) => auth === `Basic ${Buffer.from(`${AGENT_EMAIL}/token:${GOOD_TOKEN}`).toString('base64')}`;
  const find = (id: string) => state.tickets.find((t) => t.id === Number(id));
  let slaForbidden = false;

  const routes = (base: string): Route[] => {
    const api = `${base}/api/v2/`;
    const guard = (route: Route): Route => ({
      ...route,
      reply: (match, request) => (authorized(request.headers.authorization) ? route.reply(match, request) : { status: 401, body: { error: "Couldn't authenticate you" } }),
    });
    const table: Route[] = [
      // An attachment's record names its download link; private files need the agent's credentials too.
      { method: 'GET', path: /^\/api\/v2\/attachments\/900\.json$/, reply: () => ({ body: { attachment: { id: 900, file_name: 'crash.log', content_type: 'text/plain', size: crashLog.length, content_url: `${base}/attachments/token/t0k3n/?name=crash.log` } } }) },
      { method: 'GET', path: /^\/attachments\/token\/t0k3n\/\?name=crash\.log$/, reply: () => ({ headers: { 'content-type': 'text/plain' }, raw: crashLog }) },
      // Zendesk Guide: two pages of articles, one a draft (not offered).
      { method: 'GET', path: /^\/api\/v2\/help_center\/articles\.json\?per_page=100$/, reply: () => ({ body: { articles: [{ id: 51, title: 'Reset your password', body: '<p>Open <b>Settings</b> → Security.</p>', locale: 'en-us', draft: false }], next_page: `${api}help_center/articles.json?page=2&per_page=100`, page: 1, page_count: 2 } }) },
      { method: 'GET', path: /^\/api\/v2\/help_center\/articles\.json\?page=2&per_page=100$/, reply: () => ({ body: { articles: [{ id: 52, title: 'Возврат средств', body: '<p>Деньги вернутся за 5 дней.</p>', locale: 'ru', draft: false }, { id: 53, title: 'Draft', body: '<p>WIP</p>', locale: 'en-us', draft: true }], next_page: null, page: 2, page_count: 2 } }) },
      { method: 'GET', path: /^\/api\/v2\/users\/me\.json$/, reply: () => ({ body: { user: users[0] } }) },
      { method: 'GET', path: /^\/api\/v2\/groups\.json$/, reply: () => ({ body: { groups: [{ id: 360, name: 'Billing' }, { id: 361, name: 'Technical' }], next_page: null, count: 2 } }) },
      { method: 'GET', path: /^\/api\/v2\/slas\/policies\.json$/, reply: () => (slaForbidden ? { status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } } : { body: { sla_policies: slaPolicies, next_page: null, count: slaPolicies.length } }) },
      { method: 'GET', path: /^\/api\/v2\/users\.json\?/, reply: () => ({ body: { users: users.filter((u) => u.role !== 'end-user'), next_page: null, count: 2 } }) },
      {
        method: 'GET',
        path: /^\/api\/v2\/incremental\/tickets\/cursor\.json\?(?:start_time=\d+|cursor=([^&]+))$/,
        reply: (m) => {
          const after = m[1] ? Number(Buffer.from(decodeURIComponent(m[1]), 'base64').toString()) : 0;
          const rest = state.tickets.filter((t) => t.seq > after).sort((a, b) => a.seq - b.seq);
          const page = rest.slice(0, PAGE);
          const last = page.length ? page[page.length - 1]!.seq : after;
          const cursor = Buffer.from(String(last)).toString('base64');
          return { body: { tickets: page.map(view), after_cursor: cursor, after_url: `${api}incremental/tickets/cursor.json?cursor=${cursor}`, before_cursor: null, before_url: null, end_of_stream: rest.length <= PAGE } };
        },
      },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/, reply: (m) => ({ body: { comments: state.comments.get(Number(m[1])) ?? [], next_page: null, previous_page: null, count: state.comments.get(Number(m[1]))?.length ?? 0 } }) },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\.json$/, reply: (m) => (find(m[1]!) ? { body: { ticket: view(find(m[1]!)!) } } : { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } }) },
      { method: 'GET', path: /^\/api\/v2\/users\/show_many\.json\?ids=([\d,]+)$/, reply: (m) => ({ body: { users: users.filter((u) => m[1]!.split(',').includes(String(u.id))) } }) },
      { method: 'GET', path: /^\/api\/v2\/organizations\/show_many\.json\?ids=([\d,]+)$/, reply: (m) => ({ body: { organizations: organizations.filter((o) => m[1]!.split(',').includes(String(o.id))) } }) },
      {
        method: 'PUT',
        path: /^\/api\/v2\/tickets\/(\d+)\.json$/,
        reply: (m, { body }) => {
          const ticket = find(m[1]!);
          if (!ticket) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
          const { comment, safe_update, updated_stamp, ...fields } = (body as { ticket: Record<string, unknown> }).ticket;
          if (safe_update && updated_stamp !== ticket.updated_at) {
            return { status: 409, body: { error: 'UpdateConflict', description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.' } };
          }
          Object.assign(ticket, fields, { updated_at: stamp(), seq: ++state.seq });
          if (comment) {
            const c = comment as { body: string; public?: boolean };
            state.comments.get(ticket.id)!.push({ id: 1000 + state.seq, author_id: 1, body: c.body, public: c.public !== false, created_at: ticket.updated_at, attachments: [] });
          }
          return { body: { ticket: view(ticket), audit: { id: state.seq, events: [] } } };
        },
      },
    ];
    return table.map(guard);
  };
  const replay = await startReplay(routes);
  return {
    ...replay,
    forbidSlaPolicies: () => (slaForbidden = true),
    touch: (id, fields) => Object.assign(find(String(id))!, fields, { updated_at: stamp(), seq: ++state.seq }),
    ticket: (id) => view(find(String(id))!),
    comments: (id) => state.comments.get(id) ?? [],
  };
}
