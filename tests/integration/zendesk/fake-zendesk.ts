/**
 * Zendesk Support as its public API documents it (developer.zendesk.com, ../shared/HELPDESK-APIS.md §3.1),
 * honest where it matters to a client: API-token Basic auth; the cursor-based incremental ticket export with
 * up to 1,000 tickets a page, deleted tickets in it (status "deleted", subject scrubbed), `priority: null` as
 * on most real tickets; comments with `body`, `html_body`, `plain_body` and `via`, attachments with
 * `content_url`, `inline` and `thumbnails`; users 100 a page; the account's rate limit per minute with its
 * `X-Rate-Limit` / `X-Rate-Limit-Remaining` headers and 429 + Retry-After beyond it, and the incremental
 * exports' own 10 a minute. Its clock can be a test's virtual one, so minutes of limits pass in milliseconds.
 */
import { realClock, type Clock } from '../../../main/connectors/http/pacer';
import { minuteMeter } from '../peers/rate-limit';
import { type Replay, type Route, startReplay } from '../peers/replay';

export const AGENT_EMAIL = 'agent@example.test';
export const GOOD_TOKEN = 'good-token';
const EXPORT_PAGE = 1000;
const USERS_PAGE = 100;

type Row = Record<string, unknown> & { id: number; updated_at: string; seq: number };

interface State {
  seq: number;
  tickets: Row[];
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

export interface FakeZendeskOptions {
  /** Tickets beyond the four named ones, each with one to three comments (a real account's size). */
  extraTickets?: number;
  /** The plan's requests a minute (Team 200, Professional 400, Enterprise 700). */
  limit?: number;
  /** The incremental exports' own limit a minute. */
  incrementalLimit?: number;
  clock?: Clock;
}

export interface FakeZendesk extends Replay {
  /** Agents who are not admins may not read SLA policies: 403. */
  forbidSlaPolicies(): void;
  /** An update made in Zendesk by someone else. */
  touch(id: number, fields: Record<string, unknown>): void;
  /** A ticket deleted in Zendesk: the export lists it again, as deleted. */
  remove(id: number): void;
  ticket(id: number): Record<string, unknown>;
  comments(id: number): Array<Record<string, unknown>>;
  /** The bytes uploaded under a token. */
  uploaded(token: string): Buffer | null;
  /** Requests in any minute, at most (by bucket), and how many were refused with 429. */
  peak: { account: number; incremental: number };
  refused: number;
}

const comment = (id: number, author: number, body: string, at: string, isPublic = true, attachments: unknown[] = []) => ({
  id, type: 'Comment', author_id: author, body, html_body: `<div class="zd-comment" dir="auto"><p>${body}</p></div>`, plain_body: body,
  public: isPublic, audit_id: id + 1, via: { channel: 'web', source: { from: {}, to: {}, rel: null } }, metadata: { system: {}, custom: {} }, created_at: at, attachments,
});

export async function startFakeZendesk(options: FakeZendeskOptions = {}): Promise<FakeZendesk> {
  const time = options.clock ?? realClock;
  let stampClock = Date.UTC(2026, 10, 20, 9);
  const stamp = () => new Date((stampClock += 60_000)).toISOString().replace('.000', '');
  const state: State = { seq: 0, tickets: [], comments: new Map() };
  const addTicket = (id: number, subject: string, requester: number, status: string, channel: string, body: string, priority: string | null = null) => {
    const at = stamp();
    state.tickets.push({
      id, url: `https://example.zendesk.com/api/v2/tickets/${id}.json`, external_id: null, type: null, subject, raw_subject: subject, description: body, status, priority,
      requester_id: requester, submitter_id: requester, assignee_id: null, organization_id: null, group_id: null, tags: [], custom_fields: [], satisfaction_rating: null,
      created_at: at, updated_at: at, generated_timestamp: Math.floor(Date.parse(at) / 1000), due_at: null, via: { channel, source: { from: {}, to: {}, rel: null } }, seq: ++state.seq,
    });
    state.comments.set(id, [comment(id * 100, requester, body, at)]);
  };
  addTicket(1, 'Invoice shows the wrong VAT number', 10, 'open', 'email', 'Our invoice has the old VAT number.', 'normal');
  addTicket(2, 'Оплата не прошла', 11, 'new', 'web', 'Не могу оплатить заказ картой.');
  addTicket(3, 'App crashes on start', 10, 'hold', 'api', 'Since the update it crashes.');
  const crashLog = Buffer.from('FATAL: null pointer at start\n');
  state.comments.get(3)![0]!.attachments = [{ id: 900, file_name: 'crash.log', content_type: 'text/plain', size: crashLog.length, inline: false, content_url: 'https://example.zendesk.com/attachments/token/t0k3n/?name=crash.log', thumbnails: [] }];
  state.comments.get(1)!.push(comment(101, 1, 'Checking with billing.', stamp(), false));
  // A record the API sent malformed: skipped by the client, the others still sync.
  state.tickets.push({ id: 4, subject: null, updated_at: stamp(), seq: ++state.seq } as never);
  for (let n = 0; n < (options.extraTickets ?? 0); n++) {
    const id = 10_000 + n;
    addTicket(id, `Order ${id} question`, n % 2 ? 10 : 11, ['new', 'open', 'pending', 'solved'][n % 4]!, ['email', 'web', 'api', 'voice'][n % 4]!, `Question about order ${id}.`, n % 10 === 0 ? 'high' : null);
    for (let k = 1; k < 1 + (n % 3); k++) state.comments.get(id)!.push(comment(id * 100 + k, k % 2 ? 1 : 10, `Answer ${k} on order ${id}.`, stamp()));
  }

  const view = (t: Row) => {
    const { seq: _seq, ...rest } = t;
    return rest;
  };
  const authorized = (auth: string | undefined) => auth === `Basic ${Buffer.from(`${AGENT_EMAIL}/token:${GOOD_TOKEN}`).toString('base64')}`;
  const find = (id: string) => state.tickets.find((t) => t.id === Number(id));
  let slaForbidden = false;

  // Rate limits: the account's a minute, and the incremental exports' own, on the fake's clock.
  const limit = options.limit ?? 700;
  const minutes = { account: minuteMeter(limit, () => time.now()), incremental: minuteMeter(options.incrementalLimit ?? 10, () => time.now()) };
  let refused = 0;
  let used = 0;
  const meter = (path: string): { status?: number; headers: Record<string, string> } => {
    for (const bucket of path.startsWith('/api/v2/incremental/') ? (['incremental', 'account'] as const) : (['account'] as const)) {
      const taken = minutes[bucket].take();
      if (!taken.ok) {
        refused++;
        return { status: 429, headers: { 'Retry-After': String(taken.retryAfterS), 'X-Rate-Limit': String(limit), 'X-Rate-Limit-Remaining': '0' } };
      }
      if (bucket === 'account') used = taken.used;
    }
    return { headers: { 'X-Rate-Limit': String(limit), 'X-Rate-Limit-Remaining': String(limit - used) } };
  };

  const uploads = new Map<string, { bytes: Buffer; attachment: Record<string, unknown> }>();
  const routes = (base: string): Route[] => {
    const api = `${base}/api/v2/`;
    const guard = (route: Route): Route => ({
      ...route,
      reply: (match, request) => {
        if (!authorized(request.headers.authorization)) return { status: 401, body: { error: "Couldn't authenticate you" } };
        if (!request.url.pathname.startsWith('/api/v2/')) return route.reply(match, request); // a file download
        const metered = meter(request.url.pathname);
        if (metered.status) return { status: metered.status, headers: metered.headers, body: { error: 'TooManyRequests', description: 'You have exceeded the rate limit' } };
        const reply = route.reply(match, request);
        return { ...reply, headers: { ...metered.headers, ...reply.headers } };
      },
    });
    const table: Route[] = [
      // Uploads: a file's bytes, named by `filename`; answered with the token a comment attaches it by.
      {
        method: 'POST',
        path: /^\/api\/v2\/uploads\.json\?filename=([^&]+)$/,
        reply: (m, { body, headers }) => {
          const bytes = body as Buffer;
          const token = `upl-${uploads.size + 1}`;
          const attachment = { id: 950 + uploads.size, file_name: decodeURIComponent(m[1]!), content_type: String(headers['content-type']), size: bytes.length, inline: false, content_url: `${base}/attachments/token/${token}/`, thumbnails: [] };
          uploads.set(token, { bytes, attachment });
          return { status: 201, body: { upload: { token, expires_at: new Date(time.now() + 3 * 86_400_000).toISOString(), attachments: [attachment], attachment } } };
        },
      },
      // An attachment's record names its download link; private files need the agent's credentials too.
      { method: 'GET', path: /^\/api\/v2\/attachments\/900\.json$/, reply: () => ({ body: { attachment: { id: 900, file_name: 'crash.log', content_type: 'text/plain', size: crashLog.length, inline: false, thumbnails: [], content_url: `${base}/attachments/token/t0k3n/?name=crash.log` } } }) },
      { method: 'GET', path: /^\/attachments\/token\/t0k3n\/\?name=crash\.log$/, reply: () => ({ headers: { 'content-type': 'text/plain' }, raw: crashLog }) },
      // Zendesk Guide: two pages of articles, one a draft (not offered).
      { method: 'GET', path: /^\/api\/v2\/help_center\/articles\.json\?per_page=100$/, reply: () => ({ body: { articles: [{ id: 51, title: 'Reset your password', body: '<p>Open <b>Settings</b> → Security.</p>', locale: 'en-us', draft: false }], next_page: `${api}help_center/articles.json?page=2&per_page=100`, page: 1, page_count: 2 } }) },
      { method: 'GET', path: /^\/api\/v2\/help_center\/articles\.json\?page=2&per_page=100$/, reply: () => ({ body: { articles: [{ id: 52, title: 'Возврат средств', body: '<p>Деньги вернутся за 5 дней.</p>', locale: 'ru', draft: false }, { id: 53, title: 'Draft', body: '<p>WIP</p>', locale: 'en-us', draft: true }], next_page: null, page: 2, page_count: 2 } }) },
      { method: 'GET', path: /^\/api\/v2\/users\/me\.json$/, reply: () => ({ body: { user: users[0] } }) },
      { method: 'GET', path: /^\/api\/v2\/groups\.json$/, reply: () => ({ body: { groups: [{ id: 360, name: 'Billing' }, { id: 361, name: 'Technical' }], next_page: null, count: 2 } }) },
      { method: 'GET', path: /^\/api\/v2\/slas\/policies\.json$/, reply: () => (slaForbidden ? { status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } } : { body: { sla_policies: slaPolicies, next_page: null, count: slaPolicies.length } }) },
      { method: 'GET', path: /^\/api\/v2\/tickets\/count\.json$/, reply: () => ({ body: { count: { value: state.tickets.filter((t) => typeof t.status === 'string' && t.status !== 'deleted').length, refreshed_at: new Date(time.now()).toISOString() } } }) },
      {
        // Agents, 100 a page.
        method: 'GET',
        path: /^\/api\/v2\/users\.json\?(?:page=(\d+)&)?role/,
        reply: (m) => {
          const agents = users.filter((u) => u.role !== 'end-user');
          const page = Number(m[1] ?? 1);
          const next = page * USERS_PAGE < agents.length ? `${api}users.json?page=${page + 1}&role[]=agent&role[]=admin` : null;
          return { body: { users: agents.slice((page - 1) * USERS_PAGE, page * USERS_PAGE), next_page: next, previous_page: null, count: agents.length } };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/incremental\/tickets\/cursor\.json\?(?:start_time=\d+|cursor=([^&]+))$/,
        reply: (m) => {
          const after = m[1] ? Number(Buffer.from(decodeURIComponent(m[1]), 'base64').toString()) : 0;
          const rest = state.tickets.filter((t) => t.seq > after).sort((a, b) => a.seq - b.seq);
          const page = rest.slice(0, EXPORT_PAGE);
          const last = page.length ? page[page.length - 1]!.seq : after;
          const cursor = Buffer.from(String(last)).toString('base64');
          return { body: { tickets: page.map(view), after_cursor: cursor, after_url: `${api}incremental/tickets/cursor.json?cursor=${cursor}`, before_cursor: null, before_url: null, end_of_stream: rest.length <= EXPORT_PAGE } };
        },
      },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/, reply: (m) => ({ body: { comments: state.comments.get(Number(m[1])) ?? [], next_page: null, previous_page: null, count: state.comments.get(Number(m[1]))?.length ?? 0 } }) },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\.json$/, reply: (m) => (find(m[1]!) && find(m[1]!)!.status !== 'deleted' ? { body: { ticket: view(find(m[1]!)!) } } : { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } }) },
      { method: 'GET', path: /^\/api\/v2\/users\/show_many\.json\?ids=([\d,]+)$/, reply: (m) => ({ body: { users: users.filter((u) => m[1]!.split(',').includes(String(u.id))) } }) },
      { method: 'GET', path: /^\/api\/v2\/organizations\/show_many\.json\?ids=([\d,]+)$/, reply: (m) => ({ body: { organizations: organizations.filter((o) => m[1]!.split(',').includes(String(o.id))) } }) },
      {
        method: 'PUT',
        path: /^\/api\/v2\/tickets\/(\d+)\.json$/,
        reply: (m, { body }) => {
          const ticket = find(m[1]!);
          if (!ticket || ticket.status === 'deleted') return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
          const { comment: added, safe_update, updated_stamp, ...fields } = (body as { ticket: Record<string, unknown> }).ticket;
          if (safe_update && updated_stamp !== ticket.updated_at) {
            return { status: 409, body: { error: 'UpdateConflict', description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.' } };
          }
          Object.assign(ticket, fields, { updated_at: stamp(), seq: ++state.seq });
          if (added) {
            const c = added as { body: string; public?: boolean; uploads?: string[] };
            const files = (c.uploads ?? []).map((token) => uploads.get(token)!).filter(Boolean);
            state.comments.get(ticket.id)!.push(comment(1000 + state.seq, 1, c.body, ticket.updated_at, c.public !== false, files.map((f) => f.attachment)));
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
    // As Zendesk lists a deleted ticket: status "deleted", its subject and description scrubbed.
    remove: (id) => Object.assign(find(String(id))!, { status: 'deleted', subject: 'SCRUBBED', raw_subject: 'SCRUBBED', description: 'SCRUBBED', updated_at: stamp(), seq: ++state.seq }),
    ticket: (id) => view(find(String(id))!),
    comments: (id) => state.comments.get(id) ?? [],
    uploaded: (token) => uploads.get(token)?.bytes ?? null,
    peak: {
      get account() {
        return minutes.account.peak();
      },
      get incremental() {
        return minutes.incremental.peak();
      },
    },
    get refused() {
      return refused;
    },
  };
}
