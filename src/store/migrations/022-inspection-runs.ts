import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * Each stored run of the inspection self-check (检查指标自查), daily from `fabu serve` or by
 * `fabu check --save`, so the report can say what failed or was fixed since the run before.
 */
export const inspectionRuns: Migration = {
  version: 22,
  name: 'inspection runs',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('inspection_runs')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('checked_at', t.timestamp, (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('report', t.json, (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('inspection_runs_site_checked')
      .on('inspection_runs')
      .columns(['site_id', 'checked_at'])
      .execute()
  },
}
