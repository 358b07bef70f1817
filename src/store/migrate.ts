import { type Kysely, sql } from 'kysely'
import { DatabaseTooNewError } from '../errors/index.ts'
import { type Engine, engineTypes } from './engine.ts'
import { migrations as allMigrations, type Migration } from './migrations/index.ts'
import type { Database } from './schema.ts'

export interface MigrationResult {
  readonly from: number
  readonly to: number
}

/**
 * Brings the schema up to the newest migration, each step in a transaction of its own.
 * Refuses a database that a newer fabu has migrated: running old code on it could corrupt it.
 */
export async function migrate(
  db: Kysely<Database>,
  engine: Engine,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrationResult> {
  const t = engineTypes(engine)
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', t.timestamp, (c) => c.notNull())
    .execute()

  const latest = Math.max(0, ...migrations.map((m) => m.version))
  const from = await currentVersion(db)
  if (from > latest) throw new DatabaseTooNewError(from, latest)

  // Every step not yet applied, not only those above the newest applied: work developed side
  // by side can land a lower-numbered step after a higher one was applied somewhere.
  const applied = new Set(await appliedVersions(db))
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue
    await db.transaction().execute(async (tx) => {
      // Two processes starting at once: the second waits here, then sees the step done.
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(4242001)`.execute(tx)
      if ((await appliedVersions(tx)).includes(migration.version)) return
      await migration.up(tx as unknown as Kysely<unknown>, engine)
      await tx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute()
    })
  }
  return { from, to: Math.max(from, latest) }
}

/** The newest schema version this fabu knows: a database or backup past it is from a newer fabu. */
export function latestSchemaVersion(): number {
  return Math.max(0, ...allMigrations.map((m) => m.version))
}

export async function currentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst()
  return Number(row?.version ?? 0)
}

async function appliedVersions(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('schema_migrations').select('version').execute()
  return rows.map((row) => Number(row.version))
}
