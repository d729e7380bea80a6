/**
 * The one way screens change what a source holds. Each command writes its mutation together with its
 * visible effect (sync/outbox.ts: one transaction, so it survives a crash and works offline) and has the
 * sync engine send it; screens read the result through live queries. A status change from a click:
 * TicketPane → `commands.mutate` → enqueue → engine.kick → flush → main → the source.
 */
import type { Api } from '../../shared/contract';
import type { Agent, Ticket, TicketStatus } from '../../shared/domain';
import type { Mutation, MutationOp } from '../../shared/mutation';
import { api } from '../api';
import type { DraftRow, PrefRow, SlaPolicySettings, SwitchboardDb } from '../db/schema';
import { snooze, unsnooze } from '../db/snooze';
import type { SyncEngine } from '../sync/engine';
import { applyToMany } from '../sync/bulk';
import { markVip } from '../sync/customers';
import { rederiveEmailTickets } from '../sync/merge';
import { discard, retry, sendAnyway } from '../sync/outbox-actions';
import { enqueueMany, type TicketOp } from '../sync/outbox';

export interface Commands {
  /** One change to one ticket; `holdMs`: it waits that long before it may be sent (a reply's undo window). */
  mutate(ticketId: string, op: TicketOp['op'], options?: { holdMs?: number }): Promise<Mutation>;
  /** One change to each of many tickets (`opFor` null: nothing for that one), skipping what a source cannot take. */
  mutateMany(ticketIds: readonly string[], opFor: (ticket: Ticket) => MutationOp | null): Promise<{ done: number; skipped: number }>;
  /** Several changes written together (a macro run). */
  queue(ops: readonly TicketOp[]): Promise<Mutation[]>;
  setStatus(ticketId: string, status: TicketStatus): Promise<Mutation>;
  markSeen(ticketId: string): Promise<Mutation>;
  /** The agent's VIP mark on a customer (kept through later pulls: sync/customers.ts). */
  markVip(customerId: string, vip: boolean): Promise<void>;
  /** A queued change taken back (a reply's words return to its draft); false when it was already sent. */
  undo(seq: number): Promise<boolean>;
  retry(seq: number): Promise<void>;
  /** A reply the agent sends although the ticket was closed meanwhile. */
  sendAnyway(seq: number): Promise<void>;
  /** Send what waits now. */
  sendNow(): void;

  // The agent's own settings, notes and views: this computer's only, no source holds them.
  setPref(row: PrefRow): Promise<void>;
  /** The SLA targets and business hours; returns how many email conversations got new clocks. */
  setSlaPolicy(policy: SlaPolicySettings): Promise<number>;
  /** The agent's note on a customer (by address); empty text removes it. */
  setCustomerNote(email: string, text: string): Promise<void>;
  saveView(name: string, query: string): Promise<void>;
  removeView(id: string): Promise<void>;
  /** The reply the agent is writing, kept as they type (an undone reply's words come back to it). */
  saveDraft(draft: Omit<DraftRow, 'updatedAt'>): Promise<void>;
  dropDraft(ticketId: string): Promise<void>;
  /** Out of the inbox until `until` (`reminder`: a reply's "remind me", ended by the customer's answer). */
  snooze(ticketId: string, until: number, options?: { reminder?: boolean }): Promise<void>;
  unsnooze(ticketId: string): Promise<void>;
  /** "Your name, as customers see it in replies" ({{agent.name}}); empty removes it. */
  setAgentName(name: string): Promise<void>;

  // Accounts: main keeps them (and their secrets); the cache follows, a removed account's rows leave it.
  addAccount(params: Parameters<Api['addAccount']>[0]): Promise<void>;
  removeAccount(accountId: string): Promise<void>;
  /** The demo workspace shown again, or removed. */
  showDemo(shown: boolean): Promise<void>;
  /** The account signed in again (or has a new secret): it syncs now, what waited for it with it. */
  syncAgain(accountId: string): Promise<void>;
}

/** What commands need of the sync engine. */
export type CommandEngine = Pick<SyncEngine, 'kick' | 'refreshAccounts' | 'retryNow'>;

export function createCommands(db: SwitchboardDb, engine: CommandEngine, meFor: (accountId: string) => Agent | null, main: () => Api = api): Commands {
  const sent = async <T>(done: Promise<T>): Promise<T> => {
    const result = await done;
    engine.kick();
    return result;
  };
  const queue = (ops: readonly TicketOp[]) => sent(enqueueMany(db, ops, meFor));
  const mutate = async (ticketId: string, op: TicketOp['op'], options: { holdMs?: number } = {}) => (await queue([{ ticketId, op, holdMs: options.holdMs ?? 0 }]))[0]!;
  return {
    mutate,
    mutateMany: (ticketIds, opFor) => sent(applyToMany(db, ticketIds, opFor, meFor)),
    queue,
    setStatus: (ticketId, status) => mutate(ticketId, { type: 'setStatus', status }),
    markSeen: (ticketId) => mutate(ticketId, { type: 'markSeen' }),
    markVip: (customerId, vip) => markVip(db, customerId, vip),
    undo: (seq) => sent(discard(db, seq)),
    retry: (seq) => sent(retry(db, seq)),
    sendAnyway: (seq) => sent(sendAnyway(db, seq)),
    sendNow: () => engine.kick(),
    setPref: async (row) => void (await db.prefs.put(row)),
    setSlaPolicy: async (policy) => {
      await db.prefs.put({ key: 'slaPolicy', value: policy });
      return rederiveEmailTickets(db);
    },
    setCustomerNote: async (email, text) => void (await (text.trim() ? db.customerNotes.put({ email, text, updatedAt: Date.now() }) : db.customerNotes.delete(email))),
    saveView: async (name, query) => void (await db.views.put({ id: crypto.randomUUID(), name, query })),
    removeView: (id) => db.views.delete(id),
    saveDraft: async (draft) => void (await db.drafts.put({ ...draft, updatedAt: Date.now() })),
    dropDraft: (ticketId) => db.drafts.delete(ticketId),
    snooze: (ticketId, until, options = {}) => snooze(db, ticketId, until, Date.now(), options),
    unsnooze: (ticketId) => unsnooze(db, ticketId),
    setAgentName: async (name) => void (await (name.trim() ? db.prefs.put({ key: 'agentName', value: name.trim() }) : db.prefs.delete('agentName'))),
    addAccount: async (params) => {
      await main().addAccount(params);
      await engine.refreshAccounts();
    },
    removeAccount: async (accountId) => {
      await main().removeAccount({ accountId });
      await engine.refreshAccounts();
    },
    showDemo: async (shown) => {
      await (shown ? main().restoreDemo({}) : main().removeDemo({}));
      await engine.refreshAccounts();
    },
    syncAgain: async (accountId) => {
      await engine.retryNow(accountId);
      await engine.refreshAccounts();
    },
  };
}
