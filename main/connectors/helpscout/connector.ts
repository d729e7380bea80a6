/**
 * Help Scout's Inbox API 2.0 with an app's OAuth2 client credentials: conversations by `modifiedSince`,
 * ascending, with their threads embedded, page by page. Push: reply, note, JSON-patch of status and
 * assignee, PUT of tags. Help Scout has no conditional update and no priority: a change first checks that
 * the conversation is still as the agent saw it (else a conflict), and priority is not offered.
 */
import { readFile } from 'node:fs/promises';
import type { AttachmentContent, Capabilities, LocalFile } from '../../../shared/connector';
import { AppError } from '../../../shared/contract';
import type { Account, Ticket } from '../../../shared/domain';
import type { Mutation, PushResult } from '../../../shared/mutation';
import type { Change, PullResult } from '../../../shared/sync';
import { localId } from '../../../shared/ids';
import { isVipBySource } from '../../../shared/vip';
import { JsonClient, pullFailure } from '../http/client';
import { type FieldNames, HelpdeskConnector, type ReplyOp } from '../http/helpdesk';
import { Pacer, type Clock } from '../http/pacer';
import { sendOnce } from '../http/send-once';
import { teamChanges } from '../http/teams';
import { advance, readSinceCursor } from '../http/since-cursor';
import { customerOf, type HsConversation, type HsPerson, messagesOf, nameOf, ticketOf, toHsStatus, updatedOf } from './map';

interface HalPage<T> {
  _embedded?: Record<string, T[]>;
  page?: { size: number; totalElements: number; totalPages: number; number: number };
}

const EPOCH = '1970-01-01T00:00:00Z';
const MAX_PAGES = 200;

/** A change to a conversation as Help Scout takes it: a JSON Patch on it, or its tags replaced. */
interface HsChange {
  method: 'PATCH' | 'PUT';
  /** After `conversations/{id}`. */
  path: '' | '/tags';
  body: unknown;
}
const patch = (body: { op: string; path: string; value?: unknown }): HsChange => ({ method: 'PATCH', path: '', body });

export class HelpScoutConnector extends HelpdeskConnector<HsChange> {
  readonly capabilities: Capabilities = { statuses: ['new', 'open', 'pending', 'closed'], priority: false, assign: true, tags: true, internalNotes: true, merge: false, flags: false, teams: true, attachments: true };
  protected readonly source = 'Help Scout';
  protected readonly teamWord = 'mailbox';
  protected readonly fields: FieldNames<HsChange> = {
    status: (status) => patch({ op: 'replace', path: '/status', value: toHsStatus[status] }),
    assignee: (agentId) => (agentId ? patch({ op: 'replace', path: '/assignTo', value: Number(agentId) }) : patch({ op: 'remove', path: '/assignTo' })),
    // Escalating moves the conversation to the mailbox of the next line.
    team: async (name) => {
      if (this.mailboxes.size === 0) await this.loadMailboxes();
      const mailbox = [...this.mailboxes].find(([, box]) => box === name)?.[0];
      return mailbox === undefined ? null : patch({ op: 'move', path: '/mailboxId', value: mailbox });
    },
    tags: (tags) => ({ method: 'PUT', path: '/tags', body: { tags } }),
  };
  private readonly client: JsonClient;
  private readonly base: string;
  private token: { value: string; until: number } | null = null;
  private mailboxes = new Map<number, string>();

  constructor(
    account: Account,
    url: string,
    private readonly appId: string,
    private readonly appSecret: () => string | null,
    options: { clock?: Clock; share?: number } = {},
  ) {
    super(account);
    this.base = `${url.replace(/\/+$/, '')}/v2/`;
    this.client = new JsonClient({
      base: this.base,
      source: 'Help Scout',
      authorization: () => (this.token ? `Bearer ${this.token.value}` : null),
      // Until Help Scout's X-RateLimit-Limit-Minute says the account's limit: 200 a minute.
      pacer: new Pacer({ clock: options.clock, share: options.share, limits: { default: 200 } }),
    });
  }

  /** An access token for the app (client credentials), renewed a minute before it expires. */
  private async signIn(): Promise<void> {
    if (this.token && this.token.until > Date.now()) return;
    const secret = this.appSecret();
    if (!secret) throw new AppError('needs_sign_in', 'Help Scout needs the app secret: enter it in Settings.');
    let response: Response;
    try {
      response = await fetch(`${this.base}oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: this.appId, client_secret: secret }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new AppError('unavailable', `Help Scout at ${new URL(this.base).host} cannot be reached; Switchboard keeps trying.`);
    }
    if (response.status === 400 || response.status === 401) throw new AppError('needs_sign_in', 'Help Scout refused the app ID or secret: enter them again in Settings.');
    if (!response.ok) throw new AppError('unavailable', `Help Scout could not sign in (${response.status}); Switchboard retries.`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, until: Date.now() + Math.max(0, body.expires_in - 60) * 1000 };
  }

  /** A call with a valid token; a token refused mid-way is renewed once. */
  private async call<T>(method: string, path: string, body?: unknown) {
    await this.signIn();
    try {
      return await this.client.request<T>(method, path, { body });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'needs_sign_in') throw error;
      this.token = null;
      await this.signIn();
      return this.client.request<T>(method, path, { body });
    }
  }

  protected async signInCheck(): Promise<void> {
    const { body } = await this.call<HsPerson>('GET', 'users/me');
    this.me = { id: localId(this.account.id, String(body.id)), accountId: this.account.id, name: nameOf(body), email: body.email ?? '' };
  }

  /** Every page of a HAL list (users, mailboxes: 50 a page), not only the first. */
  private async allPages<T>(path: string, key: string): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { body } = await this.call<HalPage<T>>('GET', page === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${page}`);
      out.push(...(body?._embedded?.[key] ?? []));
      if (!body?.page || body.page.number >= body.page.totalPages) break;
    }
    return out;
  }

  /** Mailboxes are the teams: their names, read with the agents (and before a move, after a restart). */
  private async loadMailboxes(): Promise<void> {
    const mailboxes = await this.allPages<{ id: number; name: string }>('mailboxes', 'mailboxes');
    this.mailboxes = new Map(mailboxes.map((m) => [m.id, m.name]));
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const c = readSinceCursor(cursor, EPOCH);
    try {
      const changes: Change[] = [];
      if (c.page === 1) {
        for (const u of await this.allPages<HsPerson>('users', 'users')) changes.push({ kind: 'agent', agent: { id: localId(this.account.id, String(u.id)), accountId: this.account.id, name: nameOf(u), email: u.email ?? '' } });
        await this.loadMailboxes();
        changes.push(...teamChanges(this.account.id, this.mailboxes));
      }
      const since = c.since === EPOCH ? '' : `&modifiedSince=${encodeURIComponent(c.since)}`;
      const { body } = await this.call<HalPage<HsConversation>>('GET', `conversations?status=all${since}&sortField=modifiedAt&sortOrder=asc&embed=threads&page=${c.page}`);
      const conversations = body._embedded?.conversations ?? [];
      const last = !body.page || body.page.number >= body.page.totalPages;
      const { fetch, next } = advance(c, conversations.map((x) => ({ id: String(x.id), updated: updatedOf(x) })), last);
      for (const conversation of conversations.filter((x) => fetch.includes(String(x.id)))) changes.push(...this.changesOf(conversation));
      const total = body.page?.totalElements ?? conversations.length;
      return { changes, nextCursor: JSON.stringify(next), done: last, progress: { done: Math.min(total, (c.page - 1) * (body.page?.size ?? 0) + conversations.length), total, unit: 'tickets' } };
    } catch (error) {
      return pullFailure(error);
    }
  }

  private changesOf(conversation: HsConversation): Change[] {
    const customer = customerOf(this.account.id, conversation.primaryCustomer);
    customer.vip = isVipBySource(this.vip, (conversation.tags ?? []).map((x) => x.tag), {});
    const messages = messagesOf(this.account.id, conversation);
    return [{ kind: 'customer', customer }, ...messages.map((message) => ({ kind: 'message' as const, message })), { kind: 'ticket', ticket: ticketOf(this.account.id, conversation, messages, customer, this.mailboxes.get(conversation.mailboxId ?? 0)) }];
  }

  private async current(remoteId: string): Promise<{ ticket: Ticket; changes: Change[]; conversation: HsConversation }> {
    const { body } = await this.call<HsConversation>('GET', `conversations/${remoteId}?embed=threads`);
    const changes = this.changesOf(body);
    const ticket = changes.find((x) => x.kind === 'ticket');
    if (ticket?.kind !== 'ticket') throw new AppError('unavailable', `Help Scout did not return conversation ${remoteId}.`);
    return { ticket: ticket.ticket, changes, conversation: body };
  }

  /** An attachment's bytes (Help Scout sends them base64). */
  async fetchAttachment(attachmentId: string): Promise<AttachmentContent> {
    const [, conversation, id] = /:attachment-(\d+)-(\d+)$/.exec(attachmentId) ?? [];
    if (!conversation || !id) throw new AppError('not_found', `No attachment "${attachmentId}" in Help Scout.`);
    try {
      const { changes } = await this.current(conversation);
      const file = changes.flatMap((x) => (x.kind === 'message' ? x.message.attachments : [])).find((a) => a.id === attachmentId);
      const { body } = await this.call<{ data: string }>('GET', `conversations/${conversation}/attachments/${id}/data`);
      return { name: file?.name ?? `attachment-${id}`, type: file?.type || 'application/octet-stream', data: new Uint8Array(Buffer.from(body.data ?? '', 'base64')) };
    } catch (error) {
      return pullFailure(error);
    }
  }

  protected async reply(mutation: Mutation, op: ReplyOp, files: LocalFile[]): Promise<PushResult> {
    const { remoteId } = mutation;
    const { conversation } = await this.current(remoteId);
    const message = await sendOnce(mutation, { text: op.text, internal: op.internal }, {
      source: 'Help Scout',
      messages: async () => (await this.current(remoteId)).changes.flatMap((x) => (x.kind === 'message' ? [x.message] : [])),
      // A reply takes the status the agent chose (else Help Scout re-activates the conversation).
      send: async () =>
        op.internal
          ? this.call('POST', `conversations/${remoteId}/notes`, { text: op.text })
          : this.call('POST', `conversations/${remoteId}/reply`, {
              customer: { id: conversation.primaryCustomer.id },
              text: op.text,
              ...(op.status ? { status: toHsStatus[op.status] } : {}),
              // Help Scout takes files base64 inside the reply, read from the staged files when sent.
              ...(files.length ? { attachments: await Promise.all(files.map(async (f) => ({ fileName: f.name, mimeType: f.type || 'application/octet-stream', data: (await readFile(f.path)).toString('base64') }))) } : {}),
            }),
    });
    let after = await this.current(remoteId);
    // A note takes no status: it is set after it (as again after a repeated reply: harmless).
    if (op.status && toHsStatus[after.ticket.status] !== toHsStatus[op.status]) {
      await this.call('PATCH', `conversations/${remoteId}`, { op: 'replace', path: '/status', value: toHsStatus[op.status] });
      after = await this.current(remoteId);
    }
    return { kind: 'applied', ticket: after.ticket, messages: [message] };
  }

  /** Help Scout has no conditional update: the conversation is read first, and a newer one is a conflict. */
  protected async update(mutation: Mutation, change: HsChange): Promise<PushResult> {
    const before = await this.current(mutation.remoteId);
    if (mutation.baseVersion && before.ticket.version !== mutation.baseVersion) return { kind: 'conflict', remote: before.ticket };
    await this.call(change.method, `conversations/${mutation.remoteId}${change.path}`, change.body);
    return { kind: 'applied', ticket: (await this.current(mutation.remoteId)).ticket, messages: [] };
  }
}
