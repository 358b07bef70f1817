import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * The public forms' per-address limits, shared by every `fabu serve` of an installation: one
 * row per purpose, site and address with the start of its window (milliseconds) and the
 * attempts counted in it. Kept in memory only, each server allowed an address the limit
 * again, so N servers let a flood through N times over.
 */
export const addressWindows: Migration = {
  version: 31,
  name: 'per-address attempt windows of the public forms',
  async up(db: Kysely<unknown>) {
    await sql`create table address_windows (
      key text primary key,
      window_start bigint not null,
      count integer not null
    )`.execute(db)
    await sql`create index address_windows_start on address_windows (window_start)`.execute(db)
  },
}
