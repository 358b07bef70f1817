import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * Each site chooses the pattern of its article URLs; the default is the one every article got
 * so far, so existing sites keep their URLs. An article remembers the column its URL was made
 * for, since a pattern without `{column}` leaves no trace of it in the path.
 */
export const articleUrlPatterns: Migration = {
  version: 11,
  name: 'article URL patterns',
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sites')
      .addColumn('article_url_pattern', 'text', (c) =>
        c.notNull().defaultTo('{column}/{yyyy}/{mm}/{dd}/{id}.html'),
      )
      .execute()
    await db.schema
      .alterTable('articles')
      // No foreign key: it only remembers, and the column may be deleted once the article has
      // moved out of it, before the next publish gives the article its new URL.
      .addColumn('url_column_id', 'integer')
      .execute()
    await sql`update articles set url_column_id = column_id where url_path is not null`.execute(db)
    await forgetPendingMoves(db)
  },
}

/**
 * Until now a move was told by the URL no longer lying under the column's path. An article
 * moved (or whose column was renamed) but not published since must still count as moved:
 * its URL was not made for its column, so it remembers none.
 */
export async function forgetPendingMoves(db: Kysely<unknown>): Promise<void> {
  const columns = await sql<{ id: number; parent_id: number | null; slug: string }>`
    select id, parent_id, slug from columns`.execute(db)
  const byId = new Map(columns.rows.map((column) => [column.id, column]))
  const pathOf = (id: number): string => {
    const column = byId.get(id)
    if (!column) return ''
    return column.parent_id === null ? column.slug : `${pathOf(column.parent_id)}/${column.slug}`
  }
  const articles = await sql<{ id: number; column_id: number; url_path: string }>`
    select id, column_id, url_path from articles where url_path is not null`.execute(db)
  const pending = articles.rows
    .filter((article) => !article.url_path.startsWith(`${pathOf(article.column_id)}/`))
    .map((article) => article.id)
  for (let i = 0; i < pending.length; i += 500) {
    const ids = sql.join(pending.slice(i, i + 500))
    await sql`update articles set url_column_id = null where id in (${ids})`.execute(db)
  }
}
