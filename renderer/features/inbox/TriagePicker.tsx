/**
 * t, p, a and #: status, priority, assignee or a tag chosen from a list filtered as the agent types —
 * Enter applies, Escape leaves (a native select keeps Escape for itself). For the open ticket, or for every
 * selected ticket when there is a selection (the bulk bar's keys).
 */
import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { canTake } from '../../../shared/capabilities';
import type { Agent, Ticket } from '../../../shared/domain';
import type { MutationOp } from '../../../shared/mutation';
import { priorities, ticketStatuses } from '../../../shared/statuses';
import { db } from '../../db/schema';
import { useUi, type PickerKind } from '../../stores/ui';
import { useApp } from '../../app/context';
import { FilterDialog, matching, type FilterItem } from './FilterDialog';

const NOBODY = '\u0000nobody';

/** The choices of a picker: values of the field (assignees by address, so one name covers every account). */
async function choicesFor(kind: PickerKind, ticketIds: string[]): Promise<{ items: FilterItem[]; current: string | null }> {
  const tickets = (await db.tickets.bulkGet(ticketIds)).filter((t): t is Ticket => !!t);
  const one = tickets.length === 1 ? tickets[0]! : null;
  if (kind === 'status') {
    const account = one ? await db.accounts.get(one.accountId) : undefined;
    return { items: ticketStatuses.filter((status) => canTake(account, { type: 'setStatus', status })).map((s) => ({ id: s, label: s })), current: one?.status ?? null };
  }
  if (kind === 'priority') return { items: priorities.map((p) => ({ id: p, label: p })), current: one?.priority ?? null };
  if (kind === 'tag') {
    const known = new Set((await db.tickets.limit(2000).toArray()).flatMap((t) => t.tags));
    return { items: [...known].sort().map((tag) => ({ id: tag, label: tag })), current: null };
  }
  const accountIds = new Set(tickets.map((t) => t.accountId));
  const agents = (await db.agents.toArray()).filter((a) => accountIds.has(a.accountId));
  const byAddress = new Map<string, Agent>();
  for (const a of agents) byAddress.set((a.email || a.id).toLowerCase(), a);
  const items = [...byAddress].map(([address, a]) => ({ id: address, label: a.name || a.email })).sort((x, y) => x.label.localeCompare(y.label));
  return { items: [{ id: NOBODY, label: '' }, ...items], current: null };
}

/** The op for one ticket: the agent of the ticket's own account with the chosen address; a tag added to its own. */
async function opFor(kind: PickerKind, value: string, ticket: Ticket): Promise<MutationOp | null> {
  if (kind === 'status') return { type: 'setStatus', status: value as Ticket['status'] };
  if (kind === 'priority') return { type: 'setPriority', priority: value as Ticket['priority'] };
  if (kind === 'tag') return ticket.tags.includes(value) ? null : { type: 'setTags', tags: [...ticket.tags, value] };
  if (value === NOBODY) return { type: 'setAssignee', assigneeId: null };
  const agent = (await db.agents.where('accountId').equals(ticket.accountId).toArray()).find((a) => (a.email || a.id).toLowerCase() === value);
  return agent ? { type: 'setAssignee', assigneeId: agent.id } : null;
}

export function TriagePicker({ kind }: { kind: PickerKind }) {
  const { commands } = useApp();
  const { t } = useTranslation();
  const ticketId = useUi((s) => s.ticketId);
  const selected = useUi((s) => s.selected);
  const ids = selected.size > 0 ? [...selected] : ticketId ? [ticketId] : [];
  const key = ids.join('|');
  const choices = useLiveQuery(() => choicesFor(kind, key ? key.split('|') : []), [kind, key]);
  const items = useCallback(
    (query: string): FilterItem[] => {
      const label = (item: FilterItem) =>
        kind === 'status' ? t(`status.${item.id}`) : kind === 'priority' ? t(`priority.${item.id}`) : item.id === NOBODY ? t('ticket.unassigned') : item.label;
      const all = (choices?.items ?? []).map((item) => ({ ...item, label: label(item), ...(item.id === choices?.current ? { hint: '✓' } : {}) }));
      const found = matching(all, query);
      // A tag nobody used yet: Enter adds it as typed.
      const typed = query.trim().toLowerCase().slice(0, 100);
      if (kind === 'tag' && typed && !found.some((f) => f.id === typed)) return [{ id: typed, label: t('picker.newTag', { tag: typed }) }, ...found];
      return found;
    },
    [choices, kind, t],
  );
  const apply = async (item: FilterItem) => {
    const tickets = (await db.tickets.bulkGet(ids)).filter((x): x is Ticket => !!x);
    const ops = new Map<string, MutationOp | null>();
    for (const ticket of tickets) ops.set(ticket.id, await opFor(kind, item.id, ticket));
    const { done, skipped } = await commands.mutateMany(tickets.map((x) => x.id), (ticket) => ops.get(ticket.id) ?? null);
    if (selected.size > 0) {
      useUi.getState().setSelected([]);
      useUi.getState().setBulkOutcome(skipped ? t('bulk.doneSkipped', { count: done, skipped }) : t('bulk.done', { count: done }));
    }
  };
  return (
    <FilterDialog
      label={t(`picker.${kind}`, { count: ids.length })}
      placeholder={t('picker.filter')}
      empty={t('keys.noMatch')}
      items={items}
      onClose={() => useUi.getState().setPicker(null)}
      onChoose={(item) => void apply(item)}
      loading={choices === undefined}
    />
  );
}
