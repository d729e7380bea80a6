/**
 * Freshdesk API v2 with an API key: tickets by `updated_since`, ascending, page by page (the `link`
 * header says whether another page follows); conversations per ticket. Push: reply, private note, PUT of
 * status/priority/agent/tags. Freshdesk has no conditional update, so a change first checks that the
 * ticket's `updated_at` is still the one the agent saw; if not, it is a conflict carrying Freshdesk's.
 */
import { readFile } from 'node:fs/promises';
import type { AttachmentContent, Capabilities, LocalFile } from '../../../shared/connector';
import { AppError } from '../../../shared/contract';
import type { Account, Agent, Message, Ticket } from '../../../shared/domain';
import type { Mutation, PushResult } from '../../../shared/mutation';
import type { Change, PullResult } from '../../../shared/sync';
import { localId } from '../../../shared/ids';
import { isVipBySource } from '../../../shared/vip';
import { log } from '../../log';
import { JsonClient, type JsonResponse, pullFailure } from '../http/client';
import { type FieldNames, HelpdeskConnector, type ReplyOp } from '../http/helpdesk';
import { Pacer, type Clock } from '../http/pacer';
import { sendOnce } from '../http/send-once';
import { teamChanges } from '../http/teams';
import { advance, readSinceCursor } from '../http/since-cursor';
import { customerOf, type FdAgent, type FdAttachment, type FdConversation, type FdTicket, messagesOf, ticketOf, toFdPriority, toFdStatus } from './map';

const EPOCH = '1970-01-01T00:00:00Z';
/** The most Freshdesk gives a page (its default is 30): fewer requests for the same tickets. */
const PER_PAGE = 100;
const MAX_PAGES = 300;

/** A ticket's fields as Freshdesk takes them in a PUT. */
type FdFields = Record<string, unknown>;

export class FreshdeskConnector extends HelpdeskConnector<FdFields> {
  readonly capabilities: Capabilities = { statuses: ['new', 'open', 'pending', 'solved', 'closed'], priority: true, assign: true, tags: true, internalNotes: true, merge: false, flags: false, teams: true, timeTracking: true, attachments: true };
  protected readonly source = 'Freshdesk';
  protected readonly teamWord = 'group';
  protected readonly fields: FieldNames<FdFields> = {
    status: (status) => ({ status: toFdStatus[status] }),
    priority: (priority) => ({ priority: toFdPriority(priority) }),
    assignee: (agentId) => ({ responder_id: agentId ? Number(agentId) : null }),
    team: async (name) => {
      if (this.groups.size === 0) await this.loadAgents();
      const id = [...this.groups].find(([, group]) => group === name)?.[0];
      return id === undefined ? null : { group_id: id };
    },
    tags: (tags) => ({ tags }),
  };
  private readonly client: JsonClient;
  private agents = new Map<number, FdAgent>();
  private groups = new Map<number, string>();
  /** The account's own names for its statuses, custom ones too (6: "Waiting on customer"…), where it tells. */
  private statusNames = new Map<number, string>();
  private readonly base: string;

  constructor(
    account: Account,
    url: string,
    apiKey: () => string | null,
    private readonly perPage = PER_PAGE,
    options: { clock?: Clock; share?: number } = {},
  ) {
    super(account);
    this.base = `${url.replace(/\/+$/, '')}/api/v2/`;
    this.client = new JsonClient({
      base: this.base,
      source: 'Freshdesk',
      // Until Freshdesk's X-RateLimit-Total says the plan's limit: a trial's 50 a minute.
      pacer: new Pacer({ clock: options.clock, share: options.share, limits: { default: 50 } }),
      authorization: () => {
        const key = apiKey();
        return key ? `Basic ${Buffer.from(`${key}:X`).toString('base64')}` : null;
      },
    });
  }

  protected async signInCheck(): Promise<void> {
    const { body } = await this.client.request<FdAgent>('GET', 'agents/me');
    this.me = { id: localId(this.account.id, String(body.id)), accountId: this.account.id, name: body.contact.name, email: body.contact.email };
  }

  /** Every page of a list, following the `link` header's next page; `missing` answers (403: not an admin) end it empty. */
  private async allPages<T>(path: string, missing: number[] = []): Promise<T[]> {
    const out: T[] = [];
    let next: string | null = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const response: JsonResponse<unknown> = await this.client.request<unknown>('GET', next, { expect: missing });
      if (missing.includes(response.status)) break;
      if (Array.isArray(response.body)) out.push(...(response.body as T[]));
      const url: string | null = /<([^>]+)>;\s*rel="next"/.exec(response.link ?? '')?.[1] ?? null;
      next = url?.startsWith(this.base) ? url.slice(this.base.length) : null;
    }
    return out;
  }

  private async loadAgents(): Promise<Agent[]> {
    const agents = await this.allPages<FdAgent>('agents?per_page=100');
    this.agents = new Map(agents.map((a) => [a.id, a]));
    // Groups are the teams: their names, read with the agents (admins only: without them, no team).
    const groups = await this.allPages<{ id: number; name: string }>('groups?per_page=100', [403]);
    this.groups = new Map(groups.map((g) => [g.id, g.name]));
    // The status field's choices name custom statuses (admins only: without them, the number shows).
    const fields = await this.allPages<{ name?: string; choices?: Record<string, unknown> }>('ticket_fields?type=default_status', [403, 404]);
    const choices = fields.find((f) => f.name === 'status')?.choices ?? {};
    this.statusNames = new Map(Object.entries(choices).flatMap(([key, names]) => (Array.isArray(names) && typeof names[0] === 'string' ? [[Number(key), names[0]] as const] : [])));
    return agents.map((a) => ({ id: localId(this.account.id, String(a.id)), accountId: this.account.id, name: a.contact.name, email: a.contact.email }));
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const c = readSinceCursor(cursor, EPOCH);
    try {
      const changes: Change[] = [];
      if (c.page === 1 || this.agents.size === 0) {
        for (const agent of await this.loadAgents()) changes.push({ kind: 'agent', agent });
        changes.push(...teamChanges(this.account.id, this.groups));
      }
      // The request's text comes only when asked for (accounts created after 2018-11-30): include=description.
      const path = `tickets?updated_since=${encodeURIComponent(c.since)}&order_by=updated_at&order_type=asc&include=requester,description&page=${c.page}&per_page=${this.perPage}`;
      const { body, link } = await this.client.request<FdTicket[]>('GET', path);
      const tickets = Array.isArray(body) ? body : [];
      const last = !link?.includes('rel="next"');
      const { fetch, next } = advance(c, tickets.map((t) => ({ id: String(t?.id), updated: String(t?.updated_at) })), last);
      for (const t of tickets.filter((x) => fetch.includes(String(x?.id)))) {
        if (typeof t.id !== 'number' || typeof t.status !== 'number' || typeof t.updated_at !== 'string') {
          log.warn(`freshdesk: ticket ${String(t?.id)} skipped: not a ticket`); // the sync goes on
          continue;
        }
        changes.push(...(await this.ticketChanges(t)));
      }
      return { changes, nextCursor: JSON.stringify(next), done: last };
    } catch (error) {
      return pullFailure(error);
    }
  }

  private async ticketChanges(t: FdTicket): Promise<Change[]> {
    const conversations = await this.allPages<FdConversation>(`tickets/${t.id}/conversations?per_page=100`);
    const customer = customerOf(this.account.id, t.requester, t.requester_id);
    customer.vip = isVipBySource(this.vip, t.tags ?? [], t.custom_fields ?? {});
    const messages = messagesOf(this.account.id, t, conversations, customer, this.agents);
    const ticket = ticketOf(this.account.id, t, messages, customer, this.groups.get(t.group_id ?? 0), this.statusNames.get(t.status));
    return [{ kind: 'customer', customer }, ...messages.map((message) => ({ kind: 'message' as const, message })), { kind: 'ticket', ticket }];
  }

  private async current(remoteId: string): Promise<{ ticket: Ticket; messages: Message[] }> {
    if (this.agents.size === 0) await this.loadAgents();
    const { body } = await this.client.request<FdTicket>('GET', `tickets/${remoteId}?include=requester`);
    const changes = await this.ticketChanges(body);
    const ticket = changes.find((x) => x.kind === 'ticket');
    if (ticket?.kind !== 'ticket') throw new AppError('unavailable', `Freshdesk did not return ticket ${remoteId}.`);
    return { ticket: ticket.ticket, messages: changes.flatMap((x) => (x.kind === 'message' ? [x.message] : [])) };
  }

  /** An attachment's bytes, from the signed link its ticket or conversation gives now (links expire). */
  async fetchAttachment(attachmentId: string): Promise<AttachmentContent> {
    const [, ticket, id] = /:attachment-(\d+)-(\d+)$/.exec(attachmentId) ?? [];
    if (!ticket || !id) throw new AppError('not_found', `No attachment "${attachmentId}" in Freshdesk.`);
    try {
      const own = await this.client.request<FdTicket>('GET', `tickets/${ticket}`);
      let file = own.body.attachments?.find((a) => String(a.id) === id);
      if (!file) {
        const conversations = await this.allPages<FdConversation>(`tickets/${ticket}/conversations?per_page=100`);
        file = conversations.flatMap((c): FdAttachment[] => c.attachments ?? []).find((a) => String(a.id) === id);
      }
      if (!file?.attachment_url) throw new AppError('not_found', `Freshdesk no longer has the attachment ${id} of ticket ${ticket}.`);
      const { data } = await this.client.bytes(file.attachment_url);
      return { name: file.name, type: file.content_type || 'application/octet-stream', data };
    } catch (error) {
      return pullFailure(error);
    }
  }

  /** Freshdesk has no conditional update: the ticket is read first, and a newer one is a conflict. */
  protected async update(mutation: Mutation, fields: FdFields): Promise<PushResult> {
    const before = await this.current(mutation.remoteId);
    if (mutation.baseVersion && before.ticket.version !== mutation.baseVersion) return { kind: 'conflict', remote: before.ticket };
    await this.client.request('PUT', `tickets/${mutation.remoteId}`, { body: fields });
    return { kind: 'applied', ticket: (await this.current(mutation.remoteId)).ticket, messages: [] };
  }

  /** A time entry on the ticket, sent once: its note names the change, and a repeated push finds it. */
  protected override async logTime(mutation: Mutation, minutes: number): Promise<PushResult> {
    const note = `Switchboard ${mutation.id.slice(0, 8)}`;
    const path = `tickets/${mutation.remoteId}/time_entries`;
    const { body } = await this.client.request<Array<{ note?: string }>>('GET', path);
    if (!(Array.isArray(body) ? body : []).some((e) => e.note === note)) {
      const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      await this.client.request('POST', path, { body: { time_spent: hhmm, note, billable: true, timer_running: false } });
    }
    return { kind: 'applied', messages: [] };
  }

  /**
   * A reply or a private note, sent once; then the status the agent chose (Freshdesk's reply takes none).
   * A repeated push finds the reply already there and sets the status again, which is harmless.
   */
  protected async reply(mutation: Mutation, op: ReplyOp, files: LocalFile[]): Promise<PushResult> {
    const { text, internal } = op;
    const message = await sendOnce(mutation, { text, internal }, {
      source: 'Freshdesk',
      messages: async () => (await this.current(mutation.remoteId)).messages,
      send: async () => {
        const path = `tickets/${mutation.remoteId}/${internal ? 'notes' : 'reply'}`;
        if (!files.length) return this.client.request('POST', path, { body: internal ? { body: text, private: true } : { body: text } });
        // Files make it a multipart form (Freshdesk's `attachments[]`), read from the staged files when sent.
        const form = new FormData();
        form.append('body', text);
        if (internal) form.append('private', 'true');
        for (const f of files) form.append('attachments[]', new Blob([await readFile(f.path)], { type: f.type || 'application/octet-stream' }), f.name);
        return this.client.request('POST', path, { upload: form });
      },
    });
    let current = await this.current(mutation.remoteId);
    if (op.status && current.ticket.status !== op.status) {
      await this.client.request('PUT', `tickets/${mutation.remoteId}`, { body: { status: toFdStatus[op.status] } });
      current = await this.current(mutation.remoteId);
    }
    return { kind: 'applied', ticket: current.ticket, messages: [message] };
  }
}
