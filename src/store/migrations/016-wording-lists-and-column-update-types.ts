import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * Wording lists (错敏词) per site, and how often each column is expected to be updated, for
 * the inspection self-check (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号):
 * - `wording_entries`: one word of a site's lists; `kind` is sensitive, political (a wrong
 *   formulation), advertising (广告法 absolute terms) or protected (a name whose near-misses are
 *   flagged); `level` is block (禁用) or warn (提示); `suggestion` the replacement to offer.
 * - `columns.update_type`: news (动态/要闻, 14 days), notice (通知公告, 6 months), policy
 *   (政策文件, 6 months) or other (no limit).
 */
export const wordingListsAndColumnUpdateTypes: Migration = {
  version: 16,
  name: 'wording lists; column update types',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('wording_entries')
      .addColumn('id', 'integer', (c) => t.identity(c))
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('word', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('suggestion', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('wording_entries_site_word', ['site_id', 'word'])
      .execute()
    await db.schema
      .alterTable('columns')
      .addColumn('update_type', 'text', (c) => c.notNull().defaultTo('other'))
      .execute()
  },
}
