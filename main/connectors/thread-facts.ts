/** What a helpdesk ticket's thread says about it: when it was first answered, and its preview line. */
import type { Message } from '../../shared/domain';

export function threadFacts(messages: readonly Message[]): { firstResponseAt: number | null; preview: string } {
  const visible = messages.filter((m) => !m.internal);
  const firstIn = visible.find((m) => m.direction === 'in');
  // The first public answer after the customer first wrote (an agent's opening message is no response).
  const firstOut = visible.find((m) => m.direction === 'out' && (!firstIn || m.createdAt >= firstIn.createdAt));
  return { firstResponseAt: firstOut?.createdAt ?? null, preview: (visible[visible.length - 1]?.text ?? '').slice(0, 140) };
}
