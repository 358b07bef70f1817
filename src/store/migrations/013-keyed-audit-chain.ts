import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * The audit chain becomes an HMAC chain under a key kept outside the database. Each entry
 * names the key it was chained with (null: a plain SHA-256 link from an earlier version).
 * The head remembers the id of its entry, which checkpoints outside the database record, and
 * where the keyed part begins: entries before it stay as they were and verify as legacy.
 */
export const keyedAuditChain: Migration = {
  version: 13,
  name: 'keyed audit chain',
  async up(db: Kysely<unknown>) {
    await sql`alter table audit_log add column key_id text`.execute(db)
    await sql`alter table audit_head add column last_id integer not null default 0`.execute(db)
    await sql`alter table audit_head add column keyed_from integer not null default 1`.execute(db)
    await sql`update audit_head set
      last_id = (select coalesce(max(id), 0) from audit_log),
      keyed_from = (select coalesce(max(id), 0) + 1 from audit_log)`.execute(db)
  },
}
