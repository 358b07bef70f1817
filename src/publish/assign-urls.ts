import { sql } from 'kysely'
import type { ColumnTree, Site } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { articlePath } from './routes.ts'

export interface MovedArticle {
  readonly id: number
  readonly from: string
  readonly to: string
}

/**
 * Fixes the URL of every article published for the first time, by the site's pattern, and
 * gives an article whose home column changed the URL the pattern makes for its new column,
 * leaving a redirect at the old one when the two differ. Nothing else ever changes a URL:
 * editing the publish time, renaming or moving a column, changing the pattern all keep it.
 */
export async function assignUrls(
  store: Store,
  snapshot: { readonly site: Site; readonly tree: ColumnTree },
  scope: 'all' | { readonly changedIds: readonly number[] },
): Promise<{ readonly assigned: number; readonly moved: readonly MovedArticle[] }> {
  let query = store.db
    .selectFrom('articles')
    .select(['id', 'column_id', 'publish_at', 'first_published_at', 'url_path', 'url_column_id'])
    .where('site_id', '=', snapshot.site.id)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
  // Publishing or moving an article writes a change row: only changed articles can need a URL.
  if (scope !== 'all') {
    if (scope.changedIds.length === 0) return { assigned: 0, moved: [] }
    query = query.where('id', 'in', scope.changedIds.slice(0, 5000))
  }
  const rows = await query.execute()
  const updates: { id: number; path: string; columnId: number }[] = []
  const moved: MovedArticle[] = []
  for (const row of rows) {
    const column = snapshot.tree.get(row.column_id)
    if (!column) continue
    // The path alone cannot tell: a pattern without {column} gives no column away.
    if (row.url_path !== null && row.url_column_id === row.column_id) continue
    const dated = row.publish_at ?? row.first_published_at ?? new Date().toISOString()
    const path = articlePath(snapshot.site, column.path, dated, row.id)
    updates.push({ id: row.id, path, columnId: column.id })
    if (row.url_path !== null && row.url_path !== path)
      moved.push({ id: row.id, from: row.url_path, to: path })
  }
  if (updates.length === 0) return { assigned: 0, moved }
  await store.transaction(async (tx) => {
    // One statement per 500 articles: a first full publish of a big import assigns them all.
    for (let i = 0; i < updates.length; i += 500) {
      const chunk = updates.slice(i, i + 500)
      const pathCases = sql.join(
        chunk.map((u) => sql`when ${u.id} then ${u.path}`),
        sql` `,
      )
      // PostgreSQL would take untyped parameters in a CASE for text.
      const columnCases = sql.join(
        chunk.map((u) => sql`when ${u.id} then cast(${u.columnId} as integer)`),
        sql` `,
      )
      await tx
        .updateTable('articles')
        .set({
          url_path: sql<string>`case id ${pathCases} end`,
          url_column_id: sql<number>`case id ${columnCases} end`,
        })
        .where(
          'id',
          'in',
          chunk.map((u) => u.id),
        )
        .execute()
    }
    for (const move of moved) {
      // A redirect at the new URL (an article moved back to where it was) would hide its page.
      await tx
        .deleteFrom('redirects')
        .where('site_id', '=', snapshot.site.id)
        .where('from_path', 'in', [move.from, move.to])
        .execute()
      await tx
        .insertInto('redirects')
        .values({ site_id: snapshot.site.id, from_path: move.from, to_path: move.to })
        .execute()
    }
  })
  return { assigned: updates.length, moved }
}
