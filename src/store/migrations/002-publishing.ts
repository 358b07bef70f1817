import { type Kysely, sql } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

export const publishing: Migration = {
  version: 2,
  name: 'published pages, their dependencies, redirects, runs and view counts',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)

    // What the output folder holds, as the publisher last wrote it: lets a run skip
    // unchanged bytes without reading files back, and find what to remove.
    await db.schema
      .createTable('published_pages')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'integer')
      .addColumn('templates', 'text', (c) => c.notNull())
      .addColumn('written_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('published_pages_pk', ['site_id', 'path'])
      .execute()
    await db.schema
      .createIndex('published_pages_ref')
      .on('published_pages')
      .columns(['site_id', 'kind', 'ref_id'])
      .execute()

    // The data keys a page read beyond its own subject (`article:12` shown in a list,
    // `newest:5` queried by a sidebar): the planner's reverse index.
    await db.schema
      .createTable('page_deps')
      .addColumn('site_id', 'integer', (c) => c.notNull())
      .addColumn('dep_key', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('page_deps_pk', ['site_id', 'dep_key', 'path'])
      .execute()
    await db.schema.createIndex('page_deps_path').on('page_deps').columns(['site_id', 'path']).execute()

    await db.schema
      .createTable('redirects')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('from_path', 'text', (c) => c.notNull())
      .addColumn('to_path', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('redirects_pk', ['site_id', 'from_path'])
      .execute()

    await db.schema
      .createTable('publish_runs')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('started_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp, (c) => c.notNull())
      .addColumn('written', 'integer', (c) => c.notNull())
      .addColumn('unchanged', 'integer', (c) => c.notNull())
      .addColumn('removed', 'integer', (c) => c.notNull())
      .addColumn('errors', 'integer', (c) => c.notNull())
      .addColumn('manifest', t.json, (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('article_views')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id'))
      .addColumn('views', 'integer', (c) => c.notNull())
      .execute()

    await sql`create index changes_site_pending on changes (site_id, id) where done_at is null`.execute(db)
  },
}
