/**
 * Freshdesk API v2 as its public documentation describes it (../shared/HELPDESK-APIS.md §3.2): API-key
 * Basic auth, tickets by `updated_since` ascending with a `link` header to the next page (at most 100 a
 * page), the request's text only when `include=description` asks for it (accounts since 2018-11-30),
 * conversations with `body`, `body_text`, `from_email`, `to_emails`, `cc_emails: null`; agents paged, the
 * status field's choices naming a custom status; reply, notes and PUT; numeric statuses (2 Open, 3 Pending,
 * 4 Resolved, 5 Closed, 6 a custom one) and priorities; `X-RateLimit-Total` / `-Remaining` on every answer
 * and 429 with Retry-After beyond the plan's limit a minute.
 */
import { minuteMeter } from '../peers/rate-limit';
import { type Replay, type Route, startReplay } from '../peers/replay';

export const API_KEY = 'fd-key';
/** Agent Smith, then 129 colleagues: two pages of agents. */
const agents = [
  { id: 7, contact: { name: 'Agent Smith', email: 'agent@example.test' } },
  ...Array.from({ length: 129 }, (_, i) => ({ id: 1000 + i, contact: { name: `Colleague ${i + 1}`, email: `colleague${i + 1}@example.test` } })),
];
const contacts = new Map([
  [20, { id: 20, name: 'Olga Novak', email: 'olga@example.test' }],
  [21, { id: 21, name: 'Pavel Orlov', email: 'pavel@example.ru' }],
]);

type Ticket = Record<string, unknown> & { id: number; updated_at: string };

export interface FakeFreshdesk extends Replay {
  /** The storage serving attachments by signed links (S3 for Freshdesk): its own host, no API key. */
  storage: Replay;
  touch(id: number, fields: Record<string, unknown>): void;
  ticket(id: number): Ticket;
  conversations(id: number): Array<Record<string, unknown>>;
  timeEntries(id: number): Array<{ time_spent: string; note: string }>;
}

export async function startFakeFreshdesk(perPage = 100, limit = 60_000): Promise<FakeFreshdesk> {
  let clock = Date.UTC(2026, 10, 20, 9);
  const stamp = () => new Date((clock += 1000)).toISOString().replace('.000', '');
  const tickets: Ticket[] = [];
  const conversations = new Map<number, Array<Record<string, unknown>>>();
  const add = (id: number, subject: string, requester: number, status: number, source: number, text: string) => {
    const at = stamp();
    tickets.push({ id, subject, status, priority: 1, source, requester_id: requester, responder_id: null, group_id: id === 1 ? 44 : null, tags: [], custom_fields: {}, fr_escalated: false, spam: false, is_escalated: false, created_at: at, updated_at: at, due_by: null, fr_due_by: null, description: `<div>${text}</div>`, description_text: text });
    conversations.set(id, []);
  };
  const conversation = (id: number, ticketId: number, text: string, extra: Record<string, unknown>) => ({
    id, ticket_id: ticketId, body: `<div>${text}</div>`, body_text: text, incoming: false, private: false, user_id: 7, support_email: 'support@acme.freshdesk.com', source: 0, category: 3,
    from_email: 'support@acme.freshdesk.com', to_emails: [], cc_emails: null, bcc_emails: null, created_at: stamp(), updated_at: stamp(), attachments: [], ...extra,
  });
  add(1, 'Export to CSV fails', 20, 2, 1, 'The export stops at 50%.');
  add(2, 'Счёт на оплату', 21, 3, 2, 'Пришлите счёт, пожалуйста.');
  add(3, 'Delivery address', 20, 4, 3, 'Please change my delivery address.');
  add(4, 'Refund for a broken kettle', 21, 6, 1, 'The kettle leaks.'); // 6: a custom status, "Waiting on third party"
  // Files: the request's own on ticket 1 (read with the ticket), one on a reply of ticket 2 (read with its
  // conversation); each with a signed link on the storage host.
  const files = new Map([
    [801, { name: 'screenshot.png', content_type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) }],
    [802, { name: 'счёт.pdf', content_type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 invoice') }],
  ]);
  const storage = await startReplay(() => [...files].map(([id, f]) => ({ method: 'GET', path: new RegExp(`^/signed/${id}\\?X-Amz-Signature=abc$`), reply: () => ({ headers: { 'content-type': f.content_type }, raw: f.bytes }) })));
  const fileOf = (id: number) => ({ id, name: files.get(id)!.name, content_type: files.get(id)!.content_type, size: files.get(id)!.bytes.length, attachment_url: `${storage.url}/signed/${id}?X-Amz-Signature=abc` });
  tickets[0]!.attachments = [fileOf(801)];
  // The reply's file says `file_size`, as some of Freshdesk's answers do, not `size`.
  const { size: replySize, ...reply } = fileOf(802);
  conversations.get(2)!.push(conversation(501, 2, 'Счёт во вложении.', { to_emails: ['pavel@example.ru'], attachments: [{ ...reply, file_size: replySize }] }));
  const find = (id: string) => tickets.find((t) => t.id === Number(id));
  const timeEntries = new Map<number, Array<{ id: number; time_spent: string; note: string }>>();
  const withRequester = (t: Ticket) => ({ ...t, requester: contacts.get(t.requester_id as number) });
  // A list leaves the request's text out unless asked for it.
  const listed = (t: Ticket, include: string[]) => {
    const { description, description_text, ...rest } = withRequester(t) as Ticket & { description?: unknown; description_text?: unknown };
    return include.includes('description') ? { ...rest, description, description_text } : rest;
  };
  const authorized = (auth: string | undefined) => auth === `Basic ${Buffer.from(`${API_KEY}:X`).toString('base64')}`;
  const pageOf = <T,>(list: T[], url: URL, base: string) => {
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const next = new URL(url.pathname + url.search, base);
    next.searchParams.set('page', String(page + 1));
    return { items: list.slice((page - 1) * size, page * size), headers: list.length > page * size ? { link: `<${next.toString()}>; rel="next"` } : ({} as Record<string, string>) };
  };
  // The plan's limit a minute, told on every answer.
  const minute = minuteMeter(limit);
  const meter = (): { status?: number; headers: Record<string, string> } => {
    const { ok, used, retryAfterS } = minute.take();
    const told = { 'X-RateLimit-Total': String(limit), 'X-RateLimit-Remaining': String(limit - used) };
    return ok ? { headers: { ...told, 'X-RateLimit-Used-CurrentRequest': '1' } } : { status: 429, headers: { ...told, 'Retry-After': String(retryAfterS) } };
  };

  const routes = (base: string): Route[] => {
    const table: Route[] = [
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\/time_entries$/, reply: (m) => ({ body: timeEntries.get(Number(m[1])) ?? [] }) },
      {
        method: 'POST',
        path: /^\/api\/v2\/tickets\/(\d+)\/time_entries$/,
        reply: (m, { body }) => {
          const entry = { id: 900 + (timeEntries.get(Number(m[1]))?.length ?? 0), ...(body as { time_spent: string; note: string }) };
          timeEntries.set(Number(m[1]), [...(timeEntries.get(Number(m[1])) ?? []), entry]);
          return { status: 201, body: entry };
        },
      },
      { method: 'GET', path: /^\/api\/v2\/agents\/me$/, reply: () => ({ body: agents[0] }) },
      { method: 'GET', path: /^\/api\/v2\/agents\?/, reply: (_m, { url }) => {
        const { items, headers } = pageOf(agents, url, base);
        return { headers, body: items };
      } },
      { method: 'GET', path: /^\/api\/v2\/groups\?/, reply: () => ({ body: [{ id: 43, name: 'First line' }, { id: 44, name: 'Second line' }] }) },
      {
        method: 'GET',
        path: /^\/api\/v2\/ticket_fields\?type=default_status$/,
        reply: () => ({ body: [{ id: 1, name: 'status', label: 'Status', type: 'default_status', choices: { 2: ['Open', 'Being Processed'], 3: ['Pending', 'Awaiting your Reply'], 4: ['Resolved', 'This ticket has been Resolved'], 5: ['Closed', 'This ticket has been Closed'], 6: ['Waiting on third party', 'Being Processed'] } }] }),
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/tickets\?updated_since=([^&]+)&order_by=updated_at&order_type=asc&include=([a-z,]+)&page=(\d+)&per_page=(\d+)$/,
        reply: (m, { url }) => {
          const since = decodeURIComponent(m[1]!);
          const all = tickets.filter((t) => t.updated_at >= since).sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.id - b.id));
          const capped = new URL(url.toString());
          capped.searchParams.set('per_page', String(Math.min(Number(m[4]), perPage)));
          const { items, headers } = pageOf(all, capped, base);
          if (headers.link) headers.link = headers.link.replace(/per_page=\d+/, `per_page=${m[4]}`);
          return { headers, body: items.map((t) => listed(t, m[2]!.split(','))) };
        },
      },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\/conversations\?/, reply: (m, { url }) => {
        const { items, headers } = pageOf(conversations.get(Number(m[1])) ?? [], url, base);
        return { headers, body: items };
      } },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)$/, reply: (m) => (find(m[1]!) ? { body: find(m[1]!)! } : { status: 404, body: { code: 'not_found' } }) },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\?include=requester$/, reply: (m) => (find(m[1]!) ? { body: withRequester(find(m[1]!)!) } : { status: 404, body: { code: 'not_found' } }) },
      {
        method: 'POST',
        path: /^\/api\/v2\/tickets\/(\d+)\/(reply|notes)$/,
        reply: (m, { body }) => {
          const t = find(m[1]!)!;
          // JSON, or a multipart form when files go along (`private` then arrives as text).
          const b = body as { body: string; private?: boolean | string; 'attachments[]'?: Array<{ name: string; type: string; bytes: Buffer }> };
          t.updated_at = stamp();
          const sent = (b['attachments[]'] ?? []).map((f, i) => ({ id: 850 + i, name: f.name, content_type: f.type, size: f.bytes.length, attachment_url: `${storage.url}/signed/${850 + i}?X-Amz-Signature=abc` }));
          const c = conversation(600 + conversations.get(t.id)!.length, t.id, b.body, { private: m[2] === 'notes' && b.private !== false && b.private !== 'false', created_at: t.updated_at, attachments: sent });
          conversations.get(t.id)!.push(c);
          return { status: 201, body: c };
        },
      },
      {
        method: 'PUT',
        path: /^\/api\/v2\/tickets\/(\d+)$/,
        reply: (m, { body }) => {
          const t = find(m[1]!);
          if (!t) return { status: 404, body: { code: 'not_found' } };
          Object.assign(t, body as object, { updated_at: stamp() });
          return { body: withRequester(t) };
        },
      },
    ];
    return table.map((route) => ({
      ...route,
      reply: (match, request) => {
        if (!authorized(request.headers.authorization)) return { status: 401, body: { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' } };
        const metered = meter();
        if (metered.status) return { status: metered.status, headers: metered.headers, body: { message: 'You have exceeded the limit of requests per minute' } };
        const reply = route.reply(match, request);
        return { ...reply, headers: { ...metered.headers, ...reply.headers } };
      },
    }));
  };
  const replay = await startReplay(routes);
  return {
    ...replay,
    storage,
    stop: async () => {
      await Promise.all([replay.stop(), storage.stop()]);
    },
    touch: (id, fields) => Object.assign(find(String(id))!, fields, { updated_at: stamp() }),
    ticket: (id) => find(String(id))!,
    conversations: (id) => conversations.get(id) ?? [],
    timeEntries: (id) => timeEntries.get(id) ?? [],
  };
}
