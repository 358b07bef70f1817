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
 * Fixes the URL of every article published for the first time, and moves the URL of an
 * article whose home column changed, leaving a redirect at the old one. Nothing else ever
 * changes a URL: editing the publish time keeps it.
 */
export async function assignUrls(
  store: Store,
  snapshot: { readonly site: Site; readonly tree: ColumnTree },
  scope: 'all' | { readonly changedIds: readonly number[] },
): Promise<{ readonly assigned: number; readonly moved: readonly MovedArticle[] }> {
  let query = store.db
    .selectFrom('articles')
    .select(['id', 'column_id', 'publish_at', 'first_published_at', 'url_path'])
    .where('site_id', '=', snapshot.site.id)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
  // Publishing or moving an article writes a change row: only changed articles can need a URL.
  if (scope !== 'all') {
    if (scope.changedIds.length === 0) return { assigned: 0, moved: [] }
    query = query.where('id', 'in', scope.changedIds.slice(0, 5000))
  }
  const rows = await query.execute()
  const updates: { id: number; path: string }[] = []
  const moved: MovedArticle[] = []
  for (const row of rows) {
    const column = snapshot.tree.get(row.column_id)
    if (!column) continue
    if (row.url_path?.startsWith(`${column.path}/`)) continue
    const dated = row.publish_at ?? row.first_published_at ?? new Date().toISOString()
    const path = row.url_path
      ? `${column.path}/${row.url_path.split('/').slice(-4).join('/')}`
      : articlePath(column.path, dated, snapshot.site.timeZone, row.id)
    updates.push({ id: row.id, path })
    if (row.url_path) moved.push({ id: row.id, from: row.url_path, to: path })
  }
  if (updates.length === 0) return { assigned: 0, moved }
  await store.transaction(async (tx) => {
    // One statement per 500 articles: a first full publish of a big import assigns them all.
    for (let i = 0; i < updates.length; i += 500) {
      const chunk = updates.slice(i, i + 500)
      const cases = sql.join(
        chunk.map((u) => sql`when ${u.id} then ${u.path}`),
        sql` `,
      )
      await tx
        .updateTable('articles')
        .set({ url_path: sql<string>`case id ${cases} end` })
        .where(
          'id',
          'in',
          chunk.map((u) => u.id),
        )
        .execute()
    }
    for (const move of moved) {
      await tx
        .deleteFrom('redirects')
        .where('site_id', '=', snapshot.site.id)
        .where('from_path', '=', move.from)
        .execute()
      await tx
        .insertInto('redirects')
        .values({ site_id: snapshot.site.id, from_path: move.from, to_path: move.to })
        .execute()
    }
  })
  return { assigned: updates.length, moved }
}
