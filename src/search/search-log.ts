import { sql } from 'kysely'
import type { Store } from '../store/index.ts'
import type { SearchQuery } from './parse-search-query.ts'

/**
 * Counts a query for the day: how often it was asked and how much it found. Nothing about
 * who asked (no address, no cookie): a count per query and day is all 热门搜索 and the list
 * of searches that found nothing need.
 */
export async function logSearch(
  store: Store,
  siteId: number,
  query: SearchQuery,
  hits: number,
): Promise<void> {
  const text = [
    ...query.include.map((term) => term.text),
    ...query.exclude.map((term) => `-${term.text}`),
  ].join(' ')
  const day = new Date().toISOString().slice(0, 10)
  await sql`insert into search_query_days (site_id, day, query, searches, hits) values (${siteId}, ${day}, ${text}, 1, ${hits})
    on conflict (site_id, day, query) do update set searches = search_query_days.searches + 1, hits = excluded.hits`.execute(
    store.db,
  )
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
