/**
 * The one interface every source implements: demo, email (IMAP + SMTP) and each helpdesk.
 * Implementations live in main/connectors and import no electron, so browser mode and tests use them as they are.
 */
import type { Account, Agent, TicketStatus } from './domain';
import type { Mutation, PushResult } from './mutation';
import type { PullResult } from './sync';

export interface Capabilities {
  statuses: readonly TicketStatus[];
  priority: boolean;
  assign: boolean;
  tags: boolean;
  internalNotes: boolean;
  merge: boolean;
}

export type TestResult = { ok: true } | { ok: false; message: string };

export interface Connector {
  readonly account: Account;
  readonly capabilities: Capabilities;
  /** The agent this account signs in as, once known. */
  readonly me: Agent | null;
  testConnection(): Promise<TestResult>;
  /** Changes after `cursor` (null: from the beginning), a page at a time. */
  pull(cursor: string | null): Promise<PullResult>;
  /** Apply one mutation; the mutation id makes a repeated push a no-op. */
  push(mutation: Mutation): Promise<PushResult>;
}
