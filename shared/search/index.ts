/** Offline search: the query language, text processing, and the index. */
export { analyze, type AnalyzedDoc, type DocInput } from './analyze';
export { SearchIndex, SNAPSHOT_VERSION, type IndexSnapshot } from './engine';
export type { SearchContext, SearchHit, SearchResult } from './evaluate';
export { parseQuery, type ParseResult, type SearchError, type SearchQuery } from './query';
export { fold, stem, terms, words } from './text';
