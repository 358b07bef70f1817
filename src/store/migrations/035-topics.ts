import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * 专题: a column of kind `topic` keeps its banner and its template set in `topic` (JSON,
 * null for every other column). Its sub-columns are ordinary columns below it.
 */
export const topics: Migration = {
  version: 35,
  name: 'special topics (专题)',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema.alterTable('columns').addColumn('topic', engineTypes(engine).json).execute()
  },
}
