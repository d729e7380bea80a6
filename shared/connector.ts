/**
 * The one interface every source implements: demo, email (IMAP + SMTP) and each helpdesk.
 * Implementations live in main/connectors and import no electron, so browser mode and tests use them as they are.
 */
import type { Account, Agent, Article, Capabilities } from './domain';

export type { Capabilities };
import type { Mutation, PushResult } from './mutation';
import type { PullResult } from './sync';


/** Why a connection failed, in categories the agent can act on. */
export type ConnectionProblem =
  | 'name_lookup' // the host name does not resolve
  | 'connect' // nothing answers at host:port
  | 'timeout'
  | 'certificate' // TLS certificate not trusted: `fingerprint` says which one
  | 'tls' // other TLS failure
  | 'auth' // the password or token was refused
  | 'capability' // the server lacks something Switchboard needs
  | 'protocol'; // the server answered something unexpected

export type TestResult =
  | { ok: true; notes: string[] }
  | { ok: false; problem: ConnectionProblem; message: string; fingerprint?: string; endpoint?: 'imap' | 'smtp' };

/** An attachment's content, or a whole original message (`message/rfc822`). */
export interface AttachmentContent {
  name: string;
  type: string;
  data: Uint8Array;
}

/** A file staged for a reply (main/services/staged-files.ts): on this computer, at `path`. */
export interface LocalFile {
  name: string;
  type: string;
  size: number;
  path: string;
}

export interface Connector {
  readonly account: Account;
  readonly capabilities: Capabilities;
  /** The agent this account signs in as, once known. */
  readonly me: Agent | null;
  testConnection(): Promise<TestResult>;
  /** Changes after `cursor` (null: from the beginning), a page at a time. */
  pull(cursor: string | null): Promise<PullResult>;
  /** Apply one mutation; the mutation id makes a repeated push a no-op. `files`: a reply's attachments, in order. */
  push(mutation: Mutation, files?: LocalFile[]): Promise<PushResult>;
  /** The content of an attachment listed in a pulled message, fetched only when the agent opens it. */
  fetchAttachment?(attachmentId: string): Promise<AttachmentContent>;
  /** The knowledge base's articles, where the source has one. */
  articles?(): Promise<Article[]>;
  /** Calls `onChange` when the source has something new to pull (IMAP IDLE); returns a stop function. */
  watch?(onChange: () => void): () => void;
  /** Let go of connections; the connector may be used again afterwards. */
  close?(): Promise<void>;
}
