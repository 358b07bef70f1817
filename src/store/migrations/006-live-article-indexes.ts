import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * Lists count and page through the live articles of a column (published, not deleted, with a
 * URL). Partial indexes over exactly those rows answer counts and positions from the index
 * alone, without reading each article row and its body.
 */
export const liveArticleIndexes: Migration = {
  version: 6,
  name: 'partial indexes over live articles',
  async up(db: Kysely<unknown>) {
    await sql`create index articles_live_order on articles (column_id, status, publish_at, id)
      where deleted_at is null and url_path is not null`.execute(db)
    await sql`create index articles_live_sitemap on articles (site_id, status, id, url_path, publish_at)
      where deleted_at is null and url_path is not null`.execute(db)
    await sql`create index articles_live_newest on articles (site_id, status, publish_at, id)
      where deleted_at is null and url_path is not null`.execute(db)
  },
}
