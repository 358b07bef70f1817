import {
  type Article,
  type ArticleQuery,
  articleQuerySchema,
  type Content,
  validateInput,
} from '../content/index.ts'
import { ListTimeoutError } from '../errors/index.ts'
import { SqliteReaders } from '../store/index.ts'

/** A list read in a reader for longer than this is stopped with LIST_TIMEOUT. */
export const LIST_DEADLINE_MS = 5_000
export const DEFAULT_LIST_READERS = 2

export interface ArticleListReadersOptions {
  /** The SQLite file the store writes; each reader opens it read-only. */
  readonly sqlitePath: string
  /** Worker threads, each with its connection. Default 2. */
  readonly workers?: number
  /** A list that takes longer fails with LIST_TIMEOUT and its worker is terminated. */
  readonly deadlineMs?: number
  /** Lists waiting for a reader at most; one more is refused with SERVER_BUSY. Default 64. */
  readonly maxWaiting?: number
}

type ArticleList = { readonly items: readonly Article[]; readonly total: number }

/**
 * The admin's article list on SQLite, read in threads of its own (SqliteReaders running
 * article-list-task.ts) with the site search's index for its text search, as `fabu serve` reads
 * it. On the store's one connection twenty editors' lists ran one after another on the thread
 * that answers every request, and one slow list (a text search over a large site) held up all
 * the others; here they run beside it, and one past its deadline is stopped with LIST_TIMEOUT.
 */
export class ArticleListReaders {
  readonly #readers: SqliteReaders<ArticleQuery, ArticleList>

  constructor(options: ArticleListReadersOptions) {
    this.#readers = new SqliteReaders({
      name: 'the article list readers',
      sqlitePath: options.sqlitePath,
      task: new URL('./article-list-task.ts', import.meta.url),
      workers: options.workers ?? DEFAULT_LIST_READERS,
      deadlineMs: options.deadlineMs ?? LIST_DEADLINE_MS,
      overrun: (deadlineMs) => new ListTimeoutError(deadlineMs),
      ...(options.maxWaiting === undefined ? {} : { maxWaiting: options.maxWaiting }),
    })
  }

  list(query: ArticleQuery): Promise<ArticleList> {
    // Checked on this side too: a VALIDATION_FAILED names its field, which no thread carries back.
    validateInput(articleQuerySchema, query)
    return this.#readers.read(query)
  }

  close(): Promise<void> {
    return this.#readers.close()
  }
}

/** The content services with the admin's article list read in `readers`; everything else as it was. */
export function readingListsIn(content: Content, readers: ArticleListReaders): Content {
  return Object.freeze({
    ...content,
    articles: Object.freeze({ ...content.articles, list: (query: ArticleQuery) => readers.list(query) }),
  })
}
