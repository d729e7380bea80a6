/** Small builders for cache tests in the browser: tickets, and a scripted stand-in for main's Api. */
import type { Api } from '../../shared/contract';
import type { Customer, Ticket } from '../../shared/domain';
import type { Mutation, PushResult } from '../../shared/mutation';
import type { PullResult } from '../../shared/sync';
import { SwitchboardDb } from '../../renderer/db/schema';

let dbCount = 0;
/** A fresh, empty cache in this browser's real IndexedDB. */
export async function freshDb(): Promise<SwitchboardDb> {
  const db = new SwitchboardDb(`switchboard-test-${Date.now()}-${dbCount++}`);
  await db.open();
  return db;
}

export const customer: Customer = { id: 'acc:c1', accountId: 'acc', name: 'Анна Смирнова', email: 'anna@example.ru', organization: null, vip: true };

export function ticket(n: number, patch: Partial<Ticket> = {}): Ticket {
  return {
    id: `acc:${n}`, accountId: 'acc', remoteId: String(n), subject: `Ticket ${n}`, status: 'open', sourceStatus: 'open',
    priority: 'normal', channel: 'email', customerId: customer.id, assigneeId: null, tags: [], createdAt: 1000 + n,
    updatedAt: 2000 + n, firstResponseAt: null, slaDueAt: null, preview: '', messageCount: 0, version: 'v1', ...patch,
  };
}

/** An Api whose pull serves the given pages by cursor and whose push answers with `answer`. */
export function scriptedApi(pages: Record<string, PullResult>, answer: (m: Mutation) => Promise<PushResult>) {
  const pushed: Mutation[] = [];
  const pulled: (string | null)[] = [];
  const api = {
    pull: async ({ cursor }: { cursor: string | null }) => {
      pulled.push(cursor);
      const page = pages[cursor ?? 'start'];
      if (!page) throw new Error(`no page for ${cursor}`);
      return page;
    },
    push: async ({ mutation }: { mutation: Mutation }) => {
      pushed.push(mutation);
      return answer(mutation);
    },
  } as unknown as Api;
  return { api, pushed, pulled };
}
