import { type Kysely, sql } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * Background jobs the server runs for a user (an import started from the admin): who started
 * it, where it stands and its live counts, so the admin shows it again after a page reload and
 * a job cut off by a restart is found and marked. A table of its own rather than more columns
 * on `import_runs`: that one is the crawl's resume state (a large queue rewritten every few
 * seconds, also by the CLI), this one is the small record a person looks at, and a dry run or
 * a refused start has a job but no run.
 */
export const jobs: Migration = {
  version: 19,
  name: 'background jobs',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'integer', t.identity)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('started_by', t.json, (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('options', t.json, (c) => c.notNull())
      .addColumn('counts', t.json, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('started_at', t.timestamp)
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp)
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('result', t.json)
      .execute()
    await db.schema.createIndex('jobs_site').on('jobs').columns(['site_id', 'kind', 'id']).execute()
    // At most one live job of a kind per site, kept by the database even when two requests race.
    await db.schema
      .createIndex('jobs_one_live_per_site')
      .on('jobs')
      .columns(['site_id', 'kind'])
      .unique()
      .where(sql.ref('state'), 'in', sql`('queued', 'running')`)
      .execute()
  },
}
