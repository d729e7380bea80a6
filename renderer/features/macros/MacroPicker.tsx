/**
 * m: a macro chosen from a list filtered as the agent types (a macro's own key, typed alone, puts it
 * first) — for the open ticket, or for every selected ticket. Actions the ticket's source cannot take are
 * named beside the macro; running it does the rest and says what was left out.
 */
import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/domain';
import type { Macro } from '../../../shared/macros';
import { useApp } from '../../app/context';
import { db } from '../../db/schema';
import { allMacros } from '../../db/macros';
import { useLastMacro } from './last-macro';
import { useUi } from '../../stores/ui';
import { undoSendSeconds } from '../../stores/undo';
import { FilterDialog, matching, type FilterItem } from '../inbox/FilterDialog';
import { cannotOnTicket } from './plan';
import { workedOn } from '../guided/guided';
import { runMacro } from './run';

export function MacroPicker({ meFor }: { meFor: (accountId: string) => Agent | null }) {
  const { t } = useTranslation();
  const { commands } = useApp();
  const ticketId = useUi((s) => s.ticketId);
  const selected = useUi((s) => s.selected);
  const ids = selected.size > 0 ? [...selected] : ticketId ? [ticketId] : [];
  const data = useLiveQuery(async () => {
    const macros = await allMacros(db);
    const cannot = ids.length === 1 ? await cannotOnTicket(macros, ids[0]!, meFor) : new Map<string, string>();
    const agentName = await db.prefs.get('agentName');
    return { macros, cannot, agentName: agentName?.key === 'agentName' ? agentName.value : '' };
  }, [ids.join('|'), meFor]);
  const items = useCallback(
    (query: string): FilterItem[] => {
      const all = (data?.macros ?? []).map((m) => ({ id: m.id, label: m.name, hint: [data?.cannot.get(m.id), m.key].filter(Boolean).join(' · ') }));
      const byKey = (data?.macros ?? []).find((m) => m.key && m.key === query.trim());
      const found = matching(all, query);
      return byKey ? [all.find((i) => i.id === byKey.id)!, ...found.filter((i) => i.id !== byKey.id)] : found;
    },
    [data],
  );
  const apply = async (macro: Macro) => {
    const holdMs = Math.max(undoSendSeconds(), 5) * 1000;
    const outcome = await runMacro(macro, ids, {
      meFor,
      agentName: data?.agentName ?? '',
      holdMs,
      escalationNote: ({ line, team, reason }) => t('lines.note', { line, team, reason }),
      commands,
    });
    if (selected.size > 0) useUi.getState().setSelected([]);
    useLastMacro.getState().set({ name: macro.name, tickets: ids.length, outcome, until: Date.now() + holdMs });
    if (ids.length === 1) workedOn(ids[0]!); // guided mode: the next ticket opens
  };
  return (
    <FilterDialog
      label={t('macros.pick', { count: ids.length })}
      placeholder={t('picker.filter')}
      empty={t('keys.noMatch')}
      items={items}
      onClose={() => useUi.getState().setPicker(null)}
      onChoose={(item) => {
        const macro = data?.macros.find((m) => m.id === item.id);
        if (macro) void apply(macro);
      }}
      loading={data === undefined}
    />
  );
}
