/**
 * Zendesk Support with an API token: the cursor-based incremental ticket export (until
 * `end_of_stream`), comments per ticket, users and organizations by id. Push: a comment (public or
 * private) in a ticket update; status, priority, assignee and tags with `safe_update` + `updated_stamp`,
 * so a ticket changed meanwhile comes back as a conflict carrying Zendesk's version.
 */
import { readFile } from 'node:fs/promises';
import type { AttachmentContent, Capabilities, LocalFile } from '../../../shared/connector';
import { AppError } from '../../../shared/contract';
import type { Account, Article, Message, Ticket } from '../../../shared/domain';
import { htmlToText } from '../../../shared/html-text';
import { localId } from '../../../shared/ids';
import type { Mutation, PushResult } from '../../../shared/mutation';
import type { Change, PullResult } from '../../../shared/sync';
import { log } from '../../log';
import { JsonClient, pullFailure, RetryLater } from '../http/client';
import { type FieldNames, HelpdeskConnector, type ReplyOp } from '../http/helpdesk';
import { Pacer, type Clock } from '../http/pacer';
import { sendOnce } from '../http/send-once';
import { teamChanges } from '../http/teams';
import { nearestDue } from '../../../shared/sla/policy';
import { zendeskClocks, type ZdSlaPolicy } from './sla';
import { CHUNK, exportPath, isDeleted, isTicket, LIST_FIRST_ABOVE, PageCache, PULL_BUDGET_MS, readCursor, type ExportCursor, type ExportPage } from './export';
import { agentOf, customerOf, isAgent, messageOf, ticketOf, toZdStatus, type ZdComment, type ZdOrganization, type ZdTicket, type ZdUser } from './map';

export interface ZendeskOptions {
  /** The clock the pacing runs on (tests run a helpdesk's minutes in milliseconds). */
  clock?: Clock;
  /** The share of the account's rate limit Switchboard may use: half by default. */
  share?: number;
}

const MAX_PAGES = 100;
const LISTS_TTL_MS = 60 * 60_000;

/** A ticket's fields as Zendesk takes them in a ticket update. */
type ZdFields = Record<string, unknown>;

export class ZendeskConnector extends HelpdeskConnector<ZdFields> {
  readonly capabilities: Capabilities = { statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'], priority: true, assign: true, tags: true, internalNotes: true, merge: false, flags: false, teams: true, articles: true, attachments: true };
  protected readonly source = 'Zendesk';
  protected readonly teamWord = 'group';
  protected readonly fields: FieldNames<ZdFields> = {
    status: (status) => ({ status: toZdStatus[status] }),
    priority: (priority) => ({ priority }),
    assignee: (agentId) => ({ assignee_id: agentId ? Number(agentId) : null }),
    team: async (name) => {
      const group = (await this.groups()).find((g) => g.name === name);
      return group ? { group_id: group.id } : null;
    },
    tags: (tags) => ({ tags }),
  };
  private readonly client: JsonClient;
  private readonly base: string;
  private readonly lists = new Map<string, { at: number; list: unknown[] }>();
  private readonly pacer: Pacer;
  private readonly pages = new PageCache();
  /** Users and organizations already read, by id (read again after an hour). */
  private readonly known = { users: new Map<number, ZdUser>(), organizations: new Map<number, ZdOrganization>(), at: 0 };

  constructor(
    account: Account,
    url: string,
    email: string,
    token: () => string | null,
    options: ZendeskOptions = {},
  ) {
    super(account);
    this.base = `${url.replace(/\/+$/, '')}/api/v2/`;
    // Until Zendesk's headers say the plan's limit: the smallest plan's 200 a minute; the incremental
    // exports have a limit of their own, 10 a minute.
    this.pacer = new Pacer({ clock: options.clock, share: options.share, limits: { default: 200, incremental: 10 } });
    this.client = new JsonClient({
      base: this.base,
      source: 'Zendesk',
      pacer: this.pacer,
      bucketOf: (path) => (path.startsWith('incremental/') ? 'incremental' : 'default'),
      authorization: () => {
        const secret = token();
        return secret ? `Basic ${Buffer.from(`${email}/token:${secret}`).toString('base64')}` : null;
      },
    });
  }

  protected async signInCheck(): Promise<void> {
    await this.whoAmI();
  }

  private async whoAmI(): Promise<ZdUser> {
    const { body } = await this.client.request<{ user: ZdUser }>('GET', 'users/me.json');
    if (isAgent(body.user)) this.me = agentOf(this.account.id, body.user);
    return body.user;
  }

  /** Every page of a list (`next_page`); `missing` answers (403, 404: a feature not enabled) end it empty. */
  private async allPages<T>(path: string, key: string, missing: number[] = []): Promise<T[]> {
    const out: T[] = [];
    let next: string | null = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const { status, body }: { status: number; body: Record<string, unknown> } = await this.client.request<Record<string, unknown>>('GET', next, { expect: missing });
      if (missing.includes(status)) break;
      out.push(...((body[key] as T[] | undefined) ?? []));
      const link = body.next_page as string | null | undefined;
      next = link ? (link.startsWith(this.base) ? link.slice(this.base.length) : null) : null;
    }
    return out;
  }

  /** Users or organizations by id, 100 a request; those read in the last hour come from memory. */
  private async byIds<T extends { id: number }>(kind: 'users' | 'organizations', ids: Iterable<number>): Promise<Map<number, T>> {
    const now = this.pacer.clock.now();
    if (now - this.known.at > LISTS_TTL_MS) {
      this.known.users.clear();
      this.known.organizations.clear();
      this.known.at = now;
    }
    const cache = this.known[kind] as unknown as Map<number, T>;
    const all = [...new Set(ids)].filter((id) => id > 0);
    const missing = all.filter((id) => !cache.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const { body } = await this.client.request<Record<string, T[]>>('GET', `${kind}/show_many.json?ids=${missing.slice(i, i + 100).join(',')}`);
      for (const item of body[kind] ?? []) cache.set(item.id, item);
    }
    return new Map(all.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])));
  }

  /** A list that changes rarely (SLA policies, groups), read at most hourly; empty where the agent may not read it (403). */
  private async rarelyChanging<T>(path: string, key: string): Promise<T[]> {
    const known = this.lists.get(path);
    if (known && Date.now() - known.at < LISTS_TTL_MS) return known.list as T[];
    // Every page of it (groups come 100 a page); none where the agent may not read it.
    const list = await this.allPages<T>(path, key, [403, 404]);
    this.lists.set(path, { at: Date.now(), list });
    return list;
  }

  /** The teams (groups): read at most hourly. */
  private groups() {
    return this.rarelyChanging<{ id: number; name: string }>('groups.json', 'groups');
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const deadline = this.pacer.clock.now() + PULL_BUDGET_MS;
    const c = readCursor(cursor);
    try {
      const changes: Change[] = [];
      if (c.page === null && c.list === null && c.offset === 0) {
        if (!this.me) await this.whoAmI();
        const agents = await this.allPages<ZdUser>('users.json?role[]=agent&role[]=admin', 'users');
        for (const user of agents) changes.push({ kind: 'agent', agent: agentOf(this.account.id, user) });
        changes.push(...teamChanges(this.account.id, (await this.groups()).map((g) => [g.id, g.name] as const)));
        c.total = await this.ticketCount();
      }
      // The listing walk, a page ahead of the filling (when both stand on a small page, it is read whole below).
      if (!c.listed) {
        const page = await this.exportPage(c.list);
        const live = this.tickets(page, changes);
        const aligned = c.list === c.page && c.offset === 0;
        if (!aligned || live.length > LIST_FIRST_ABOVE) changes.push(...(await this.listed(live)));
        c.list = page.after_cursor ?? c.list;
        c.listed = page.end_of_stream;
      }
      // The filling walk: comments, ticket by ticket, until the pull's time is up.
      const page = await this.exportPage(c.page);
      const live = this.tickets(page, []); // its deleted ones were told when it was listed
      let i = c.offset;
      for (; i < live.length && i - c.offset < CHUNK; i++) {
        if (i > c.offset && this.pacer.clock.now() + this.client.waitFor('tickets/0/comments.json') > deadline) break;
        try {
          changes.push(...(await this.ticketsChanges([live[i]!])));
        } catch (error) {
          if (error instanceof RetryLater && i > c.offset) break; // what is done stays done; the rest resumes here
          throw error;
        }
      }
      c.done += i - c.offset;
      c.offset = i;
      if (i < live.length) return this.result(changes, c, false);
      this.pages.drop(c.page);
      const next: ExportCursor = { ...c, page: page.after_cursor ?? c.page, offset: 0 };
      if (!page.end_of_stream) return this.result(changes, next, false);
      // Caught up: the next round's two walks start together where this one ended.
      return this.result(changes, { ...next, list: next.page, listed: false }, true);
    } catch (error) {
      return pullFailure(error);
    }
  }

  /** A page's usable tickets, in order; its deleted ones, leaving the cache, are added to `changes`. */
  private tickets(page: ExportPage, changes: Change[]): ZdTicket[] {
    const usable = page.tickets.filter((t) => {
      if (!isTicket(t)) log.warn(`zendesk: ticket ${String((t as { id?: unknown } | null)?.id)} skipped: not a ticket`);
      return isTicket(t);
    });
    // Deleted in Zendesk: they leave the cache (changes queued for them fail, saying so).
    for (const t of usable.filter(isDeleted)) changes.push({ kind: 'ticketGone', ticketId: localId(this.account.id, String(t.id)), reason: `Zendesk ticket #${t.id} was deleted.` });
    return usable.filter((t) => !isDeleted(t));
  }

  private result(changes: Change[], next: ExportCursor, done: boolean): PullResult {
    const progress = next.total ? { progress: { done: Math.min(next.done, next.total), total: next.total, unit: 'tickets' as const } } : {};
    return { changes, nextCursor: JSON.stringify(next), done, ...progress };
  }

  /** An export page, from memory when it is being worked through. */
  private async exportPage(key: string | null): Promise<ExportPage> {
    const now = this.pacer.clock.now();
    const cached = this.pages.get(key, now);
    if (cached) return cached;
    const { body } = await this.client.request<ExportPage>('GET', exportPath(key));
    const page = { tickets: Array.isArray(body?.tickets) ? body.tickets : [], after_cursor: body?.after_cursor ?? null, end_of_stream: body?.end_of_stream !== false };
    this.pages.set(key, page, now);
    return page;
  }

  /** How many tickets the account has (Zendesk's count, approximate on large accounts); null where not told. */
  private async ticketCount(): Promise<number | null> {
    const { status, body } = await this.client.request<{ count?: { value?: number } }>('GET', 'tickets/count.json', { expect: [403, 404] });
    const value = status === 200 ? body?.count?.value : undefined;
    return typeof value === 'number' && value > 0 ? value : null;
  }

  /** Tickets as their records say, before their comments are read: the inbox shows them at once. */
  private async listed(tickets: ZdTicket[]): Promise<Change[]> {
    const users = await this.byIds<ZdUser>('users', tickets.flatMap((t) => [t.requester_id, t.assignee_id ?? 0]));
    const organizations = await this.byIds<ZdOrganization>('organizations', [...users.values()].map((u) => u.organization_id ?? 0));
    const groups = new Map((await this.groups()).map((g) => [g.id, g.name]));
    return tickets.flatMap((t) => {
      const requester = users.get(t.requester_id);
      const customer = customerOf(this.account.id, requester, t.requester_id, organizations.get(requester?.organization_id ?? t.organization_id ?? 0), this.vip);
      return [{ kind: 'customer' as const, customer }, { kind: 'ticket' as const, ticket: ticketOf(this.account.id, t, null, customer, groups.get(t.group_id ?? 0)) }];
    });
  }

  /** Tickets with their comments, requesters and organizations; a malformed ticket is skipped and logged. */
  private async ticketsChanges(tickets: ZdTicket[]): Promise<Change[]> {
    const valid = tickets.filter((t) => {
      const ok = typeof t?.id === 'number' && typeof t.status === 'string' && typeof t.updated_at === 'string';
      if (!ok) log.warn(`zendesk: ticket ${String(t?.id)} skipped: not a ticket`);
      return ok;
    });
    const comments = new Map<number, ZdComment[]>();
    for (const t of valid) comments.set(t.id, await this.allPages<ZdComment>(`tickets/${t.id}/comments.json`, 'comments'));
    const users = await this.byIds<ZdUser>('users', [...valid.flatMap((t) => [t.requester_id, t.assignee_id ?? 0]), ...[...comments.values()].flat().map((c) => c.author_id)]);
    const organizations = await this.byIds<ZdOrganization>('organizations', [...users.values()].map((u) => u.organization_id ?? 0));
    // Zendesk's SLA policies: a ticket due date is used where the plan has none or an agent may not read them.
    const policies = valid.length ? await this.rarelyChanging<ZdSlaPolicy>('slas/policies.json', 'sla_policies') : [];
    const groups = new Map((valid.length ? await this.groups() : []).map((g) => [g.id, g.name]));
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const changes: Change[] = [];
    for (const t of valid) {
      const requester = users.get(t.requester_id);
      const customer = customerOf(this.account.id, requester, t.requester_id, organizations.get(requester?.organization_id ?? t.organization_id ?? 0), this.vip);
      const ticketId = localId(this.account.id, String(t.id));
      const messages = (comments.get(t.id) ?? []).map((c) => messageOf(this.account.id, ticketId, c, users));
      const ticket = ticketOf(this.account.id, t, messages, customer, groups.get(t.group_id ?? 0));
      const facts = { priority: ticket.priority, tags: ticket.tags, organizationId: t.organization_id, groupId: t.group_id ?? null };
      const clocks = zendeskClocks(policies, facts, { ...ticket, vip: customer.vip }, messages, Date.now(), timeZone);
      // A matching SLA policy decides; otherwise the ticket's due date.
      if (clocks) Object.assign(ticket, { slaDueAt: nearestDue(clocks)?.dueAt ?? null, slaTargets: clocks });
      changes.push({ kind: 'customer', customer }, ...messages.map((message) => ({ kind: 'message' as const, message })), { kind: 'ticket', ticket });
    }
    return changes;
  }

  private async current(remoteId: string): Promise<{ ticket: Ticket; messages: Message[] }> {
    const { body } = await this.client.request<{ ticket: ZdTicket }>('GET', `tickets/${remoteId}.json`);
    const changes = await this.ticketsChanges([body.ticket]);
    const ticket = changes.find((c) => c.kind === 'ticket');
    if (ticket?.kind !== 'ticket') throw new AppError('unavailable', `Zendesk did not return ticket ${remoteId}.`);
    return { ticket: ticket.ticket, messages: changes.flatMap((c) => (c.kind === 'message' ? [c.message] : [])) };
  }

  /** Zendesk Guide's published articles as text (none where the Help Center is off or not readable). */
  async articles(): Promise<Article[]> {
    try {
      const list = await this.allPages<{ id: number; title: string; body: string | null; locale?: string; draft?: boolean }>('help_center/articles.json?per_page=100', 'articles', [403, 404]);
      return list.filter((a) => !a.draft).map((a) => ({ id: String(a.id), title: a.title, body: htmlToText(a.body ?? '').replace(/[ \t]+/g, ' ').trim(), locale: a.locale ?? null }));
    } catch (error) {
      return pullFailure(error);
    }
  }

  /** An attachment's bytes: its record names the download link (content_url, on the account's host). */
  async fetchAttachment(attachmentId: string): Promise<AttachmentContent> {
    const id = /:attachment-(\d+)$/.exec(attachmentId)?.[1];
    if (!id) throw new AppError('not_found', `No attachment "${attachmentId}" in Zendesk.`);
    try {
      const { body } = await this.client.request<{ attachment: { content_url: string; file_name: string; content_type: string } }>('GET', `attachments/${id}.json`);
      const { data } = await this.client.bytes(body.attachment.content_url);
      return { name: body.attachment.file_name, type: body.attachment.content_type || 'application/octet-stream', data };
    } catch (error) {
      return pullFailure(error);
    }
  }

  protected async update(mutation: Mutation, fields: ZdFields): Promise<PushResult> {
    const safe = mutation.baseVersion ? { safe_update: true, updated_stamp: mutation.baseVersion } : {};
    const put = await this.client.request('PUT', `tickets/${mutation.remoteId}.json`, { body: { ticket: { ...fields, ...safe } }, expect: [409] });
    const { ticket } = await this.current(mutation.remoteId);
    return put.status === 409 ? { kind: 'conflict', remote: ticket } : { kind: 'applied', ticket, messages: [] };
  }

  /** A public reply or a private note, sent once, with the status the agent chose (Zendesk's "Submit as"). */
  /** Files go first to Zendesk's uploads (one token each, sent with the comment); only when the comment is sent. */
  protected async reply(mutation: Mutation, op: ReplyOp, files: LocalFile[]): Promise<PushResult> {
    const { text, internal } = op;
    const message = await sendOnce(mutation, { text, internal }, {
      source: 'Zendesk',
      messages: async () => (await this.current(mutation.remoteId)).messages,
      send: async () => {
        const uploads: string[] = [];
        for (const f of files) {
          const { body } = await this.client.request<{ upload: { token: string } }>('POST', `uploads.json?filename=${encodeURIComponent(f.name)}`, { upload: { data: new Blob([await readFile(f.path)]), type: f.type || 'application/binary' } });
          uploads.push(body.upload.token);
        }
        return this.client.request('PUT', `tickets/${mutation.remoteId}.json`, {
          body: { ticket: { comment: { body: text, public: !internal, ...(uploads.length ? { uploads } : {}) }, ...(op.status ? { status: toZdStatus[op.status] } : {}) } },
        });
      },
    });
    return { kind: 'applied', ticket: (await this.current(mutation.remoteId)).ticket, messages: [message] };
  }
}
