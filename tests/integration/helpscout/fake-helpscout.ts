/**
 * Help Scout's Inbox API 2.0 as its public documentation describes it (../shared/HELPDESK-APIS.md §3.3):
 * OAuth2 client credentials, HAL pages of conversations with embedded threads sorted by modifiedAt, users
 * and mailboxes 50 a page; conversations with their `type` (email, phone, chat) beside their source, no
 * `assignee` key when unassigned, threads of every type (customer, message, note, chat, phone, lineitem,
 * forwardparent); reply and notes, JSON-patch of status and assignee, PUT of tags; the account's limit a
 * minute in `X-RateLimit-Limit-Minute` / `X-RateLimit-Remaining-Minute`, 429 with `X-RateLimit-Retry-After`.
 */
import { minuteMeter } from '../peers/rate-limit';
import { type Replay, type Route, startReplay } from '../peers/replay';

export const APP_ID = 'app-1';
export const APP_SECRET = 'app-secret';

type Conversation = Record<string, unknown> & { id: number; userUpdatedAt: string; status: string; _embedded: { threads: Array<Record<string, unknown>> } };

export interface FakeHelpScout extends Replay {
  conversation(id: number): Conversation;
  touch(id: number, fields: Record<string, unknown>): void;
  /** Tokens issued so far (a refused token is renewed). */
  tokens: string[];
}

const PAGE = 50;
/** Agent Smith and 127 colleagues: three pages of users. */
const colleagues = Array.from({ length: 127 }, (_, i) => ({ id: 1000 + i, firstName: 'Colleague', lastName: String(i + 1), email: `colleague${i + 1}@example.test`, type: 'user' }));

export async function startFakeHelpScout(pageSize = 2, limit = 60_000): Promise<FakeHelpScout> {
  let clock = Date.UTC(2026, 10, 20, 9);
  const stamp = () => new Date((clock += 1000)).toISOString().replace('.000', '');
  const tokens: string[] = [];
  const valid = new Set<string>();
  const agent = { id: 5, firstName: 'Agent', lastName: 'Smith', email: 'agent@example.test' };
  const conversations: Conversation[] = [];
  const add = (id: number, subject: string, customer: { id: number; email: string; first: string; last: string }, status: string, text: string) => {
    const at = stamp();
    // Unassigned: no `assignee` key at all, as Help Scout answers.
    conversations.push({
      id, number: 100 + id, subject, status, type: 'email', mailboxId: 300, createdAt: at, userUpdatedAt: at, primaryCustomer: customer, tags: [], source: { type: 'email', via: 'customer' },
      _embedded: { threads: [{ id: id * 10, type: 'customer', status: 'active', body: `<p>${text}</p>`, createdAt: at, createdBy: { ...customer, type: 'customer' } }] },
    });
  };
  add(1, 'Beacon shows no answers', { id: 50, email: 'nina@example.test', first: 'Nina', last: 'Berg' }, 'active', 'The help widget is empty.');
  add(2, 'Смена тарифа', { id: 51, email: 'oleg@example.ru', first: 'Олег', last: 'Ким' }, 'pending', 'Хотим перейти на годовой тариф.');
  add(3, 'Refund for March', { id: 50, email: 'nina@example.test', first: 'Nina', last: 'Berg' }, 'closed', 'Please refund March.');
  // A phone call logged through the API: type "phone", source "api"; a log line, a call note and a forward.
  add(4, 'Called about the invoice', { id: 52, email: 'ivan@example.ru', first: 'Ivan', last: 'Lee' }, 'active', 'Customer called: invoice total is wrong.');
  Object.assign(conversations[3]!, { type: 'phone', source: { type: 'api', via: 'user' } });
  conversations[3]!._embedded.threads[0]!.type = 'phone';
  conversations[3]!._embedded.threads.push(
    { id: 41, type: 'lineitem', action: { type: 'changed-ticket-assignee', text: 'Agent assigned to Agent' }, createdAt: stamp(), createdBy: { ...agent, type: 'user' } },
    { id: 42, type: 'forwardparent', body: '<p>Forwarded to billing.</p>', createdAt: stamp(), createdBy: { ...agent, type: 'user' } },
  );
  // A chat.
  add(5, 'Chat: where is my order?', { id: 53, email: 'mia@example.test', first: 'Mia', last: 'Sun' }, 'closed', 'Hi, where is my order?');
  Object.assign(conversations[4]!, { type: 'chat', source: { type: 'chat', via: 'customer' } });
  conversations[4]!._embedded.threads[0]!.type = 'chat';
  // A file on the customer's first message of conversation 2; its data is served base64 (Get Attachment Data).
  const tariff = Buffer.from('plan,price\nannual,990\n');
  conversations[1]!._embedded.threads[0]!._embedded = { attachments: [{ id: 77, filename: 'тарифы.csv', mimeType: 'text/csv', size: tariff.length, width: 0, height: 0 }] };
  const find = (id: string) => conversations.find((c) => c.id === Number(id));
  const touch = (c: Conversation) => (c.userUpdatedAt = stamp());

  // A HAL list, 50 a page.
  const hal = (key: string, all: unknown[], page: number) => ({
    body: { _embedded: { [key]: all.slice((page - 1) * PAGE, page * PAGE) }, page: { size: PAGE, totalElements: all.length, totalPages: Math.max(1, Math.ceil(all.length / PAGE)), number: page } },
  });
  // The account's limit a minute, told on every answer.
  const minute = minuteMeter(limit);
  const meter = (): { status?: number; headers: Record<string, string> } => {
    const { ok, used, retryAfterS } = minute.take();
    const told = { 'X-RateLimit-Limit-Minute': String(limit), 'X-RateLimit-Remaining-Minute': String(limit - used) };
    return ok ? { headers: told } : { status: 429, headers: { ...told, 'X-RateLimit-Retry-After': String(retryAfterS) } };
  };

  const routes = (): Route[] => {
    const table: Route[] = [
      { method: 'GET', path: /^\/v2\/conversations\/2\/attachments\/77\/data$/, reply: () => ({ body: { data: tariff.toString('base64') } }) },
      { method: 'GET', path: /^\/v2\/users\/me$/, reply: () => ({ body: agent }) },
      { method: 'GET', path: /^\/v2\/mailboxes(?:\?page=(\d+))?$/, reply: (m) => hal('mailboxes', [{ id: 300, name: 'Support', email: 'support@example.test' }, { id: 301, name: 'Escalations', email: 'escalations@example.test' }], Number(m[1] ?? 1)) },
      { method: 'GET', path: /^\/v2\/users(?:\?page=(\d+))?$/, reply: (m) => hal('users', [{ ...agent, type: 'user' }, ...colleagues], Number(m[1] ?? 1)) },
      {
        method: 'GET',
        path: /^\/v2\/conversations\?status=all(?:&modifiedSince=([^&]+))?&sortField=modifiedAt&sortOrder=asc&embed=threads&page=(\d+)$/,
        reply: (m) => {
          const since = m[1] ? decodeURIComponent(m[1]) : '';
          const all = conversations.filter((c) => c.userUpdatedAt >= since).sort((a, b) => (a.userUpdatedAt < b.userUpdatedAt ? -1 : a.userUpdatedAt > b.userUpdatedAt ? 1 : a.id - b.id));
          const page = Number(m[2]);
          const totalPages = Math.max(1, Math.ceil(all.length / pageSize));
          return { body: { _embedded: { conversations: all.slice((page - 1) * pageSize, page * pageSize) }, page: { size: pageSize, totalElements: all.length, totalPages, number: page } } };
        },
      },
      { method: 'GET', path: /^\/v2\/conversations\/(\d+)\?embed=threads$/, reply: (m) => (find(m[1]!) ? { body: find(m[1]!) } : { status: 404, body: { message: 'Not found' } }) },
      {
        method: 'POST',
        path: /^\/v2\/conversations\/(\d+)\/(reply|notes)$/,
        reply: (m, { body }) => {
          const c = find(m[1]!)!;
          const at = touch(c);
          const sent = (body as { attachments?: Array<{ fileName: string; mimeType: string; data: string }> }).attachments ?? [];
          const id = 900 + c._embedded.threads.length;
          const files = sent.map((f, i) => ({ id: id * 10 + i, filename: f.fileName, mimeType: f.mimeType, size: Buffer.from(f.data, 'base64').length, width: 0, height: 0 }));
          c._embedded.threads.push({ id, type: m[2] === 'notes' ? 'note' : 'message', body: (body as { text: string }).text, createdAt: at, createdBy: { ...agent, type: 'user' }, ...(files.length ? { _embedded: { attachments: files } } : {}) });
          if (m[2] === 'reply') c.status = (body as { status?: string }).status ?? 'active'; // re-activated unless told
          return { status: 201, headers: { 'Resource-ID': String(900 + c._embedded.threads.length) } };
        },
      },
      {
        method: 'PATCH',
        path: /^\/v2\/conversations\/(\d+)$/,
        reply: (m, { body }) => {
          const c = find(m[1]!)!;
          const patch = body as { op: string; path: string; value?: unknown };
          if (patch.path === '/status') c.status = String(patch.value);
          if (patch.path === '/mailboxId' && patch.op === 'move') c.mailboxId = Number(patch.value);
          if (patch.path === '/assignTo') {
            if (patch.op === 'remove') delete c.assignee;
            else c.assignee = { id: patch.value, first: 'Agent', last: 'Smith', email: agent.email };
          }
          touch(c);
          return { status: 204 };
        },
      },
      {
        method: 'PUT',
        path: /^\/v2\/conversations\/(\d+)\/tags$/,
        reply: (m, { body }) => {
          const c = find(m[1]!)!;
          c.tags = (body as { tags: string[] }).tags.map((tag, i) => ({ id: i + 1, tag }));
          touch(c);
          return { status: 204 };
        },
      },
    ];
    const guarded = table.map((route) => ({
      ...route,
      reply: (match: RegExpExecArray, request: Parameters<Route['reply']>[1]) => {
        if (!valid.has(String(request.headers.authorization).replace('Bearer ', ''))) return { status: 401, body: { error: 'invalid_token' } };
        const metered = meter();
        if (metered.status) return { status: metered.status, headers: metered.headers, body: { message: 'Rate limit exceeded' } };
        const reply = route.reply(match, request);
        return { ...reply, headers: { ...metered.headers, ...reply.headers } };
      },
    }));
    return [
      {
        method: 'POST',
        path: /^\/v2\/oauth2\/token$/,
        reply: (_m, { body }) => {
          const b = body as { grant_type?: string; client_id?: string; client_secret?: string };
          if (b.grant_type !== 'client_credentials' || b.client_id !== APP_ID || b.client_secret !== APP_SECRET) return { status: 401, body: { error: 'invalid_client' } };
          const token = `token-${tokens.length + 1}`;
          tokens.push(token);
          valid.add(token);
          return { body: { token_type: 'bearer', access_token: token, expires_in: 7200 } };
        },
      },
      ...guarded,
    ];
  };
  const replay = await startReplay(routes);
  return {
    ...replay,
    tokens,
    conversation: (id) => find(String(id))!,
    touch: (id, fields) => {
      const c = find(String(id))!;
      Object.assign(c, fields);
      touch(c);
    },
  };
}
