/**
 * The local cache: IndexedDB through Dexie. The UI reads it with live queries; the sync engine is the
 * only writer of pulled data; every local change goes in together with its outbox row.
 */
import Dexie, { type EntityTable } from 'dexie';
import { idsKeepAccount } from '../../shared/ids';
import type { Account, Agent, Customer, Message, Team, Ticket } from '../../shared/domain';
import type { LineMap } from '../../shared/support-lines';
import type { AttachedFile, Mutation } from '../../shared/mutation';
import { withCurrentNames } from '../../shared/renamed-ops';
import type { AnalyzedDoc, IndexSnapshot } from '../../shared/search';
import type { SlaPolicy } from '../../shared/sla/policy';
import type { Template } from '../../shared/templates';
import type { Macro } from '../../shared/macros';
import { enqueueForSearch } from '../search/queue';
import { ticketKeys, type TicketRow, withKeys } from './ticket-keys';
import { type CountRow, ticketCounts } from './ticket-counts';

/**
 * pending → sending → (removed: done) | failed (the source refused it for good; its effect is rolled back)
 * | conflict (the ticket changed at the source on the same fields, or was closed before a reply went out).
 */
export type OutboxState = 'pending' | 'sending' | 'failed' | 'conflict';

export interface OutboxRow {
  /** Insertion order: mutations of one ticket replay in this order. */
  seq?: number;
  /** The mutation id: the idempotency key all the way to the source. */
  id: string;
  accountId: string;
  ticketId: string;
  mutation: Mutation;
  state: OutboxState;
  attempts: number;
  error: string | null;
  nextAttemptAt: number;
  /**
   * The source's values of the fields this change sets, as last seen (kept current by every rebase):
   * what discarding it restores, and what a conflict is told from.
   */
  before?: Partial<Ticket>;
  /** The values of those fields when the agent made the change: a source that has others now changed them meanwhile. */
  seen?: Partial<Ticket>;
  /** In conflict: the source's values now, for the agent to choose between theirs and mine. */
  theirs?: Partial<Ticket>;
  /** A reply: the ticket's status when the agent wrote it (a ticket closed since then asks first). */
  sawStatus?: Ticket['status'];
  /** A reply the agent chose to send although the ticket was closed meanwhile. */
  force?: boolean;
  /** How often main stopped while sending it; the second time it is set aside (`STOPPED_TWICE`). */
  interrupted?: number;
}

/**
 * An outbox row being sent (its seq), kept apart from the row: still here at the next start, the app
 * stopped while sending it. Marking the row itself would wake every live view of the outbox twice per
 * change sent.
 */
export interface SendingRow {
  seq: number;
  at: number;
}

export interface SyncStateRow {
  /** `${accountId}` or `${accountId}:${folder}` for sources with several cursors. */
  key: string;
  accountId: string;
  cursor: string | null;
  lastSyncAt: number | null;
  error: string | null;
}

export interface ViewRow {
  id: string;
  name: string;
  query: string;
}

/** A template the agent edited or wrote (the defaults live in shared/templates.ts); `deleted` hides a default. */
export type TemplateRow = Template & { deleted?: boolean };

/** Attachment content fetched on demand, kept so it opens offline next time. */
export interface AttachmentContentRow {
  id: string;
  accountId: string;
  name: string;
  type: string;
  blob: Blob;
}

/** A notification already decided: never shown again, also after a restart. */
export interface NotificationRow {
  key: string;
  at: number;
}

/** Workspace preferences that cached data depends on (VIP rules), so live queries follow their changes. */
export type PrefRow =
  | { key: 'vipRules'; value: string[] }
  | { key: 'slaPolicy'; value: SlaPolicySettings }
  /** Per account id: which team is which support line. */
  | { key: 'supportLines'; value: Record<string, LineMap> }
  /** Senders whose remote images the agent allowed always. */
  | { key: 'remoteSenders'; value: string[] }
  /** Per agent id: their skills, matched against ticket tags to suggest an assignee. */
  | { key: 'skills'; value: Record<string, string[]> }
  /** The agent's name as customers see it in replies ({{agent.name}}); else each source's agent record. */
  | { key: 'agentName'; value: string }
  /** Macros the agent edited, wrote or imported (the defaults live in shared/macros.ts); `deleted` hides a default. */
  | { key: 'macros'; value: Array<Macro & { deleted?: boolean }> };

/** The SLA policy the agent set in Settings for sources without their own. */
export interface SlaPolicySettings {
  /** Minutes per priority for each target. */
  targets: SlaPolicy['targets'];
  /** Working hours, Monday to Friday, minutes after midnight. */
  from: number;
  to: number;
  holidays: string[];
  /** Statuses in which the clocks stop (the ticket waits on the customer); default pending and on hold. */
  pausedStatuses?: Ticket['status'][];
  /** "At risk" this many minutes of business time before a target is due; default 30. */
  atRiskLeadMinutes?: number;
}

/** A cache row that failed its schema at start: kept aside for diagnostics, out of the app's way. */
export interface QuarantineRow {
  id?: number;
  table: string;
  key: string;
  row: unknown;
  reason: string;
  at: number;
}

/** The agent's own notes on a customer, by email address: local, across every source. */
export interface CustomerNoteRow {
  email: string;
  text: string;
  updatedAt: number;
}

/** Time the agent spent on a ticket (the timer runs while it is open); `loggedMs` of it went to the source. */
export interface TimeSpentRow {
  ticketId: string;
  ms: number;
  loggedMs: number;
}

/** A ticket the agent put away until a time: personal, kept on this computer (sources have no snooze). */
export interface SnoozeRow {
  ticketId: string;
  until: number;
  /** When it was snoozed. */
  at: number;
  /** A reminder on a reply ("if no answer in N days"): also ends when the customer writes. */
  reminder?: boolean;
}

/** A reply being written: kept as the agent types, so a restart loses nothing. */
export interface DraftRow {
  ticketId: string;
  text: string;
  internal: boolean;
  updatedAt: number;
  /** The thread's message ids when the agent began it: a customer message not among them is shown before sending. */
  known?: string[];
  /** Files attached to it, staged in main (an undone reply brings its files back too). */
  files?: AttachedFile[];
}

/**
 * What the search index must catch up with: a ticket id, `customer:<id>` (all their tickets), or `*`
 * (everything). Written in the same transaction as the change itself; `stamp` tells a newer request
 * from one being processed.
 */
export interface SearchQueueRow {
  key: string;
  stamp: number;
}

/** The search index as of its last compaction (one row, key 'index'). */
export interface SearchIndexRow {
  key: 'index';
  snapshot: IndexSnapshot;
}

/** Tickets indexed since that snapshot (doc null: removed), replayed on top of it at start. */
export interface SearchDocRow {
  ticketId: string;
  doc: AnalyzedDoc | null;
}

export class SwitchboardDb extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  agents!: EntityTable<Agent, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  tickets!: EntityTable<Ticket, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  customers!: EntityTable<Customer, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  sending!: EntityTable<SendingRow, 'seq'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  views!: EntityTable<ViewRow, 'id'>;
  templates!: EntityTable<TemplateRow, 'id'>;
  attachmentContent!: EntityTable<AttachmentContentRow, 'id'>;
  notifications!: EntityTable<NotificationRow, 'key'>;
  prefs!: EntityTable<PrefRow, 'key'>;
  drafts!: EntityTable<DraftRow, 'ticketId'>;
  searchQueue!: EntityTable<SearchQueueRow, 'key'>;
  searchIndex!: EntityTable<SearchIndexRow, 'key'>;
  searchDocs!: EntityTable<SearchDocRow, 'ticketId'>;
  snoozes!: EntityTable<SnoozeRow, 'ticketId'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;
  customerNotes!: EntityTable<CustomerNoteRow, 'email'>;
  timeSpent!: EntityTable<TimeSpentRow, 'ticketId'>;
  ticketCounts!: EntityTable<CountRow, 'lane'>;

  constructor(name = 'switchboard') {
    super(name);
    this.version(1).stores({
      accounts: 'id, type',
      agents: 'id, accountId',
      tickets:
        'id, &[accountId+remoteId], [accountId+updatedAt], [status+slaDueAt], [status+updatedAt], status, assigneeId, customerId, updatedAt',
      messages: 'id, [ticketId+createdAt], accountId',
      customers: 'id, accountId, email',
      outbox: '++seq, &id, [ticketId+seq], state, accountId',
      syncState: 'key, accountId',
      views: 'id',
      templates: 'id, kind',
    });
    // Email threading (tickets by subject tag and normalized subject, messages by their server copies)
    // and view counts without reading every ticket ([status+assigneeId]). A plain accountId index: compound
    // ones that start with accountId skip rows without their second key (demo tickets have no number).
    this.version(2).stores({
      tickets:
        'id, &[accountId+remoteId], [accountId+updatedAt], [status+slaDueAt], [status+updatedAt], [status+assigneeId], status, assigneeId, accountId, customerId, updatedAt, [accountId+number], [accountId+threadSubject]',
      messages: 'id, [ticketId+createdAt], accountId, *email.keys',
      attachmentContent: 'id, accountId',
    });
    this.version(3).stores({ notifications: 'key, at' });
    this.version(4).stores({ prefs: 'key' });
    this.version(5).stores({ drafts: 'ticketId' });
    // Offline search: an index of everything cached, built once for a cache that predates it.
    this.version(6)
      .stores({ searchQueue: 'key', searchIndex: 'key', searchDocs: 'ticketId' })
      .upgrade((tx) => tx.table('searchQueue').put({ key: '*', stamp: Date.now() }));
    this.version(7).stores({ snoozes: 'ticketId, until' });
    this.version(8).stores({ quarantine: '++id, table' });
    this.version(9).stores({ groups: 'id, accountId' });
    // Views at 100,000 tickets: each reads one index (views.ts); open tickets by a sparse key the
    // middleware keeps (ticket-keys.ts), written once here for a cache from before. Indexes no query reads
    // any more are dropped: every index costs each ticket write (ingest).
    this.version(10)
      .stores({
        customerNotes: 'email',
        timeSpent: 'ticketId',
        tickets:
          'id, &[accountId+remoteId], [status+slaDueAt], [status+updatedAt], [status+createdAt], [status+priority+updatedAt], [openKey+slaDueAt], [openKey+updatedAt], [openKey+createdAt], [openKey+priority+updatedAt], [status+assigneeId], [assigneeId+status], [accountId+status], [channel+status], status, accountId, customerId, [accountId+number], [accountId+threadSubject]',
      })
      .upgrade((tx) => tx.table('tickets').toCollection().modify((t: TicketRow) => Object.assign(t, withKeys(t))));
    // "My open" and "Unassigned" by the open ticket's owner (ticket-keys.ts), in each order of the list.
    this.version(11)
      .stores({
        tickets:
          'id, &[accountId+remoteId], [status+slaDueAt], [status+updatedAt], [status+createdAt], [status+priority+updatedAt], [openKey+slaDueAt], [openKey+updatedAt], [openKey+createdAt], [openKey+priority+updatedAt], [ownerKey+slaDueAt], [ownerKey+updatedAt], [ownerKey+createdAt], [ownerKey+priority+updatedAt], [accountId+status], [channel+status], status, accountId, customerId, [accountId+number], [accountId+threadSubject]',
      })
      .upgrade((tx) => tx.table('tickets').toCollection().modify((t: TicketRow) => Object.assign(t, withKeys(t))));
    // The sidebar's counts as counters kept with every ticket write (ticket-counts.ts); counted once at the first read.
    this.version(12).stores({ ticketCounts: 'lane' });
    // One word per concept: a source's group, queue or mailbox is a "team" (it was "group"). Written once
    // here for a cache from before: the teams, each ticket's team, changes waiting in the outbox, and the
    // accounts' capabilities; the old table goes in the next version, once copied.
    this.version(13)
      .stores({ teams: 'id, accountId' })
      .upgrade(async (tx) => {
        await tx.table('teams').bulkPut(await tx.table('groups').toArray());
        await tx.table('tickets').filter((t: { group?: unknown }) => t.group !== undefined).modify((t: { group?: string; team?: string }) => {
          t.team = t.group;
          delete t.group;
        });
        await tx.table('outbox').filter((row: OutboxRow) => (row.mutation.op as { type: string }).type === 'setGroup').modify((row: OutboxRow) => {
          row.mutation.op = withCurrentNames(row.mutation.op) as Mutation['op'];
          for (const fields of [row.before, row.seen, row.theirs] as Array<Record<string, unknown> | undefined>) {
            if (fields && 'group' in fields) {
              fields.team = fields.group;
              delete fields.group;
            }
          }
        });
        await tx.table('accounts').filter((a: { capabilities?: { groups?: boolean } }) => a.capabilities?.groups !== undefined).modify((a: { capabilities: { groups?: boolean; teams?: boolean } }) => {
          a.capabilities.teams = a.capabilities.groups;
          delete a.capabilities.groups;
        });
      });
    this.version(14).stores({ groups: null });
    // Rows being sent are marked in a table of their own (SendingRow); marks on the rows move there.
    this.version(15)
      .stores({ sending: 'seq' })
      .upgrade(async (tx) => {
        const marked = await tx.table('outbox').filter((row: { sendingAt?: number }) => !!row.sendingAt).toArray();
        await tx.table('sending').bulkPut(marked.map((row: OutboxRow & { sendingAt: number }) => ({ seq: row.seq!, at: row.sendingAt })));
        await tx.table('outbox').toCollection().modify((row: { sendingAt?: number }) => void delete row.sendingAt);
      });
    this.use(enqueueForSearch);
    this.use(ticketCounts);
    this.use(ticketKeys);
  }
}

export const db = new SwitchboardDb();

/** Removes everything cached for one account, in one transaction. */
export async function purgeAccount(database: SwitchboardDb, accountId: string): Promise<void> {
  const tables = [database.tickets, database.messages, database.customers, database.agents, database.teams, database.outbox, database.syncState, database.attachmentContent];
  // Drafts and snoozes are kept by ticket id, which starts with the account id (unless that is too long to keep: ids.ts).
  if (idsKeepAccount(accountId)) {
    await database.drafts.where('ticketId').startsWith(`${accountId}:`).delete();
    await database.snoozes.where('ticketId').startsWith(`${accountId}:`).delete();
  } else {
    const ticketIds = (await database.tickets.where('accountId').equals(accountId).primaryKeys()) as string[];
    await database.drafts.bulkDelete(ticketIds);
    await database.snoozes.bulkDelete(ticketIds);
  }
  await database.templates.where('id').startsWith(`article:${accountId}:`).delete();
  await database.transaction('rw', [...tables, database.accounts], async () => {
    for (const table of tables) await table.where('accountId').equals(accountId).delete();
    await database.accounts.delete(accountId);
  });
}
