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
  },
}
