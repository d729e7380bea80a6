/**
 * The one contract between the renderer and main, used by both transports (Electron IPC and the
 * browser-mode WebSocket). Every request is validated against `params` where it enters main.
 */
import { z } from 'zod';
import { AccountSettings, ImapAccountSettings } from '../accounts';
import { Account, Agent, Article } from '../domain';
import { FileId, Mutation, PushResult } from '../mutation';
import { FILE_CHUNK_BYTES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, MAX_DOWNLOAD_BYTES } from '../limits';
import { DesktopSettings, Licence, Navigate, ShellState } from '../shell';
import { PullResult } from '../sync';
import type { Envelope } from './errors';
import { SignInId, signInMethods } from './sign-in';
import type { EventName, MethodName } from './names';

export * from './errors';
export * from './names';
export * from './sign-in';

const Empty = z.object({}).strict();

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  /** The signed-in agent per account; the demo has one. */
  me: z.array(Agent),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const AccountId = z.string().min(1).max(200);

/** What a connection test says: it works (with notes), or what failed, in the agent's words. */
const TestAnswer = z.union([
  z.object({ ok: z.literal(true), notes: z.array(z.string()) }),
  z.object({ ok: z.literal(false), problem: z.string(), message: z.string(), fingerprint: z.string().optional(), endpoint: z.enum(['imap', 'smtp']).optional() }),
]);

export const contract = {
  appInfo: { params: Empty, result: AppInfo },
  listAccounts: { params: Empty, result: z.array(Account) },
  pull: {
    params: z.object({ accountId: AccountId, cursor: z.string().max(10_000).nullable() }).strict(),
    result: PullResult,
  },
  push: { params: z.object({ mutation: Mutation }).strict(), result: PushResult },
  removeDemo: { params: Empty, result: z.object({ removed: z.boolean() }) },
  restoreDemo: { params: Empty, result: z.object({ restored: z.boolean() }) },
  /** Tries the settings without saving them. The password travels to main only, never back. */
  testAccount: {
    params: z.object({ settings: AccountSettings, password: z.string().min(1).max(1000) }).strict(),
    result: TestAnswer,
  },
  /** A new password or token for an account (the old one expired or was revoked): tried first, kept only if it works. */
  changeSecret: {
    params: z.object({ accountId: AccountId, secret: z.string().min(1).max(1000) }).strict(),
    result: TestAnswer,
  },
  /** With a password or token, or, for an OAuth2 email account, the id of its finished sign-in. */
  addAccount: {
    params: z.union([
      z.object({ settings: AccountSettings, password: z.string().min(1).max(1000) }).strict(),
      z.object({ settings: ImapAccountSettings, signInId: SignInId }).strict(),
    ]),
    result: Account,
  },
  ...signInMethods,
  /**
   * Content on demand: an attachment, or `…:raw` for a whole original message (at most 50 MB). Main fetches
   * it and keeps it as a staged file; the page reads it with `readFile` a chunk at a time, then discards it —
   * no frame or IPC message carries a whole file either way.
   */
  fetchAttachment: {
    params: z.object({ accountId: AccountId, attachmentId: z.string().min(1).max(2000) }).strict(),
    result: z.object({ name: z.string(), type: z.string(), size: z.number(), fileId: z.string() }),
  },
  /** A chunk of a staged file (base64, at most FILE_CHUNK_BYTES) from `offset`. */
  readFile: {
    params: z.object({ fileId: FileId, offset: z.number().int().nonnegative().max(MAX_DOWNLOAD_BYTES) }).strict(),
    result: z.object({ chunk: z.string() }),
  },
  /**
   * A file for a reply, staged in main a chunk at a time (base64, at most FILE_CHUNK_BYTES): `offset` 0
   * starts it (again), each next chunk follows the bytes received. Staged files are named by the change.
   */
  stageFile: {
    params: z
      .object({
        fileId: FileId,
        size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
        offset: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
        chunk: z.string().max(Math.ceil(FILE_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
    result: z.object({ received: z.number(), complete: z.boolean() }),
  },
  /** Staged files no change needs any more (sent, undone, removed from the composer). */
  discardFiles: { params: z.object({ fileIds: z.array(FileId).max(MAX_ATTACHMENTS) }).strict(), result: z.object({}) },
  /** The source's knowledge-base articles (RT Articles, Zendesk Guide), as text, to insert into replies offline. */
  articles: {
    params: z.object({ accountId: AccountId }).strict(),
    result: z.object({ articles: z.array(Article).max(5000) }),
  },
  /** A native desktop notification (Electron); a click brings the window forward and opens the ticket (a summary has none). */
  notify: {
    params: z.object({ title: z.string().max(300), body: z.string().max(1000), ticketId: z.string().max(500).optional() }).strict(),
    result: z.object({ shown: z.boolean() }),
  },
  /** The count of tickets at risk on the dock/taskbar badge (0 clears it). */
  setBadge: { params: z.object({ count: z.number().int().min(0).max(100_000) }).strict(), result: z.object({ shown: z.boolean() }) },
  /** A text for support requests: versions, platform, accounts (kind and server only), recent log lines. */
  diagnostics: { params: Empty, result: z.object({ text: z.string() }) },
  removeAccount: { params: z.object({ accountId: AccountId }).strict(), result: z.object({ removed: z.boolean() }) },
  openExternal: {
    params: z.object({ url: z.string().max(4096) }).strict(),
    result: z.object({ opened: z.boolean() }),
  },
  /** Sync paused or not, the update in progress, the desktop settings. */
  shellState: { params: Empty, result: ShellState },
  /** Pause or resume all syncing (also from the tray). */
  setSyncPaused: { params: z.object({ paused: z.boolean() }).strict(), result: ShellState },
  /** Desktop only; browser mode answers `unsupported`. */
  setDesktopSettings: { params: DesktopSettings.partial().strict(), result: ShellState },
  /** What main cannot see itself: whether the outbox is sending (updates wait for it), the UI's language (tray and menu). */
  reportActivity: {
    params: z.object({ outboxBusy: z.boolean().optional(), language: z.enum(['en', 'ru']).optional() }).strict(),
    result: z.object({}),
  },
  /** "Restart to update": now, or as soon as the outbox has finished sending. */
  installUpdate: { params: Empty, result: ShellState },
  /** Which sources main reached at its last try, per account. */
  connectivity: {
    params: Empty,
    result: z.record(z.string(), z.object({ reachable: z.boolean(), since: z.number(), message: z.string().optional() })),
  },
  /** Versions and the licences of everything shipped in the app. */
  about: {
    params: Empty,
    result: z.object({ version: z.string(), runtime: z.string(), licences: z.array(Licence) }),
  },
} satisfies Record<MethodName, { params: z.ZodType; result: z.ZodType }>;

export const events = {
  /** A source has changes to pull (new mail, a pushed change applied, an IDLE notice). */
  syncChanged: z.object({ accountId: AccountId }),
  /** Accounts were added or removed. */
  accountsChanged: z.object({}),
  /** The agent clicked a notification or a switchboard:// link; null: the link points to no ticket. */
  openTicket: z.object({ ticketId: z.string().nullable() }),
  /** Sync paused or resumed, update progress, desktop settings changed. */
  shellChanged: ShellState,
  /** A source became reachable or unreachable (told by main's last call to it). */
  connectivityChanged: z.object({ accountId: AccountId, reachable: z.boolean(), message: z.string().optional() }),
  /** The application menu or a mailto: link asks the UI to show something. */
  navigate: Navigate,
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
export type Result<M extends MethodName> = z.output<Contract[M]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** What the renderer calls: every method resolves to its result or throws an AppError. */
export type Api = { [M in MethodName]: (params: Params<M>) => Promise<Result<M>> } & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** What a transport (preload, WebSocket) carries: the same methods, answering with envelopes. */
export type RawApi = { [M in MethodName]: (params: Params<M>) => Promise<Envelope<Result<M>>> } & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** The handlers main implements, one per method, given validated params. */
export type Handlers = { [M in MethodName]: (params: z.output<Contract[M]['params']>) => Promise<Result<M>> };

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
