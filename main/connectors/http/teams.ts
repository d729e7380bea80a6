/** A helpdesk's teams (groups, queues, mailboxes) as pull changes: id by the source's own key, shown by name. */
import type { Change } from '../../../shared/sync';

export function teamChanges(accountId: string, teams: Iterable<readonly [key: string | number, name: string]>): Change[] {
  return [...teams].map(([key, name]) => ({ kind: 'team', team: { id: `${accountId}:team:${key}`, accountId, name } }));
}
