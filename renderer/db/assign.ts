/**
 * Who should take a ticket: the least-loaded agent of its account whose skills (tags, set per agent in
 * Settings) match the ticket's tags; when no skill matches, the least-loaded agent of all.
 */
import Dexie from 'dexie';
import type { Agent, Ticket } from '../../shared/domain';
import type { SwitchboardDb } from './schema';

export interface Suggestion {
  agent: Agent;
  /** Open tickets assigned to them now. */
  load: number;
  /** The ticket's tags among their skills (none: nobody's skills matched). */
  skills: string[];
}

export async function agentSkills(db: SwitchboardDb): Promise<Record<string, string[]>> {
  const row = await db.prefs.get('skills');
  return row?.key === 'skills' ? row.value : {};
}

export async function setAgentSkills(db: SwitchboardDb, agentId: string, skills: string[]): Promise<void> {
  await db.transaction('rw', db.prefs, async () => {
    const all = await agentSkills(db);
    await db.prefs.put({ key: 'skills', value: { ...all, [agentId]: skills } });
  });
}

export async function suggestAssignee(db: SwitchboardDb, ticket: Ticket): Promise<Suggestion | null> {
  const [agents, skills] = await Promise.all([db.agents.where('accountId').equals(ticket.accountId).toArray(), agentSkills(db)]);
  if (agents.length === 0) return null;
  const tags = new Set(ticket.tags.map((t) => t.toLowerCase()));
  // Each agent's open tickets, from the owner index (ticket-keys.ts).
  const loads = await Promise.all(agents.map((a) => db.tickets.where('[ownerKey+updatedAt]').between([a.id, Dexie.minKey], [a.id, Dexie.maxKey]).count()));
  const all = agents.map((agent, i) => ({ agent, load: loads[i]!, skills: (skills[agent.id] ?? []).filter((s) => tags.has(s.toLowerCase())) }));
  const skilled = all.filter((c) => c.skills.length > 0);
  const pool = skilled.length > 0 ? skilled : all;
  return pool.reduce((best, c) => (c.load < best.load || (c.load === best.load && c.skills.length > best.skills.length) ? c : best));
}
