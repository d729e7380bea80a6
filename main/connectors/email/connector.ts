/**
 * The email Connector: IMAP (imapflow) for pulling mail and storing triage keywords, SMTP (nodemailer)
 * for replies. It keeps one IMAP connection open per account and reconnects when it drops; all sync
 * state is in the cursor the cache keeps.
 */
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { ImapAccountSettings } from '../../../shared/accounts';
import type { AttachmentContent, Capabilities, Connector, LocalFile, TestResult } from '../../../shared/connector';
import { AppError } from '../../../shared/contract/errors';
import type { Account, Agent, Message } from '../../../shared/domain';
import type { Mutation, PushResult } from '../../../shared/mutation';
import type { PullResult } from '../../../shared/sync';
import { attachmentFrom, parseAttachmentId } from './attachments';
import { bounded, localId } from '../../../shared/ids';
import { mailMessageId } from '../../../shared/triage';
import { decodeCursor, encodeCursor } from './cursor';
import { passwordCredentials, smtpAuth, type Credentials, type Login } from './credentials';
import { ConnectionError, explain } from './errors';
import { serverFolders } from './folders';
import { openImap } from './imap';
import { KeywordRefused, keywordsFor, statusAfterReplyKeywords, storeKeywords } from './keywords';
import { appendNote, composeNote, NOTES_FOLDER, notesFolder } from './notes';
import { pullPage } from './pull';
import type { PartialLimits } from './partial';
import { composeReply, sendOnce } from './send';
import type { SmtpJournal } from './smtp-journal';
import { probeCertificate, tlsOptionsFor } from './tls';
import { defaultWatchOptions, watchFolders, type WatchOptions } from './watch';

export interface EmailConnectorOptions {
  /** Messages per pull page. */
  batch?: number;
  /** Messages on the very first page, kept small so the inbox shows at once. */
  firstBatch?: number;
  maxPreviewBytes?: number;
  /** Which messages are fetched part by part, and which parts are left on the server (tests set both to 0). */
  partial?: PartialLimits;
  /** false: behave like a server without QRESYNC (tests the fallback). */
  qresync?: boolean;
  /** Where replies' SMTP progress is kept (a file in the data folder; memory for probes and tests). */
  journal?: SmtpJournal;
  /** How often the watcher checks its connection and the folders beside the first (tests shorten it). */
  watch?: Partial<WatchOptions>;
}

/** How long a first page fetched ahead (warmUp) may be handed out instead of a fresh one. */
const FIRST_PAGE_FRESH_MS = 60_000;

export const agentIdOf = (accountId: string, email: string) => localId(accountId, email.toLowerCase());

export class EmailConnector implements Connector {
  readonly account: Account;
  readonly me: Agent;
  readonly capabilities: Capabilities = {
    statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'],
    priority: true,
    assign: true,
    tags: true,
    internalNotes: true, // kept in the mailbox's notes folder (notes.ts)
    merge: true,
    flags: true,
    teams: false,
    attachments: true,
  };
  /**
   * Two connections: pulls only ever EXAMINE (read-only) and CLOSE a folder when done, so the next pull
   * selects it afresh and CLOSE never expunges; pushes select folders read-write.
   */
  private clients: Record<'pull' | 'push', ImapFlow | null> = { pull: null, push: null };
  private pulling: Promise<unknown> = Promise.resolve();
  private firstPage: { at: number; page: Promise<PullResult> } | null = null;
  private connecting: Record<'pull' | 'push', Promise<ImapFlow> | null> = { pull: null, push: null };
  private readonly credentials: Credentials;

  constructor(
    readonly settings: ImapAccountSettings,
    accountId: string,
    /** How it signs in; a function: the stored password. */
    credentials: Credentials | (() => string | null),
    private readonly options: EmailConnectorOptions = {},
  ) {
    this.credentials = typeof credentials === 'function' ? passwordCredentials(credentials) : credentials;
    this.account = { id: accountId, type: 'imap', name: settings.name, demo: false };
    this.me = { id: agentIdOf(accountId, settings.email), accountId, name: settings.name, email: settings.email.toLowerCase() };
  }

  private async login(): Promise<Login> {
    const login = await this.credentials.current();
    if (login !== null) return login;
    if (this.credentials.kind === 'oauth2') throw new AppError('needs_sign_in', `${this.settings.email} is not signed in. Sign in in Settings → Accounts.`);
    throw new AppError('needs_sign_in', `No password is stored for ${this.settings.email}. ${this.settings.passwordEnv ? `Set the environment variable ${this.settings.passwordEnv}` : 'Enter it in Settings'}.`);
  }

  /**
   * Runs `use` with the account's login; when a server refuses it and the credentials have a fresher one
   * (an OAuth token refreshed), once more with that.
   */
  private async signedIn<T>(use: (login: Login) => Promise<T>): Promise<T> {
    const login = await this.login();
    try {
      return await use(login);
    } catch (error) {
      if (!(error instanceof ConnectionError && error.problem === 'auth') || !(await this.credentials.refused(login))) throw error;
      return use(await this.login());
    }
  }

  private openImap(): Promise<ImapFlow> {
    return this.signedIn((login) => openImap(this.settings, login, { qresync: this.options.qresync }));
  }

  private asAppError(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const explained = error instanceof ConnectionError ? error : explain(error, { kind: 'IMAP', host: this.settings.imap.host, port: this.settings.imap.port, user: this.settings.username });
    return new AppError(explained.problem === 'auth' ? 'needs_sign_in' : 'unavailable', explained.message);
  }

  private async imap(role: 'pull' | 'push'): Promise<ImapFlow> {
    const open = this.clients[role];
    if (open?.usable) return open;
    this.connecting[role] ??= this.openImap()
      .then((client) => {
        this.clients[role] = client;
        client.on('close', () => {
          if (this.clients[role] === client) this.clients[role] = null;
        });
        return client;
      })
      .finally(() => {
        this.connecting[role] = null;
      });
    return this.connecting[role]!;
  }

  async testConnection(): Promise<TestResult> {
    const notes: string[] = [];
    const { imap, smtp } = this.settings;
    let client: ImapFlow | null = null;
    try {
      client = await this.openImap();
      if (!client.capabilities.has('IDLE')) notes.push('The server has no IDLE: new mail is found by polling.');
      if (!client.capabilities.has('CONDSTORE')) notes.push('The server has no CONDSTORE: flag changes are found by re-reading flags.');
      const { missing } = await serverFolders(client, this.settings.folders);
      if (missing.length) return { ok: false, problem: 'capability', message: `The mailbox has no folder ${missing.map((m) => `"${m}"`).join(', ')}.` };
      const tls = smtp.security === 'none' ? undefined : await tlsOptionsFor(smtp, 'smtp');
      await this.signedIn(async (login) => {
        const transport = nodemailer.createTransport({
          host: smtp.host, port: smtp.port, secure: smtp.security === 'tls', requireTLS: smtp.security === 'starttls',
          ignoreTLS: smtp.security === 'none', tls, auth: smtpAuth(this.settings.username, login), connectionTimeout: 15_000,
        });
        try {
          await transport.verify();
        } catch (error) {
          throw explain(error, { kind: 'SMTP', host: smtp.host, port: smtp.port, user: this.settings.username });
        } finally {
          transport.close();
        }
      });
      return { ok: true, notes };
    } catch (error) {
      // Nothing stored or a sign-in that is over: auth; an identity provider not answering: connect.
      if (error instanceof AppError) return { ok: false, problem: error.code === 'unavailable' ? 'connect' : 'auth', message: error.message };
      const explained = error instanceof ConnectionError ? error : explain(error, { kind: 'IMAP', host: imap.host, port: imap.port, user: this.settings.username });
      if (explained.problem === 'certificate') {
        const endpoint = explained.message.startsWith('The outgoing') ? smtp : imap;
        try {
          const cert = await probeCertificate(endpoint.host, endpoint.port, endpoint.security === 'starttls' ? (endpoint === smtp ? 'smtp' : 'imap') : null);
          return {
            ok: false,
            problem: 'certificate',
            message: `${explained.message} Its SHA-256 fingerprint is ${cert.fingerprint}. Trust it for this account only if that matches what your administrator gave you.`,
            fingerprint: cert.fingerprint,
            endpoint: endpoint === smtp ? 'smtp' : 'imap',
          };
        } catch {
          // fall through with the plain explanation
        }
      }
      return { ok: false, problem: explained.problem, message: explained.message };
    } finally {
      await client?.logout().catch(() => undefined);
    }
  }

  async pull(cursor: string | null): Promise<PullResult> {
    // A fresh cache's first page, fetched while the window was loading (warmUp): it is what a pull now
    // would have found a moment ago, and the cursor it carries brings whatever came since.
    const early = this.firstPage;
    this.firstPage = null;
    if (cursor === null && early && Date.now() - early.at < FIRST_PAGE_FRESH_MS) {
      try {
        return await early.page;
      } catch {
        // asked again below
      }
    }
    return this.serially(() => this.pullNow(cursor));
  }

  /** One pull at a time on the pull connection (each selects and closes folders). */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.pulling.then(task, task);
    this.pulling = run.catch(() => undefined);
    return run;
  }

  private async pullNow(cursor: string | null): Promise<PullResult> {
    const state = decodeCursor(cursor);
    try {
      const client = await this.imap('pull');
      const page = await pullPage(client, {
        accountId: this.account.id,
        ownAddresses: [this.settings.email, ...(this.settings.aliases ?? [])],
        // The team's notes folder is read too, once it exists (notes.ts).
        folders: (await serverFolders(client, [...this.settings.folders, NOTES_FOLDER])).paths,
        notesFolder: (await serverFolders(client, [NOTES_FOLDER])).paths[0],
        batch: cursor === null ? (this.options.firstBatch ?? Math.min(25, this.options.batch ?? 25)) : (this.options.batch ?? 500),
        maxPreviewBytes: this.options.maxPreviewBytes ?? 10 * 1024 * 1024,
        partial: this.options.partial,
      }, state);
      const agents = cursor === null ? [{ kind: 'agent' as const, agent: this.me }] : [];
      return { changes: [...agents, ...page.changes], nextCursor: encodeCursor(page.cursor), done: page.done, progress: page.progress };
    } catch (error) {
      throw this.asAppError(error);
    }
  }

  private async sentFolder(client: ImapFlow): Promise<string> {
    if (this.settings.sentFolder) return this.settings.sentFolder;
    const sent = (await client.list()).find((f) => f.specialUse === '\\Sent');
    return sent?.path ?? 'Sent';
  }

  async push(mutation: Mutation, files: LocalFile[] = []): Promise<PushResult> {
    if (!mutation.email) return { kind: 'rejected', reason: 'This change has no email details; reopen the conversation and try again.' };
    // A connection that died since its last use (the server closed it, a network change) is opened again
    // once: STOREs are idempotent, and a reply's exactly-once rules (send.ts) make a repeat harmless.
    for (let attempt = 0; ; attempt++) {
      const client = await this.imap('push').catch((error: unknown) => {
        throw this.asAppError(error);
      });
      try {
        return await this.pushWith(client, mutation, mutation.email, files);
      } catch (error) {
        if (error instanceof KeywordRefused) return { kind: 'rejected', reason: error.message };
        if (attempt === 0 && !client.usable) continue;
        throw this.asAppError(error);
      }
    }
  }

  private async pushWith(client: ImapFlow, mutation: Mutation, email: NonNullable<Mutation['email']>, files: LocalFile[]): Promise<PushResult> {
    const { op } = mutation;
    if (op.type === 'reply') {
      if (op.internal) return this.note(client, mutation, email, op.text);
      // The status the agent chose goes on the conversation first: a mailbox that refuses it stops the reply
      // (nothing sent, the agent told why) rather than leaving the app and the mailbox disagreeing.
      if (op.status) await storeKeywords(client, email.targets, statusAfterReplyKeywords(op.status));
      const composed = await composeReply(this.settings, mutation, email, op.text, files);
      const recipients = [...email.to, ...email.cc].map((a) => a.email);
      const { sentCopy } = this.settings;
      const serverKeepsSent = sentCopy === 'server' || (sentCopy === 'auto' && client.capabilities.has('X-GM-EXT-1'));
      const sent = await this.sentFolder(client);
      const outcome = await this.signedIn((login) => sendOnce(client, this.settings, login, sent, composed, recipients, serverKeepsSent, this.options.journal));
      if ('refused' in outcome) return { kind: 'rejected', reason: outcome.refused };
      if (email.replyTo) await storeKeywords(client, [email.replyTo], { add: ['\\Answered'], remove: [] }).catch(() => undefined);
      const id = mailMessageId(this.account.id, composed.messageId); // the id the pulled Sent copy will have
      const message: Message = {
        id,
        ticketId: mutation.ticketId,
        accountId: this.account.id,
        author: { name: this.settings.name, email: this.settings.email },
        direction: 'out',
        internal: false,
        createdAt: mutation.createdAt,
        text: op.text,
        attachments: files.map((f, i) => ({ id: bounded(`${id}:a${i}`), name: f.name, size: f.size, type: f.type })),
      };
      return { kind: 'applied', messages: [message] };
    }
    // Keywords carry the assignee's address, which every agent sharing the mailbox recognises.
    const change = keywordsFor(op.type === 'setAssignee' && op.assigneeId ? { ...op, assigneeId: op.assigneeId.replace(`${this.account.id}:`, '') } : op);
    if (!change) return { kind: 'rejected', reason: 'Email accounts do not support this change.' };
    await storeKeywords(client, email.targets, change);
    return { kind: 'applied', messages: [] };
  }

  /** An internal note: into the mailbox's notes folder, never to the customer (notes.ts). */
  private async note(client: ImapFlow, mutation: Mutation, email: NonNullable<Mutation['email']>, text: string): Promise<PushResult> {
    const { raw, messageId } = await composeNote(this.settings, mutation, email, text);
    await appendNote(client, await notesFolder(client), raw, messageId);
    const message: Message = {
      id: mailMessageId(this.account.id, messageId),
      ticketId: mutation.ticketId,
      accountId: this.account.id,
      author: { name: this.settings.name, email: this.settings.email },
      direction: 'out',
      internal: true,
      createdAt: mutation.createdAt,
      text,
      attachments: [],
    };
    return { kind: 'applied', messages: [message] };
  }

  /**
   * Opens the pull connection ahead of the first pull, so the first page does not wait for a login, and
   * fetches the newest page for a window whose cache is still empty (25 messages; dropped after a minute
   * when every window had a cache). Resolves when that page is ready (or failed).
   */
  warmUp(): Promise<void> {
    if (!this.credentials.stored()) return Promise.resolve();
    const page = this.serially(() => this.pullNow(null));
    this.firstPage = { at: Date.now(), page };
    return page.then(
      () => undefined,
      () => undefined, // a failure shows on the pull itself
    );
  }

  /**
   * Tells `onChange` when mail arrives, is expunged or changes flags in any synced folder: IDLE on the first,
   * STATUS on the others, the connection proved alive every cycle and opened again when it is not (watch.ts).
   */
  watch(onChange: () => void): () => void {
    // Nothing stored: the open fails (needs sign-in) and the watcher pauses, doubling, like any failure.
    const open = () => this.openImap();
    const folders = async (client: ImapFlow) => (await serverFolders(client, [...this.settings.folders, NOTES_FOLDER])).paths;
    return watchFolders(open, folders, onChange, { ...defaultWatchOptions(this.settings.folders.length), ...this.options.watch });
  }

  async fetchAttachment(attachmentId: string): Promise<AttachmentContent> {
    const ref = parseAttachmentId(attachmentId, this.account.id);
    try {
      const client = await this.imap('push');
      const lock = await client.getMailboxLock(ref.folder, { readOnly: true });
      let source: Buffer | undefined;
      try {
        if (Number((client.mailbox as { uidValidity: bigint }).uidValidity) !== ref.uidValidity) throw new AppError('not_found', 'That message was renumbered on the server; sync and try again');
        const message = await client.fetchOne(String(ref.uid), { source: true }, { uid: true });
        source = message ? message.source : undefined;
      } finally {
        lock.release();
      }
      if (!source) throw new AppError('not_found', 'That message is no longer on the server');
      return ref.index === 'raw' ? { name: 'message.eml', type: 'message/rfc822', data: source } : await attachmentFrom(source, ref.index);
    } catch (error) {
      throw this.asAppError(error);
    }
  }

  async close(): Promise<void> {
    this.firstPage = null;
    const clients = Object.values(this.clients);
    this.clients = { pull: null, push: null };
    await Promise.all(clients.map((c) => c?.logout().catch(() => undefined)));
  }
}
