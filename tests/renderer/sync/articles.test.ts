import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import type { Article } from '../../../shared/domain';
import { allTemplates } from '../../../renderer/db/templates';
import { refreshArticles } from '../../../renderer/sync/articles';
import { freshDb } from '../fixtures';

const caps = { statuses: ['open' as const], priority: true, assign: true, tags: false, internalNotes: true, merge: false, flags: false, teams: true };

describe('knowledge-base articles in the cache (real IndexedDB)', () => {
  it('are kept as insertable articles, read at most hourly, and one gone from the source goes here too', async () => {
    const db = await freshDb();
    await db.accounts.bulkPut([
      { id: 'rt', type: 'rt', name: 'RT', demo: false, capabilities: { ...caps, articles: true } },
      { id: 'hs', type: 'helpscout', name: 'HS', demo: false, capabilities: caps },
    ]);
    let served: Article[] = [
      { id: '1', title: 'Reset a password', body: 'Open Settings.', locale: null },
      { id: '2', title: 'Возврат', body: 'Пять дней.', locale: 'ru' },
    ];
    let calls = 0;
    const api = { articles: async () => (calls++, { articles: served }) } as unknown as Api;
    const now = Date.UTC(2026, 10, 23, 9);
    expect(await refreshArticles(api, db, 'rt', now)).toBe(2);
    expect(await refreshArticles(api, db, 'hs', now)).toBeNull(); // no knowledge base there
    const articles = (await allTemplates(db)).filter((t) => t.kind === 'article');
    expect(articles.map((a) => [a.name, a.lang, a.body])).toEqual([['Reset a password', 'en', 'Open Settings.'], ['Возврат', 'ru', 'Пять дней.']]);
    served = [served[0]!];
    expect(await refreshArticles(api, db, 'rt', now + 10 * 60_000)).toBeNull(); // within the hour: not asked
    expect(calls).toBe(1);
    expect(await refreshArticles(api, db, 'rt', now + 61 * 60_000)).toBe(1);
    expect((await allTemplates(db)).filter((t) => t.kind === 'article').map((a) => a.name)).toEqual(['Reset a password']);
  });
});
