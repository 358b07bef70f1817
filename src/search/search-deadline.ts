import { sql } from 'kysely'
import { SearchTimeoutError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'

/** A search that takes longer than this on PostgreSQL is cancelled by the server. */
export const SEARCH_DEADLINE_MS = 3_000

/**
 * Runs a search's queries under a statement timeout on PostgreSQL. A visitor can write a
 * phrase whose pairs are each in every article but meet in few (`"量值溯源" -培训` on the
 * benchmark's corpus): PostgreSQL reads every candidate's tokens back, and such a query ran for
 * over 100 s. Cancelled, it is answered SEARCH_TIMEOUT. (SQLite answers the same query in
 * about 0.1 s; see docs/search.md.)
 */
export async function withSearchDeadline<T>(
  store: Store,
  work: (store: Store) => Promise<T>,
  deadlineMs = SEARCH_DEADLINE_MS,
): Promise<T> {
  if (store.engine !== 'postgres') return work(store)
  try {
    return await store.db.transaction().execute(async (tx) => {
      await sql`set local statement_timeout = ${sql.lit(Math.max(1, Math.round(deadlineMs)))}`.execute(tx)
      return work({ ...store, db: tx })
    })
  } catch (error) {
    // 57014: query_canceled, which a statement timeout raises.
    if ((error as { code?: string }).code === '57014') throw new SearchTimeoutError(deadlineMs)
    throw error
  }
}
