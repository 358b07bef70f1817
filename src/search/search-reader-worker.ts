import { parentPort, workerData } from 'node:worker_threads'
import { isFabuError, NotFoundError } from '../errors/index.ts'
import { openSqliteReader } from '../store/index.ts'
import { parseSearchQuery } from './parse-search-query.ts'
import { type FoundResults, findSearchResults, type ValidSearchRequest } from './site-search.ts'

/** The worker side of SearchReaders (search-readers.ts): one search a message, on its own connection. */
export interface ReaderRequest {
  readonly request: ValidSearchRequest
}

export type ReaderAnswer =
  | { readonly ready: true }
  | { readonly value: FoundResults }
  | { readonly notFound: { readonly entity: string; readonly ref: string } }
  | { readonly failed: string }

const { sqlitePath } = workerData as { readonly sqlitePath: string }
// Searches read; nothing here writes, and a read-only connection cannot take the writer's lock.
const store = openSqliteReader(sqlitePath)

parentPort?.postMessage({ ready: true } satisfies ReaderAnswer)

parentPort?.on('message', async ({ request }: ReaderRequest) => {
  let answer: ReaderAnswer
  try {
    answer = { value: await findSearchResults(store, request, parseSearchQuery(request.q)) }
  } catch (error) {
    // Errors do not cross threads with their class: the one a search gives by design (a site
    // that is not there) is made again from its fields; the rest fail as they are.
    answer =
      error instanceof NotFoundError
        ? { notFound: { entity: error.entity, ref: error.ref } }
        : { failed: isFabuError(error) ? `${error.code}: ${error.message}` : String(error) }
  }
  parentPort?.postMessage(answer)
})
