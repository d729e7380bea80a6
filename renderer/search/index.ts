/** The window's search service, started once the cache is open. */
import type { SwitchboardDb } from '../db/schema';
import { SearchService } from './service';

let service: SearchService | null = null;

export function startSearch(db: SwitchboardDb): SearchService {
  service ??= new SearchService(db);
  return service;
}

export function searchService(): SearchService | null {
  return service;
}
