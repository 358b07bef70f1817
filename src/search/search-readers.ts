import { SearchTimeoutError } from '../errors/index.ts'
import { SqliteReaders } from '../store/index.ts'
import { SEARCH_DEADLINE_MS } from './search-deadline.ts'
import type { FoundResults, ValidSearchRequest } from './site-search.ts'

export interface SearchReadersOptions {
  /** The SQLite file the store writes; each reader opens it read-only. */
  readonly sqlitePath: string
  /** Worker threads, each with its connection. Default 2: a search keeps one core busy. */
  readonly workers?: number
  /** A search that takes longer fails with SEARCH_TIMEOUT and its worker is terminated. */
  readonly deadlineMs?: number
  /** Searches waiting for a reader at most; one more is refused with SERVER_BUSY. Default 64. */
  readonly maxWaiting?: number
  /** How long a search may wait for a reader before SERVER_BUSY; the deadline by default. */
  readonly maxWaitMs?: number
}

export const DEFAULT_SEARCH_READERS = 2

/**
 * The site search's readers on SQLite (SqliteReaders running search-reader-task.ts): the
 * searches run beside the server's thread and beside each other, and one past its deadline
 * gives the visitor SEARCH_TIMEOUT.
 */
export class SearchReaders {
  readonly #readers: SqliteReaders<ValidSearchRequest, FoundResults>

  constructor(options: SearchReadersOptions) {
    this.#readers = new SqliteReaders({
      name: 'the search readers',
      sqlitePath: options.sqlitePath,
      task: new URL('./search-reader-task.ts', import.meta.url),
      workers: options.workers ?? DEFAULT_SEARCH_READERS,
      deadlineMs: options.deadlineMs ?? SEARCH_DEADLINE_MS,
      overrun: (deadlineMs) => new SearchTimeoutError(deadlineMs),
      ...(options.maxWaiting === undefined ? {} : { maxWaiting: options.maxWaiting }),
      ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
    })
  }

  /** Finds the request's results in a reader; SERVER_BUSY when too many wait, SEARCH_TIMEOUT past the deadline. */
  search(request: ValidSearchRequest): Promise<FoundResults> {
    return this.#readers.read(request)
  }

  close(): Promise<void> {
    return this.#readers.close()
  }
}
