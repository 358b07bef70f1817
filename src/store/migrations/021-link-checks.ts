import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * Links (issue 13):
 * - `page_links`: which published page links to which article page of its site (output paths),
 *   kept as pages are written and removed, so "who links here" is one lookup before an
 *   article is deleted or withdrawn.
 * - `broken_links`: internal links and images of the pages a publish run wrote (or left linking
 *   to a page it removed) that lead to no file of the site's output, per run, with the page's
 *   article and its editor.
 * - `external_link_checks` / `external_link_results`: each run of the external link check of a
 *   site and what it found per article and link (broken, redirected, refused…).
 */
export const linkChecks: Migration = {
  version: 21,
  name: 'page links, broken links, external link checks',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('page_links')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('page_links_pk', ['site_id', 'target', 'path'])
      .execute()
    await db.schema.createIndex('page_links_by_page').on('page_links').columns(['site_id', 'path']).execute()
    await db.schema
      .createTable('broken_links')
      .addColumn('id', 'integer', (c) => t.identity(c))
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('run_id', 'integer', (c) => c.notNull().references('publish_runs.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer')
      .addColumn('editor', 'text')
      .addColumn('element', 'text', (c) => c.notNull())
      .addColumn('href', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('broken_links_by_run').on('broken_links').columns(['run_id']).execute()
    await db.schema
      .createIndex('broken_links_by_article')
      .on('broken_links')
      .columns(['article_id', 'run_id'])
      .execute()
    await db.schema
      .createTable('external_link_checks')
      .addColumn('id', 'integer', (c) => t.identity(c))
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('started_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp, (c) => c.notNull())
      .addColumn('checked', 'integer', (c) => c.notNull())
      .addColumn('broken', 'integer', (c) => c.notNull())
      .addColumn('redirected', 'integer', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('external_link_results')
      .addColumn('check_id', 'integer', (c) => c.notNull().references('external_link_checks.id'))
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('location', 'text')
      .addColumn('detail', 'text')
      .execute()
    await db.schema
      .createIndex('external_link_results_by_check')
      .on('external_link_results')
      .columns(['check_id'])
      .execute()
  },
}
