import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * One publisher at a time per site, across processes: a `fabu publish` by hand, the server's
 * background queue and, later, the nodes of a cluster all take the site's lease before they
 * consume its changes. A lease expires unless its holder renews it, so a process that died
 * holding one stops blocking the site after `expires_at`.
 */
export const publishLeases: Migration = {
  version: 24,
  name: 'publish leases',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('publish_leases')
      .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('acquired_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .execute()
  },
}
