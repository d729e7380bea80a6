/**
 * Freshdesk API v2 as its public documentation describes it (../shared/HELPDESK-APIS.md §3.2): API-key
 * Basic auth, tickets by `updated_since` ascending with a `link` header to the next page, conversations,
 * reply, notes and PUT; numeric statuses (2 Open, 3 Pending, 4 Resolved, 5 Closed) and priorities.
 */
import { type Replay, type Route, startReplay } from '../peers/replay';

export const API_KEY = 'fd-key';
const agents = [{ id: 7, contact: { name: 'Agent Smith', email: 'agent@example.test' } }];
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

export async function startFakeFreshdesk(perPage = 2): Promise<FakeFreshdesk> {
  let clock = Date.UTC(2026, 10, 20, 9);
  const stamp = () => new Date((clock += 1000)).toISOString().replace('.000', '');
  const tickets: Ticket[] = [];
  const conversations = new Map<number, Array<Record<string, unknown>>>();
  const add = (id: number, subject: string, requester: number, status: number, source: number, text: string) => {
    const at = stamp();
    tickets.push({ id, subject, status, priority: 1, source, requester_id: requester, responder_id: null, group_id: id === 1 ? 44 : null, tags: [], created_at: at, updated_at: at, due_by: null, description_text: text });
    conversations.set(id, []);
  };
  add(1, 'Export to CSV fails', 20, 2, 1, 'The export stops at 50%.');
  add(2, 'Счёт на оплату', 21, 3, 2, 'Пришлите счёт, пожалуйста.');
  add(3, 'Delivery address', 20, 4, 3, 'Please change my delivery address.');
  // Files: the request's own on ticket 1 (read with the ticket), one on a reply of ticket 2 (read with its
  // conversation); each with a signed link on the storage host.
  const files = new Map([
    [801, { name: 'screenshot.png', content_type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) }],
    [802, { name: 'счёт.pdf', content_type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 invoice') }],
  ]);
  const storage = await startReplay(() => [...files].map(([id, f]) => ({ method: 'GET', path: new RegExp(`^/signed/${id}\\?X-Amz-Signature=abc$`), reply: () => ({ headers: { 'content-type': f.content_type }, raw: f.bytes }) })));
  const fileOf = (id: number) => ({ id, name: files.get(id)!.name, content_type: files.get(id)!.content_type, size: files.get(id)!.bytes.length, attachment_url: `${storage.url}/signed/${id}?X-Amz-Signature=abc` });
  tickets[0]!.attachments = [fileOf(801)];
  conversations.get(2)!.push({ id: 501, body_text: 'Счёт во вложении.', private: false, incoming: false, user_id: 7, created_at: stamp(), attachments: [fileOf(802)] });
  const find = (id: string) => tickets.find((t) => t.id === Number(id));
  const timeEntries = new Map<number, Array<{ id: number; time_spent: string; note: string }>>();
  const withRequester = (t: Ticket) => ({ ...t, requester: contacts.get(t.requester_id as number) });
  const authorized = (auth: string | undefined) => auth === `Basic ${Buffer.from(`${API_KEY}:X`).toString('base64')}`;

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
      { method: 'GET', path: /^\/api\/v2\/agents\?/, reply: () => ({ body: agents }) },
      { method: 'GET', path: /^\/api\/v2\/groups\?/, reply: () => ({ body: [{ id: 43, name: 'First line' }, { id: 44, name: 'Second line' }] }) },
      {
        method: 'GET',
        path: /^\/api\/v2\/tickets\?updated_since=([^&]+)&order_by=updated_at&order_type=asc&include=requester&page=(\d+)&per_page=(\d+)$/,
        reply: (m) => {
          const since = decodeURIComponent(m[1]!);
          const page = Number(m[2]);
          const size = Math.min(Number(m[3]), perPage);
          const all = tickets.filter((t) => t.updated_at >= since).sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.id - b.id));
          const items = all.slice((page - 1) * size, page * size);
          const more = all.length > page * size;
          const next = `${base}/api/v2/tickets?updated_since=${m[1]}&order_by=updated_at&order_type=asc&include=requester&page=${page + 1}&per_page=${m[3]}`;
          const headers: Record<string, string> = more ? { link: `<${next}>; rel="next"` } : {};
          return { headers, body: items.map(withRequester) };
        },
      },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\/conversations\?/, reply: (m) => ({ body: conversations.get(Number(m[1])) ?? [] }) },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)$/, reply: (m) => (find(m[1]!) ? { body: find(m[1]!)! } : { status: 404, body: { code: 'not_found' } }) },
      { method: 'GET', path: /^\/api\/v2\/tickets\/(\d+)\?include=requester$/, reply: (m) => (find(m[1]!) ? { body: withRequester(find(m[1]!)!) } : { status: 404, body: { code: 'not_found' } }) },
      {
        method: 'POST',
        path: /^\/api\/v2\/tickets\/(\d+)\/(reply|notes)$/,
        reply: (m, { body }) => {
          const t = find(m[1]!)!;
          const b = body as { body: string; private?: boolean };
          t.updated_at = stamp();
          const c = { id: 600 + conversations.get(t.id)!.length, body_text: b.body, private: m[2] === 'notes' && b.private !== false, incoming: false, user_id: 7, created_at: t.updated_at, attachments: [] };
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
      reply: (match, request) => (authorized(request.headers.authorization) ? route.reply(match, request) : { status: 401, body: { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' } }),
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
