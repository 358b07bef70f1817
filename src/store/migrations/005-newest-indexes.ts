import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * The newest articles of a site (feeds) and the pinned ones of a column (list heads) are read
 * on every incremental publish; these indexes answer both without scanning the articles.
 */
export const newestIndexes: Migration = {
  version: 5,
  name: 'index the newest articles of a site and the pinned ones of a column',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('articles_site_newest')
      .on('articles')
      .columns(['site_id', 'status', 'publish_at'])
      .execute()
    await sql`create index articles_pinned on articles (column_id, weight, publish_at) where weight > 0`.execute(
      db,
    )
  },
}
