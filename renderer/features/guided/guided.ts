/**
 * Guided mode ("Next", g n): the current view worked in order (shared/guided.ts). After each reply or
 * macro on the open ticket the next one opens by itself; a ticket a colleague took or that changed since
 * the queue was made is skipped with a note. Escape stops.
 */
import { create } from 'zustand';
import type { Agent } from '../../../shared/domain';
import { guidedOrder } from '../../../shared/guided';
import { db } from '../../db/schema';
import { viewRows } from '../../db/views';
import { vipRules, withVip } from '../../db/vip';
import { useUi } from '../../stores/ui';
import { atRiskLeadMs } from '../../sync/sla-policy';

export interface Skipped {
  ticketId: string;
  subject: string;
  why: 'colleague' | 'changed';
}

interface Guided {
  active: boolean;
  /** Tickets still to come, with what they were when the queue was made. */
  queue: { id: string; updatedAt: number }[];
  current: string | null;
  openedAt: number;
  /** Time spent on each ticket worked. */
  handled: number[];
  skipped: Skipped[];
  finished: boolean;
}

const idle: Guided = { active: false, queue: [], current: null, openedAt: 0, handled: [], skipped: [], finished: false };
export const useGuided = create<Guided>(() => idle);

let meFor: (accountId: string) => Agent | null = () => null;

/** The next ticket still fit to work, opened; none left: done. */
async function openNext(): Promise<void> {
  for (;;) {
    const state = useGuided.getState();
    const [next, ...rest] = state.queue;
    if (!next) {
      useGuided.setState({ current: null, queue: [], active: false, finished: true });
      return;
    }
    useGuided.setState({ queue: rest });
    const ticket = await db.tickets.get(next.id);
    if (!ticket || ticket.status === 'solved' || ticket.status === 'closed') continue;
    const me = meFor(ticket.accountId);
    const why = ticket.assigneeId && ticket.assigneeId !== me?.id ? 'colleague' : ticket.updatedAt !== next.updatedAt ? 'changed' : null;
    if (why) {
      useGuided.setState({ skipped: [...useGuided.getState().skipped, { ticketId: ticket.id, subject: ticket.subject, why }] });
      continue;
    }
    useGuided.setState({ current: ticket.id, openedAt: Date.now() });
    useUi.getState().openTicket(ticket.id);
    return;
  }
}

/** At most this many tickets of a view go into one guided queue. */
const GUIDED_LIMIT = 2_000;

/**
 * Starts on the current view — all of it, not only the rows the list has loaded so far (the search's
 * results when a search is typed) — in the guided order.
 */
export async function startGuided(who: (accountId: string) => Agent | null): Promise<void> {
  meFor = who;
  const { view, sort, accountId, channel, search, listIds } = useUi.getState();
  let ids = listIds;
  if (search.trim() === '') {
    const me = new Set((await db.accounts.toArray()).flatMap((a) => who(a.id)?.id ?? []));
    ids = (await viewRows(db, { view, sort, accountId, channel }, { me, now: Date.now() }, GUIDED_LIMIT)).map((r) => r.ticket.id);
  }
  const tickets = (await db.tickets.bulkGet(ids)).filter((t) => t !== undefined);
  const rules = await vipRules(db);
  const customers = new Map((await db.customers.bulkGet([...new Set(tickets.map((t) => t.customerId))])).flatMap((c) => (c ? [[c.id, withVip(c, rules).vip] as const] : [])));
  const order = guidedOrder(tickets.map((ticket) => ({ ticket, vip: customers.get(ticket.customerId) ?? false })), Date.now(), await atRiskLeadMs(db));
  const updated = new Map(tickets.map((t) => [t.id, t.updatedAt]));
  useGuided.setState({ ...idle, active: true, queue: order.map((id) => ({ id, updatedAt: updated.get(id)! })) });
  await openNext();
}

/** A reply or a macro on `ticketId`: when it is the guided one, its time is counted and the next opens. */
export function workedOn(ticketId: string): void {
  const state = useGuided.getState();
  if (!state.active || state.current !== ticketId) return;
  useGuided.setState({ handled: [...state.handled, Date.now() - state.openedAt] });
  void openNext();
}

export function stopGuided(): void {
  useGuided.setState(idle);
}
