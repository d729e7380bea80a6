/**
 * Knowledge-base articles of sources that have one (RT Articles, Zendesk Guide), kept in the cache as
 * templates of kind "article" so they are searchable and insertable offline. Read at most hourly per
 * account, after a successful pull; an article gone from the source goes from the cache.
 */
import { capabilitiesOf } from '../../shared/capabilities';
import type { Api } from '../../shared/contract';
import type { SwitchboardDb, TemplateRow } from '../db/schema';

const EVERY_MS = 60 * 60_000;

export async function refreshArticles(api: Api, db: SwitchboardDb, accountId: string, now = Date.now()): Promise<number | null> {
  const account = await db.accounts.get(accountId);
  if (!account || !capabilitiesOf(account).articles) return null;
  const key = `${accountId}:articles`;
  const state = await db.syncState.get(key);
  if (state?.lastSyncAt && now - state.lastSyncAt < EVERY_MS) return null;
  const { articles } = await api.articles({ accountId });
  const prefix = `article:${accountId}:`;
  const rows: TemplateRow[] = articles.map((a) => ({
    id: `${prefix}${a.id}`,
    kind: 'article',
    lang: a.locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en',
    name: a.title,
    body: a.body,
  }));
  await db.transaction('rw', db.templates, db.syncState, async () => {
    const keep = new Set(rows.map((r) => r.id));
    await db.templates.where('id').startsWith(prefix).filter((r) => !keep.has(r.id)).delete();
    await db.templates.bulkPut(rows);
    await db.syncState.put({ key, accountId, cursor: null, lastSyncAt: now, error: null });
  });
  return rows.length;
}
