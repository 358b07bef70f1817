import { type Kysely, sql } from 'kysely'
import type { Engine } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * The admin's article list of a whole site, in its default order (pinned first, newest
 * first) and by the other sort fields: from an index, so the first page of 100,000 articles
 * does not sort them all. PostgreSQL sorts NULLs first in descending order unless told;
 * SQLite sorts them last already.
 */
export const articleListIndexes: Migration = {
  version: 10,
  name: 'indexes for the admin article list',
  async up(db: Kysely<unknown>, engine: Engine) {
    const nullsLast = engine === 'postgres' ? sql`nulls last` : sql``
    await sql`create index articles_admin_default on articles (site_id, weight desc, publish_at desc ${nullsLast}, id desc)
      where deleted_at is null`.execute(db)
    await sql`create index articles_admin_column on articles (column_id, weight desc, publish_at desc ${nullsLast}, id desc)
      where deleted_at is null`.execute(db)
    await sql`create index articles_admin_title on articles (site_id, title, id) where deleted_at is null`.execute(
      db,
    )
    await sql`create index articles_admin_updated on articles (site_id, updated_at, id) where deleted_at is null`.execute(
      db,
    )
  },
}
