import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * An article's URL is its own for good: two articles with one URL would write one file, the
 * later over the earlier. The publisher keeps URLs apart; this index makes sure of it.
 */
export const uniqueArticleUrls: Migration = {
  version: 12,
  name: 'unique article URLs',
  async up(db: Kysely<unknown>) {
    await sql`create unique index articles_url_path on articles (site_id, url_path) where url_path is not null`.execute(
      db,
    )
  },
}
