/** Ctrl/Cmd+K: every action by name, filtered as the agent types; Enter runs the highlighted one. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import { keysOf } from './keymap';
import { actions, type ActionContext } from './actions';
import { shown } from './CheatSheet';
import { FilterDialog, matching } from './FilterDialog';

export function CommandPalette({ context }: { context: ActionContext }) {
  const { t } = useTranslation();
  const ticketId = useUi((s) => s.ticketId);
  const items = useCallback(
    (query: string) =>
      matching(
        actions.filter((a) => a.id !== 'palette' && (!a.needsTicket || ticketId)).map((a) => ({ id: a.id, label: t(`keys.${a.id}`), ...(keysOf(a.id) ? { hint: shown(keysOf(a.id)!) } : {}) })),
        query,
      ),
    [ticketId, t],
  );
  return (
    <FilterDialog
      label={t('keys.palette')}
      placeholder={t('keys.paletteSearch')}
      empty={t('keys.noMatch')}
      items={items}
      onClose={() => useUi.getState().setPaletteOpen(false)}
      onChoose={(item) => void actions.find((a) => a.id === item.id)?.run(context)}
    />
  );
}
