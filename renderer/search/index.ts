/**
 * The window's search service, started once the cache is open. Loaded as its own chunk: the stemmers
 * are large, and the inbox should not wait for them.
 */
import type { SwitchboardDb } from '../db/schema';
import type { SearchService } from './service';

let service: SearchService | null = null;
let loading: Promise<SearchService> | null = null;
const listeners = new Set<() => void>();

export function startSearch(db: SwitchboardDb, busy?: () => boolean): Promise<SearchService> {
  loading ??= import('./service').then(({ SearchService }) => {
    service = new SearchService(db, busy);
    listeners.forEach((l) => l());
    return service;
  });
  return loading;
}

/** The service once loaded (null before). */
export function searchService(): SearchService | null {
  return service;
}

/** Hears when the service has loaded. */
export function onSearchLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
