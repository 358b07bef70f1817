import type { Kysely } from 'kysely'
import type { Migration } from './migration.ts'

/** Publishing walks each column's articles in publish order; this index serves that walk without a sort. */
export const articleOrderIndex: Migration = {
  version: 4,
  name: 'index articles by column and publish order',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('articles_column_order')
      .on('articles')
      .columns(['column_id', 'status', 'publish_at', 'id'])
      .execute()
  },
}
