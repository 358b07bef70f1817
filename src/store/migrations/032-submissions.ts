import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * 信息报送: a unit's site submits an article to a column of another site of the installation.
 * The receiving site lists, per column, the sites that may submit to it; each submission keeps
 * what was sent, by whom, and what the receiving editors decided (采用, 退回 with a reason, 忽略).
 */
export const submissions: Migration = {
  version: 32,
  name: 'submissions between sites',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('submission_sources')
      // No foreign keys to columns here or below: the recycle bin purges a deleted column for
      // good, and neither its settings nor the record of what was sent to it may stop that.
      .addColumn('column_id', 'integer', (c) => c.notNull())
      .addColumn('source_site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addPrimaryKeyConstraint('submission_sources_pk', ['column_id', 'source_site_id'])
      .execute()
    await db.schema
      .createTable('submissions')
      .addColumn('id', 'integer', t.identity)
      .addColumn('source_site_id', 'integer', (c) => c.notNull().references('sites.id'))
      // No foreign key to articles: the source may be purged from the recycle bin; the count stays.
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('target_site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('target_column_id', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_by_user_id', 'integer')
      .addColumn('submitted_at', t.timestamp, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', t.timestamp)
      .addColumn('reason', 'text')
      .addColumn('adopted_article_id', 'integer')
      .execute()
    await db.schema
      .createIndex('submissions_target_status')
      .on('submissions')
      .columns(['target_site_id', 'status', 'submitted_at'])
      .execute()
    await db.schema
      .createIndex('submissions_source')
      .on('submissions')
      .columns(['source_site_id', 'submitted_at'])
      .execute()
    await db.schema
      .createIndex('submissions_article_column')
      .on('submissions')
      .columns(['article_id', 'target_column_id'])
      .execute()
  },
}
