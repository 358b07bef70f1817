export {
  ArticleListReaders,
  type ArticleListReadersOptions,
  DEFAULT_LIST_READERS,
  LIST_DEADLINE_MS,
  readingListsIn,
} from './article-list-readers.ts'
export { articleTextIndex } from './article-text-index.ts'
export { escapeHtml } from './highlight-text.ts'
export { type InteractionDocument, syncInteractionDocuments } from './interaction-documents.ts'
export { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseSearchQuery } from './parse-search-query.ts'
export { SEARCH_DEADLINE_MS, withSearchDeadline } from './search-deadline.ts'
export { startSearchWriter } from './search-index-writes.ts'
export { flushSearchCounts, type QueryCount, topSearches } from './search-log.ts'
export { DEFAULT_SEARCH_READERS, SearchReaders, type SearchReadersOptions } from './search-readers.ts'
export { type SearchRequest, searchRequestSchema } from './search-request.ts'
export { indexTokens, queryTokens } from './search-tokens.ts'
export { PAGE_SIZE, type SearchHit, type SearchResults, searchSites } from './site-search.ts'
export {
  isSearchIndexEmpty,
  rebuildSearchIndex,
  type SyncReport,
  type SyncScope,
  syncSearchIndex,
} from './sync-search-index.ts'
export { replaceSynonymGroups, synonymGroups } from './synonyms.ts'
