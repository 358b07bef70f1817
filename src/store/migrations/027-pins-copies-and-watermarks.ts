import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * 置顶 may end by itself (`pinned_until`: the due-run unpins the article, so its lists are
 * rewritten without it at the top), a 复制 copy keeps the article it was copied from, and a
 * site may have its pictures watermarked with a text of its own (empty: none).
 */
export const pinsCopiesAndWatermarks: Migration = {
  version: 27,
  name: 'pin expiry, copied articles and site watermarks',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema.alterTable('articles').addColumn('pinned_until', t.timestamp).execute()
    // No foreign key: the source may be purged from the recycle bin; the copy stands alone.
    await db.schema.alterTable('articles').addColumn('copied_from', 'integer').execute()
    await db.schema
      .alterTable('sites')
      .addColumn('watermark', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
  },
}
