import type { Store } from '../store/index.ts'
import { parseSearchQuery } from './parse-search-query.ts'
import { soundOf } from './search-document.ts'
import { type FoundResults, findSearchResults, type ValidSearchRequest } from './site-search.ts'

// pinyin-pro builds its dictionaries on first use, some 20-40 ms: done as the reader starts,
// not in the first search that finds nothing and asks for suggestions by sound.
soundOf('计量')

/** A search in a reader thread of SearchReaders (search-readers.ts), on the reader's connection. */
export async function read(store: Store, request: ValidSearchRequest): Promise<FoundResults> {
  return findSearchResults(store, request, parseSearchQuery(request.q))
}
