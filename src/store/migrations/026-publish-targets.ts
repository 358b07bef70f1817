import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * Where a site's output goes after each run besides the local folder: web servers over rsync,
 * an S3-compatible bucket, a CDN purge hook (src/targets). `settings` holds no secret: keys and
 * tokens are named by environment variable or key file, so a database dump leaks none.
 * `since_run_id` is the site's newest run when the target was added: what came before reaches
 * it by the full sync a new target starts with (`needs_full_sync`).
 *
 * `target_deliveries` has a row per target and run, so a failed delivery stays on record with
 * its error and attempts, and the next delivery covers every run not yet delivered.
 */
export const publishTargets: Migration = {
  version: 26,
  name: 'publish targets',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('publish_targets')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('settings', t.json, (c) => c.notNull())
      .addColumn('since_run_id', 'integer', (c) => c.notNull())
      .addColumn('needs_full_sync', t.flag, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('last_attempt_at', t.timestamp)
      .addColumn('last_delivered_at', t.timestamp)
      .addColumn('last_error', 'text')
      // The purge budget: URLs purged on `purge_day` (Asia/Shanghai), the providers' daily quota.
      .addColumn('purge_day', 'text')
      .addColumn('purged_urls', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('publish_targets_site_name', ['site_id', 'name'])
      .execute()
    await db.schema
      .createTable('target_deliveries')
      .addColumn('id', 'integer', t.identity)
      .addColumn('target_id', 'integer', (c) =>
        c.notNull().references('publish_targets.id').onDelete('cascade'),
      )
      .addColumn('run_id', 'integer', (c) => c.notNull().references('publish_runs.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('attempted_at', t.timestamp)
      .addColumn('delivered_at', t.timestamp)
      .addUniqueConstraint('target_deliveries_target_run', ['target_id', 'run_id'])
      .execute()
    await db.schema
      .createIndex('target_deliveries_open')
      .on('target_deliveries')
      .columns(['target_id', 'state', 'run_id'])
      .execute()
  },
}
