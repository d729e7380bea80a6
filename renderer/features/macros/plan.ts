/** What each macro could not do on a ticket, in a few words, for the picker (shared/macros.ts plans it). */
import type { Agent } from '../../../shared/domain';
import { planMacro, type Macro } from '../../../shared/macros';
import { db } from '../../db/schema';
import { lineMaps } from '../../db/support-lines';
import { allTemplates } from '../../db/templates';

export async function cannotOnTicket(macros: readonly Macro[], ticketId: string, meFor: (accountId: string) => Agent | null): Promise<Map<string, string>> {
  const ticket = await db.tickets.get(ticketId);
  const out = new Map<string, string>();
  if (!ticket) return out;
  const context = {
    ticket,
    account: await db.accounts.get(ticket.accountId),
    me: meFor(ticket.accountId),
    agents: await db.agents.where('accountId').equals(ticket.accountId).toArray(),
    templates: await allTemplates(db),
    vars: { customer: { name: '', email: '' }, ticket: { id: '', subject: '' }, agent: { name: '', signature: '' } },
    lines: (await lineMaps(db))[ticket.accountId],
    escalationNote: () => '',
  };
  for (const macro of macros) {
    const { cannot } = planMacro(macro, context);
    if (cannot.length) out.set(macro.id, `⚠ ${cannot.map((c) => c.reason).join('; ')}`);
  }
  return out;
}
