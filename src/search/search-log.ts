import { sql } from 'kysely'
import type { Store } from '../store/index.ts'
import type { SearchQuery } from './parse-search-query.ts'

/** Counts wait this long in memory before they are written together. */
const FLUSH_AFTER_MS = 1_000

interface PendingCount {
  readonly siteId: number
  readonly day: string
  readonly query: string
  searches: number
  hits: number
}

interface PendingCounts {
  readonly counts: Map<string, PendingCount>
  timer: NodeJS.Timeout | undefined
}

const pendingByStore = new WeakMap<Store, PendingCounts>()

/**
 * Counts a query for the day: how often it was asked and how much it found. Nothing about
 * who asked (no address, no cookie): a count per query and day is all 热门搜索 and the list
 * of searches that found nothing need.
 *
 * The counts are kept in memory for a second and written in one transaction: written one by
 * one, every search waited for a write on the store's connection, the one connection every
 * other request of `fabu serve` uses (and now and then for the WAL's checkpoint), which was
 * the tail of the search's latency. Each process adds its own counts, so several servers on
 * one database count every search once. `topSearches` and `flushSearchCounts` write them first.
 */
export function countSearch(store: Store, siteId: number, query: SearchQuery, hits: number): void {
  const text = [
    ...query.include.map((term) => term.text),
    ...query.exclude.map((term) => `-${term.text}`),
  ].join(' ')
  const day = new Date().toISOString().slice(0, 10)
  let pending = pendingByStore.get(store)
  if (!pending) {
    pending = { counts: new Map(), timer: undefined }
    pendingByStore.set(store, pending)
  }
  const key = JSON.stringify([siteId, day, text])
  const count = pending.counts.get(key)
  if (count) {
    count.searches++
    count.hits = hits
  } else pending.counts.set(key, { siteId, day, query: text, searches: 1, hits })
  if (!pending.timer) {
    pending.timer = setTimeout(() => {
      // A count that cannot be written (the store closing under it) is only a statistic lost;
      // the search it counts was answered.
      flushSearchCounts(store).catch(() => {})
    }, FLUSH_AFTER_MS)
    pending.timer.unref()
  }
}

/** Writes the counts kept in memory: before reading them, and before the store closes. */
export async function flushSearchCounts(store: Store): Promise<void> {
  const pending = pendingByStore.get(store)
  if (!pending || pending.counts.size === 0) return
  clearTimeout(pending.timer)
  pending.timer = undefined
  const counts = [...pending.counts.values()]
  pending.counts.clear()
  await store.db.transaction().execute(async (trx) => {
    for (const count of counts) {
      await sql`insert into search_query_days (site_id, day, query, searches, hits) values (${count.siteId}, ${count.day}, ${count.query}, ${count.searches}, ${count.hits})
        on conflict (site_id, day, query) do update set searches = search_query_days.searches + excluded.searches, hits = excluded.hits`.execute(
        trx,
      )
    }
  })
}

export interface QueryCount {
  readonly query: string
  readonly searches: number
  readonly hits: number
}

/** The site's most asked queries of the last `days` days, those that found something or those that found nothing. */
export async function topSearches(
  store: Store,
  siteId: number,
  options: { readonly days?: number; readonly limit?: number; readonly foundNothing?: boolean } = {},
): Promise<QueryCount[]> {
  await flushSearchCounts(store)
  const since = new Date(Date.now() - (options.days ?? 30) * 86_400_000).toISOString().slice(0, 10)
  let query = store.db
    .selectFrom('search_query_days')
    .select([
      'query',
      (eb) => eb.fn.sum<number>('searches').as('searches'),
      (eb) => eb.fn.max<number>('hits').as('hits'),
    ])
    .where('site_id', '=', siteId)
    .where('day', '>=', since)
    .groupBy('query')
  query = options.foundNothing
    ? query.having((eb) => eb.fn.max('hits'), '=', 0)
    : query.having((eb) => eb.fn.max('hits'), '>', 0)
  const rows = await query
    .orderBy('searches', 'desc')
    .orderBy('query')
    .limit(options.limit ?? 10)
    .execute()
  return rows.map((row) => ({ query: row.query, searches: Number(row.searches), hits: Number(row.hits) }))
}
