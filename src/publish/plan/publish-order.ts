import { type SelectQueryBuilder, sql } from 'kysely'
import type { Database, Store } from '../../store/index.ts'

/** Articles on the site now: published, not in the recycle bin, with their URL assigned. */
export function liveArticles(store: Store) {
  return store.db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('url_path', 'is not', null)
}

/**
 * Reads the query's rows in publish order, oldest first, a page at a time by key, so that no
 * more than one page of rows is held however many there are. Publishing sets publish_at, so
 * every published article has one to order by.
 */
export async function* inPublishOrder<R extends { id: number; publish_at: string | null }>(
  query: SelectQueryBuilder<Database, 'articles', R>,
  pageSize: number,
): AsyncGenerator<R[]> {
  for (let after: R | undefined; ; ) {
    const page = after
      ? query.where(sql<boolean>`(publish_at, id) > (${after.publish_at ?? ''}, ${after.id})`)
      : query
    const rows = await page.orderBy('publish_at').orderBy('id').limit(pageSize).execute()
    if (rows.length > 0) yield rows
    if (rows.length < pageSize) return
    after = rows.at(-1)
  }
}
