import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/** Who submitted and who approved at each level of the current review, so no one passes their own work. */
export const reviewTrail: Migration = {
  version: 8,
  name: 'the review trail of an article',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .alterTable('articles')
      .addColumn('review_trail', t.json, (c) => c.notNull().defaultTo('[]'))
      .execute()
  },
}
