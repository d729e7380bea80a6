/**
 * Zendesk's records in Switchboard's vocabulary: its statuses (hold → on hold), priorities, channels
 * (`via.channel`), users as agents or customers, comments as messages (private ones are notes).
 */
import { type Agent, type Channel, type Customer, customerIdFor, localId, type Message, type Priority, type Ticket, type TicketStatus } from '../../../shared/domain';
import { isVipBySource, type VipSource } from '../../../shared/vip';
import { htmlToText } from '../../../shared/html-text';
import { threadFacts } from '../thread-facts';

export interface ZdTicket {
  id: number;
  subject: string | null;
  status: string;
  priority: string | null;
  requester_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id?: number | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  due_at: string | null;
  /** The first comment's text (the export carries it; scrubbed on deleted tickets). */
  description?: string | null;
  via?: { channel?: string | number };
  /** The customer's survey answer: good or bad once rated; offered or unoffered before. */
  satisfaction_rating?: { score?: string } | null;
}

export interface ZdComment {
  id: number;
  author_id: number;
  /** Plain text; real records also carry `html_body` and `plain_body` (and may lack one or the other). */
  body?: string | null;
  plain_body?: string | null;
  html_body?: string | null;
  public: boolean;
  created_at: string;
  attachments?: Array<{ id: number; file_name: string; content_type: string; size?: number | null; inline?: boolean; content_url?: string }>;
}

export interface ZdUser {
  id: number;
  name: string;
  email: string | null;
  role: string;
  organization_id: number | null;
  tags?: string[];
  user_fields?: Record<string, unknown>;
}

export interface ZdOrganization {
  id: number;
  name: string;
  tags?: string[];
  organization_fields?: Record<string, unknown>;
}

const statuses: Record<string, TicketStatus> = { new: 'new', open: 'open', pending: 'pending', hold: 'on-hold', solved: 'solved', closed: 'closed' };
export const toZdStatus: Record<TicketStatus, string> = { new: 'new', open: 'open', pending: 'pending', 'on-hold': 'hold', solved: 'solved', closed: 'closed' };
const channels: Record<string, Channel> = {
  email: 'email', web: 'web', web_form: 'web', web_widget: 'web', mobile: 'web', help_center: 'web',
  chat: 'chat', native_messaging: 'chat', mobile_sdk: 'chat', sms: 'chat', whatsapp: 'chat', line: 'chat', wechat: 'chat', messagebird_sms: 'chat',
  voice: 'phone', phone: 'phone',
  twitter: 'social', facebook: 'social', instagram_dm: 'social',
  api: 'api', rule: 'api', system: 'api', any_channel: 'api',
};

export function isAgent(user: ZdUser): boolean {
  return user.role === 'agent' || user.role === 'admin';
}

export function agentOf(accountId: string, user: ZdUser): Agent {
  return { id: localId(accountId, String(user.id)), accountId, name: user.name, email: user.email ?? '' };
}

/** VIP from Zendesk: the account's tag (default "vip") or custom field, on the user or their organization. */
export function customerOf(accountId: string, user: ZdUser | undefined, userId: number, organization: ZdOrganization | undefined, rule?: VipSource): Customer {
  const email = user?.email ?? `user-${userId}@zendesk.invalid`;
  const vip = isVipBySource(rule, [...(user?.tags ?? []), ...(organization?.tags ?? [])], { ...organization?.organization_fields, ...user?.user_fields });
  return { id: customerIdFor(email), accountId, name: user?.name || email, email, organization: organization?.name ?? null, vip };
}

export function messageOf(accountId: string, ticketId: string, comment: ZdComment, users: ReadonlyMap<number, ZdUser>): Message {
  const author = users.get(comment.author_id);
  const fromAgent = !!author && isAgent(author);
  return {
    id: localId(accountId, `comment-${comment.id}`),
    ticketId,
    accountId,
    author: { name: author?.name ?? `User ${comment.author_id}`, email: author?.email ?? '' },
    direction: fromAgent ? 'out' : 'in',
    internal: comment.public === false,
    createdAt: Date.parse(comment.created_at) || 0,
    text: comment.plain_body ?? comment.body ?? (comment.html_body ? htmlToText(comment.html_body).replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim() : ''),
    attachments: (comment.attachments ?? []).map((a) => ({ id: localId(accountId, `attachment-${a.id}`), name: a.file_name, size: Math.max(0, Math.round(Number(a.size) || 0)), type: a.content_type || 'application/octet-stream' })),
  };
}

/**
 * `messages`: the ticket's comments, or null when they are not read yet (a first sync lists tickets first):
 * its preview is then the ticket's description.
 */
export function ticketOf(accountId: string, zd: ZdTicket, messages: Message[] | null, customer: Customer, team?: string): Ticket {
  const score = zd.satisfaction_rating?.score;
  const thread = messages ? threadFacts(messages) : { firstResponseAt: null, preview: (zd.description ?? '').slice(0, 140) };
  return {
    id: localId(accountId, String(zd.id)),
    accountId,
    remoteId: String(zd.id),
    subject: zd.subject ?? '',
    // A status Switchboard does not know stays open (it may need an answer) and shows Zendesk's own word.
    status: statuses[zd.status] ?? 'open',
    sourceStatus: zd.status,
    priority: (['low', 'normal', 'high', 'urgent'] as Priority[]).find((p) => p === zd.priority) ?? 'normal',
    channel: channels[String(zd.via?.channel ?? '')] ?? 'web',
    customerId: customer.id,
    assigneeId: zd.assignee_id ? localId(accountId, String(zd.assignee_id)) : null,
    tags: zd.tags ?? [],
    createdAt: Date.parse(zd.created_at) || 0,
    updatedAt: Date.parse(zd.updated_at) || 0,
    slaDueAt: zd.due_at ? Date.parse(zd.due_at) || null : null,
    ...thread,
    messageCount: messages?.length ?? 0,
    // `updated_stamp` for Zendesk's safe_update: the base of a conflict check.
    version: zd.updated_at,
    ...(score === 'good' || score === 'bad' ? { satisfaction: score } : {}),
    ...(team ? { team } : {}),
  };
}
