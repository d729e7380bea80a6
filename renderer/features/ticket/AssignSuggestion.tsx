/** "Suggested: Maria (2 open · billing)": one click assigns the least-loaded agent with matching skills. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain';
import type { MutationOp } from '../../../shared/mutation';
import { suggestAssignee } from '../../db/assign';
import { db } from '../../db/schema';

export function AssignSuggestion({ ticket, mutate }: { ticket: Ticket; mutate: (op: MutationOp) => Promise<void> }) {
  const { t } = useTranslation();
  const suggestion = useLiveQuery(() => suggestAssignee(db, ticket), [ticket]);
  if (!suggestion || suggestion.agent.id === ticket.assigneeId) return null;
  const why = [t('assign.load', { count: suggestion.load }), ...suggestion.skills].join(' · ');
  return (
    <button type="button" className="link suggestion" onClick={() => void mutate({ type: 'setAssignee', assigneeId: suggestion.agent.id })}>
      {t('assign.suggested', { name: suggestion.agent.name, why })}
    </button>
  );
}
