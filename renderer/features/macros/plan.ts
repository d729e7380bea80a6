/** What each macro could not do on a ticket, in a few words, for the picker (shared/macros.ts plans it). */
import type { Agent } from '../../../shared/domain';
import { planMacro, type Macro } from '../../../shared/macros';
import { db } from '../../db/schema';
import { macroContext, macroShared } from './run';

export async function cannotOnTicket(macros: readonly Macro[], ticketId: string, meFor: (accountId: string) => Agent | null): Promise<Map<string, string>> {
  const ticket = await db.tickets.get(ticketId);
  const out = new Map<string, string>();
  if (!ticket) return out;
  const shared = await macroShared();
  for (const macro of macros) {
    const { cannot } = planMacro(macro, await macroContext(macro, ticket, { meFor, agentName: '', escalationNote: () => '' }, shared));
    if (cannot.length) out.set(macro.id, `⚠ ${cannot.map((c) => c.reason).join('; ')}`);
  }
  return out;
}
