import { type Kysely, sql } from 'kysely'
import type { Engine } from '../engine.ts'
import type { Migration } from './migration.ts'

/** TRUNCATE skips row triggers in PostgreSQL; a statement trigger refuses it too. (SQLite has no TRUNCATE.) */
export const auditTruncateGuard: Migration = {
  version: 3,
  name: 'refuse TRUNCATE of the audit log',
  async up(db: Kysely<unknown>, engine: Engine) {
    if (engine !== 'postgres') return
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db)
  },
}
