/**
 * Request Tracker 5 through REST2: incremental pull by TicketSQL `LastUpdated >= cursor`, ascending, page
 * by page; each ticket with its history (correspondence and comments as messages). Push: correspond,
 * comment, and PUT of status/owner/priority with If-Match — a 412 is a conflict carrying RT's version.
 */
import { readFile } from 'node:fs/promises';
import type { AttachmentContent, Capabilities, LocalFile } from '../../../shared/connector';
import { AppError } from '../../../shared/contract';
import type { Account, Agent, Article, Message } from '../../../shared/domain';
import type { Mutation, PushResult } from '../../../shared/mutation';
import type { Change, PullResult } from '../../../shared/sync';
import { isVipBySource } from '../../../shared/vip';
import { log } from '../../log';
import { JsonClient, pullFailure, RetryLater } from '../http/client';
import { type FieldNames, HelpdeskConnector, type ReplyOp } from '../http/helpdesk';
import { sendOnce } from '../http/send-once';
import { teamChanges } from '../http/teams';
import { advance, readSinceCursor } from '../http/since-cursor';
import { agentOf, customerOf, isAgentUser, messageOf, type RtAttachment, type RtTicket, type RtTransaction, type RtUser, ticketOf, toRtPriority, toRtStatus } from './map';


interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

const EPOCH = '1970-01-01T00:00:00Z';

/** A ticket's fields as RT's REST2 takes them in a PUT. */
type RtFields = Record<string, string | number>;

/**
 * RT's ISO time ("2026-11-23T00:21:23Z") as TicketSQL reads it to the second: RT misreads the ISO form
 * (it matched tickets a minute older), and without a zone it would take the RT user's time zone.
 */
export function ticketSqlDate(iso: string): string {
  return `${iso.replace('T', ' ').replace(/Z$/, '')} +0000`;
}
const MESSAGE_TYPES = new Set(['Create', 'Correspond', 'Comment']);

export class RtConnector extends HelpdeskConnector<RtFields> {
  readonly capabilities: Capabilities = { statuses: ['new', 'open', 'on-hold', 'solved', 'closed'], priority: true, assign: true, tags: false, internalNotes: true, merge: false, flags: false, teams: true, timeTracking: true, articles: true, attachments: true };
  protected readonly source = 'Request Tracker';
  protected readonly teamWord = 'queue';
  /** RT's names: a queue by its name, an owner by user name ("Nobody": none). */
  protected readonly fields: FieldNames<RtFields> = {
    status: (status) => ({ Status: toRtStatus[status] }),
    priority: (priority) => ({ Priority: toRtPriority[priority] }),
    assignee: (agentId) => ({ Owner: agentId ?? 'Nobody' }),
    team: async (name) => ({ Queue: name }),
  };
  private readonly client: JsonClient;
  private agents = new Map<string, RtUser>();
  private queues = new Map<string, string>();
  /** Requestors' real names by address, read once per round of pulls (RT's ticket names only the address). */
  private requesterNames = new Map<string, string>();

  constructor(
    account: Account,
    url: string,
    private readonly token: () => string | null,
    private readonly pageSize = 20,
  ) {
    super(account);
    this.client = new JsonClient({
      base: `${url.replace(/\/+$/, '')}/REST/2.0/`,
      source: 'Request Tracker',
      authorization: () => {
        const secret = token();
        return secret ? `token ${secret}` : null;
      },
    });
  }

  protected async signInCheck(): Promise<void> {
    await this.client.request('GET', `tickets?query=${encodeURIComponent('id > 0')}&per_page=1`);
  }

  private async all<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; page <= 50; page++) {
      const { body } = await this.client.request<Page<T>>('GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=100`);
      out.push(...body.items);
      if (page >= body.pages) break;
    }
    return out;
  }

  private async loadAgents(): Promise<Agent[]> {
    const users = (await this.all<RtUser>('users?fields=Name,EmailAddress,RealName')).filter(isAgentUser);
    this.agents = new Map(users.map((u) => [u.Name, u]));
    this.me ??= await this.tokenUser();
    // Queues are the teams: their names, read with the agents.
    const queues = await this.all<{ id: string; Name: string }>('queues/all?fields=Name');
    this.queues = new Map(queues.map((q) => [String(q.id), q.Name]));
    return users.map((u) => agentOf(this.account.id, u));
  }

  /**
   * Who the token belongs to (RT's tokens read "version-userid-secret"; REST2 has no "who am I"): the
   * agent's own name for templates' {{agent.name}} and "assigned to me". Null if RT will not say.
   */
  private async tokenUser(): Promise<Agent | null> {
    const userId = /^\d+-(\d+)-/.exec(this.token() ?? '')?.[1];
    if (!userId) return null;
    try {
      const { body } = await this.client.request<RtUser>('GET', `user/${userId}`);
      return body.Name ? agentOf(this.account.id, { ...body, id: String(body.id ?? userId) }) : null;
    } catch (error) {
      log.warn(`rt: could not read the token's user: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const c = readSinceCursor(cursor, EPOCH);
    try {
      const changes: Change[] = [];
      if (c.page === 1) this.requesterNames.clear();
      if (c.page === 1 || this.agents.size === 0) {
        for (const agent of await this.loadAgents()) changes.push({ kind: 'agent', agent });
        changes.push(...teamChanges(this.account.id, this.queues));
      }
      const query = encodeURIComponent(`LastUpdated >= '${ticketSqlDate(c.since)}'`);
      // Ties broken by id, so pages of one round neither repeat nor miss a ticket.
      const { body } = await this.client.request<Page<{ id: string; LastUpdated: string }>>(
        'GET',
        `tickets?query=${query}&orderby=LastUpdated&orderby=id&order=ASC&order=ASC&page=${c.page}&per_page=${this.pageSize}&fields=LastUpdated`,
      );
      const done = body.items.length === 0 || c.page >= body.pages;
      const { fetch, next } = advance(c, body.items.map((i) => ({ id: i.id, updated: i.LastUpdated })), done);
      for (const id of fetch) {
        try {
          changes.push(...(await this.ticketChanges(id)));
        } catch (error) {
          if (error instanceof AppError || error instanceof RetryLater) throw error;
          // One malformed ticket must not stop the sync: skipped, and logged by id.
          log.warn(`rt: ticket ${id} skipped: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return { changes, nextCursor: JSON.stringify(next), done, progress: { done: Math.min(body.total, (c.page - 1) * this.pageSize + body.items.length), total: body.total } };
    } catch (error) {
      return pullFailure(error);
    }
  }

  /** The requestor's RealName ('' if RT has none or will not say): greetings use it, never the address. */
  private async requesterName(email: string): Promise<string> {
    if (!this.requesterNames.has(email)) {
      const name = await this.client.request<{ RealName?: string }>('GET', `user/${encodeURIComponent(email)}`).then(({ body }) => body.RealName?.trim() ?? '', () => '');
      this.requesterNames.set(email, name);
    }
    return this.requesterNames.get(email)!;
  }

  /** A ticket as RT has it now: customer, messages, and the ticket with its ETag. */
  private async ticketChanges(remoteId: string): Promise<Change[]> {
    const { body: rt, etag } = await this.client.request<RtTicket>('GET', `ticket/${remoteId}`);
    if (!rt || typeof rt.Subject !== 'string' || !rt.Status) throw new Error('not a ticket');
    const messages = await this.messagesOf(remoteId);
    const email = rt.Requestor?.[0]?.id ?? '';
    const customer = customerOf(this.account.id, email || `ticket-${remoteId}@unknown`, email ? await this.requesterName(email) : '');
    // RT has no tags: a ticket custom field (say "Tier" = "VIP") marks the customer.
    customer.vip = isVipBySource(this.vip, [], Object.fromEntries((rt.CustomFields ?? []).map((cf) => [cf.name, cf.values])));
    const queueId = rt.Queue?.id;
    if (queueId && !this.queues.has(String(queueId))) await this.loadAgents(); // a queue created since
    const ticket = ticketOf(this.account.id, rt, etag ?? '', messages, customer, queueId ? this.queues.get(String(queueId)) : undefined);
    return [{ kind: 'customer', customer }, ...messages.map((message) => ({ kind: 'message' as const, message })), { kind: 'ticket', ticket }];
  }

  private async messagesOf(remoteId: string): Promise<Message[]> {
    if (this.agents.size === 0) await this.loadAgents(); // who is an agent decides a message's direction
    const history = await this.all<RtTransaction>(`ticket/${remoteId}/history?fields=Type,Creator,Created`);
    const ticketId = `${this.account.id}:${remoteId}`;
    const agentNames = new Set(this.agents.keys());
    const out: Message[] = [];
    for (const txn of history.filter((t) => MESSAGE_TYPES.has(t.Type))) {
      const attachments = await this.all<RtAttachment>(`transaction/${txn.id}/attachments?fields=ContentType,Content,Filename,Headers`);
      out.push(messageOf(this.account.id, ticketId, txn, attachments, agentNames, ''));
    }
    return out;
  }

  /** RT Articles: every article the token may see, its Content custom field as the text (at most 500). */
  async articles(): Promise<Article[]> {
    try {
      const query = encodeURIComponent(JSON.stringify([{ field: 'id', operator: '>', value: 0 }]));
      const list = (await this.all<{ id: string }>(`articles?query=${query}`)).slice(0, 500);
      const out: Article[] = [];
      for (const { id } of list) {
        const { body } = await this.client.request<{ id: number; Name?: string; Summary?: string; CustomFields?: Array<{ name: string; values: string[] }> }>('GET', `article/${id}`);
        const content = body.CustomFields?.find((f) => f.name === 'Content')?.values.join('\n') ?? body.Summary ?? '';
        out.push({ id: String(body.id), title: body.Name || `Article ${body.id}`, body: content, locale: null });
      }
      return out;
    } catch (error) {
      return pullFailure(error);
    }
  }

  /** An attachment's bytes, fetched when the agent opens it (RT sends them base64). */
  async fetchAttachment(attachmentId: string): Promise<AttachmentContent> {
    const id = /:att-(\d+)$/.exec(attachmentId)?.[1];
    if (!id) throw new AppError('not_found', `No attachment "${attachmentId}" in Request Tracker.`);
    const { body } = await this.client.request<RtAttachment & { Filename?: string }>('GET', `attachment/${id}`);
    const name = body.Filename || /filename="?([^";\n]+)"?/i.exec(body.Headers ?? '')?.[1] || `attachment-${id}`;
    return { name, type: body.ContentType || 'application/octet-stream', data: new Uint8Array(Buffer.from(body.Content ?? '', 'base64')) };
  }

  protected async update(mutation: Mutation, fields: RtFields): Promise<PushResult> {
    const { remoteId } = mutation;
    const put = await this.client.request('PUT', `ticket/${remoteId}`, { body: fields, ifMatch: mutation.baseVersion ?? undefined, expect: [412] });
    if (put.status === 412) return { kind: 'conflict', remote: await this.currentTicket(remoteId) };
    // Only the new ETag is needed: the agent's ticket already shows the change (its history did not move).
    const { etag } = await this.client.request('GET', `ticket/${remoteId}`);
    return { kind: 'applied', ...(etag ? { version: etag } : { ticket: await this.currentTicket(remoteId) }), messages: [] };
  }

  private async currentTicket(remoteId: string) {
    const changes = await this.ticketChanges(remoteId);
    const ticket = changes.find((c) => c.kind === 'ticket');
    if (ticket?.kind !== 'ticket') throw new AppError('unavailable', `Request Tracker did not return ticket ${remoteId}.`);
    return ticket.ticket;
  }

  /**
   * Time worked: a comment carrying TimeTaken, which RT adds to the ticket's TimeWorked. Sent once: the
   * comment names the change, and a repeated push finds it.
   */
  protected override async logTime(mutation: Mutation, minutes: number): Promise<PushResult> {
    const text = `Time worked: ${minutes} min (Switchboard ${mutation.id.slice(0, 8)})`;
    await sendOnce(mutation, { text, internal: true }, {
      source: 'Request Tracker',
      messages: () => this.messagesOf(mutation.remoteId),
      send: () => this.client.request('POST', `ticket/${mutation.remoteId}/comment`, { body: { Content: text, ContentType: 'text/plain', TimeTaken: minutes } }),
    });
    return { kind: 'applied', ticket: await this.currentTicket(mutation.remoteId), messages: [] };
  }

  /**
   * Correspondence or a comment, sent once, with the status the agent chose in the same update. RT's scrip
   * "On Correspond Open Inactive Tickets" reopens a resolved ticket on correspondence; the Status given
   * with it is set right after, so the ticket ends as the agent said (a satisfaction request leaves it resolved).
   */
  protected async reply(mutation: Mutation, op: ReplyOp, files: LocalFile[]): Promise<PushResult> {
    const { text, internal } = op;
    // RT's REST2 takes files only base64 inside the JSON body: read from the staged files when sent.
    const attachments = await Promise.all(files.map(async (f) => ({ FileName: f.name, FileType: f.type, FileContent: (await readFile(f.path)).toString('base64') })));
    const message = await sendOnce(mutation, { text, internal }, {
      source: 'Request Tracker',
      messages: () => this.messagesOf(mutation.remoteId),
      send: () =>
        this.client.request('POST', `ticket/${mutation.remoteId}/${internal ? 'comment' : 'correspond'}`, {
          body: {
            Content: text,
            ContentType: 'text/plain',
            ...(op.status ? { Status: toRtStatus[op.status] } : {}),
            ...(attachments.length ? { Attachments: attachments } : {}),
          },
        }),
    });
    return { kind: 'applied', ticket: await this.currentTicket(mutation.remoteId), messages: [message] };
  }
}
