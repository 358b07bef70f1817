import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * What `fabu import` brought in from an old site, keyed by the page's source URL so that
 * importing again updates an article instead of adding it twice, and the old path can be
 * answered with a redirect to wherever the article or column now lives. `import_runs` keeps a
 * run's queue so a stopped run can be resumed.
 */
export const importedPages: Migration = {
  version: 17,
  name: 'imported pages and import runs',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('imported_pages')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('old_path', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer')
      .addColumn('column_id', 'integer')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('imported_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('imported_pages_pk', ['site_id', 'source_url'])
      .execute()
    await db.schema
      .createIndex('imported_pages_old_path')
      .on('imported_pages')
      .columns(['site_id', 'old_path'])
      .execute()
    await db.schema
      .createTable('import_runs')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('started_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp)
      .addColumn('state', t.json, (c) => c.notNull())
      .execute()
  },
}
