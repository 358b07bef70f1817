import { sql } from 'kysely'
import type { ArticleRow, Store } from '../store/index.ts'
import { articleJobs, type Neighbour } from './article-pages.ts'
import { listLayout, listPageJobs } from './list-pages.ts'
import type { PageJob } from './page-job.ts'
import { redirectJobs } from './redirect-pages.ts'
import { assetJobs, columnPageJobs, sitemapJobs, sitePageJobs } from './site-pages.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import type { Theme } from './theme.ts'

const CHUNK = 500

/** Every page of the site, streamed: the articles are read in chunks, never all at once. */
export async function* fullSiteJobs(
  store: Store,
  snapshot: SiteSnapshot,
  theme: Theme,
): AsyncGenerator<PageJob> {
  yield* assetJobs(theme)
  yield* await sitePageJobs(store, snapshot)
  yield* await sitemapJobs(store, snapshot, 'all')
  for (const column of snapshot.tree.all()) {
    yield* columnPageJobs(snapshot, column)
    if (column.kind === 'list')
      yield* await listPageJobs(store, snapshot, column, await listLayout(store, snapshot, column), 1)
  }
  const redirects = await store.db
    .selectFrom('redirects')
    .selectAll()
    .where('site_id', '=', snapshot.site.id)
    .execute()
  for (const redirect of redirects) yield* redirectJobs(snapshot, redirect.from_path, redirect.to_path)
  yield* articlePages(store, snapshot)
}

/** Article pages in home-column order, so each knows its older and newer neighbour. */
async function* articlePages(store: Store, snapshot: SiteSnapshot): AsyncGenerator<PageJob> {
  const { basePath } = snapshot.context.site
  const neighbour = (row: ArticleRow): Neighbour => ({
    id: row.id,
    title: row.title,
    url: `${basePath}${row.url_path}`,
  })
  let previous: ArticleRow | null = null
  let beforePrevious: ArticleRow | null = null
  let after: [number, string, number] | null = null
  for (;;) {
    let query = store.db
      .selectFrom('articles')
      .selectAll()
      .where('site_id', '=', snapshot.site.id)
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .where('url_path', 'is not', null)
    if (after) {
      const [columnId, publishAt, id] = after
      query = query.where(sql<boolean>`(column_id, publish_at, id) > (${columnId}, ${publishAt}, ${id})`)
    }
    const rows = await query.orderBy('column_id').orderBy('publish_at').orderBy('id').limit(CHUNK).execute()
    for (const row of rows) {
      if (previous) {
        const sameColumn = previous.column_id === row.column_id
        yield* articleJobs(
          snapshot,
          previous,
          beforePrevious && beforePrevious.column_id === previous.column_id
            ? neighbour(beforePrevious)
            : null,
          sameColumn ? neighbour(row) : null,
        )
      }
      beforePrevious = previous
      previous = row
    }
    const last = rows.at(-1)
    if (!last) break
    after = [last.column_id, last.publish_at ?? '', last.id]
  }
  if (previous) {
    yield* articleJobs(
      snapshot,
      previous,
      beforePrevious && beforePrevious.column_id === previous.column_id ? neighbour(beforePrevious) : null,
      null,
    )
  }
}
