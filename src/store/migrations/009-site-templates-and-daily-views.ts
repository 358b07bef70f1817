import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * A site's own versions of its theme's templates, edited in the admin (they stand in for the
 * theme's files), and view counts per article and day for the dashboard.
 */
export const siteTemplatesAndDailyViews: Migration = {
  version: 9,
  name: 'site templates and daily views',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('site_templates')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('site_templates_pk', ['site_id', 'name'])
      .execute()
    // The day in the site's time zone, as `2026-11-27`.
    await db.schema
      .createTable('article_views_daily')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_views_daily_pk', ['article_id', 'day'])
      .execute()
    await db.schema
      .createIndex('article_views_daily_day')
      .on('article_views_daily')
      .columns(['day'])
      .execute()
  },
}
