import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * 排序: the order an editor gave a column's articles by hand (position 0 first). Lists show
 * them after the pinned ones on the column's newest page; archive pages keep publish order,
 * so their numbering stays stable. Rows of articles that left the column are ignored.
 */
export const columnArticleOrder: Migration = {
  version: 37,
  name: 'manual order of a column’s articles',
  async up(db: Kysely<unknown>) {
    await sql`create table column_article_order (
      column_id integer not null,
      article_id integer not null,
      position integer not null,
      primary key (column_id, article_id)
    )`.execute(db)
    await sql`create index column_article_order_article on column_article_order (article_id)`.execute(db)
  },
}
