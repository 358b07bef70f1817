import type { Store } from '../store/index.ts'
import { parseSearchQuery } from './parse-search-query.ts'
import { type FoundResults, findSearchResults, type ValidSearchRequest } from './site-search.ts'

/** A search in a reader thread of SearchReaders (search-readers.ts), on the reader's connection. */
export async function read(store: Store, request: ValidSearchRequest): Promise<FoundResults> {
  return findSearchResults(store, request, parseSearchQuery(request.q))
}
