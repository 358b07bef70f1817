import { type Kysely, sql } from 'kysely'
import type { Engine } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * The admin's list reads a page's ids from an index alone and the rows after (content's
 * article-list-page.ts). These replace migration 10's default-order indexes with ones that
 * also hold what the list filters on most: the site beside the column, so a section's arms and
 * count need no article row to check it, and the title, so a title search walks the index in
 * list order and counts from it instead of reading every article row (bodies and all).
 */
export const adminListKeyIndexes: Migration = {
  version: 29,
  name: 'covering indexes for the admin article list',
  async up(db: Kysely<unknown>, engine: Engine) {
    const nullsLast = engine === 'postgres' ? sql`nulls last` : sql``
    await sql`create index articles_admin_site_keys on articles (site_id, weight desc, publish_at desc ${nullsLast}, id desc, title)
      where deleted_at is null`.execute(db)
    await sql`create index articles_admin_column_keys on articles (column_id, site_id, weight desc, publish_at desc ${nullsLast}, id desc, title)
      where deleted_at is null`.execute(db)
    // No narrower index for counting the whole site (2.5 ms instead of 6 at 100,000 on
    // SQLite): with one on (site_id, deleted_at), SQLite counted a title search through it,
    // reading every article row for its title, ten times slower.
    await sql`drop index articles_admin_default`.execute(db)
    await sql`drop index articles_admin_column`.execute(db)
  },
}
