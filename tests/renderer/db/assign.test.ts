import { describe, expect, it } from 'vitest';
import { setAgentSkills, suggestAssignee } from '../../../renderer/db/assign';
import { freshDb, ticket } from '../fixtures';

describe('assignee suggestion (real IndexedDB)', () => {
  it('the least-loaded agent whose skills match the ticket’s tags; without a match, the least-loaded of all', async () => {
    const db = await freshDb();
    await db.agents.bulkPut([
      { id: 'acc:ann', accountId: 'acc', name: 'Ann', email: 'ann@x' },
      { id: 'acc:bob', accountId: 'acc', name: 'Bob', email: 'bob@x' },
      { id: 'acc:cat', accountId: 'acc', name: 'Cat', email: 'cat@x' },
      { id: 'other:dan', accountId: 'other', name: 'Dan', email: 'dan@x' }, // another account's agent: never suggested
    ]);
    await db.tickets.bulkPut([
      ticket(1, { assigneeId: 'acc:ann' }), ticket(2, { assigneeId: 'acc:ann' }), ticket(3, { assigneeId: 'acc:bob' }),
      ticket(4, { assigneeId: 'acc:cat', status: 'solved' }), // solved: no load
    ]);
    await setAgentSkills(db, 'acc:ann', ['billing', 'refund']);
    await setAgentSkills(db, 'acc:bob', ['Billing']);
    const billing = ticket(9, { tags: ['billing'] });
    expect(await suggestAssignee(db, billing)).toMatchObject({ agent: { id: 'acc:bob' }, load: 1, skills: ['Billing'] });
    await db.tickets.put(ticket(5, { assigneeId: 'acc:bob' }));
    await db.tickets.put(ticket(6, { assigneeId: 'acc:bob' }));
    expect(await suggestAssignee(db, billing)).toMatchObject({ agent: { id: 'acc:ann' }, load: 2 });
    expect(await suggestAssignee(db, ticket(10, { tags: ['login'] }))).toMatchObject({ agent: { id: 'acc:cat' }, load: 0, skills: [] });
    expect(await suggestAssignee(db, ticket(11, { accountId: 'nobody' }))).toBeNull();
  });
});
