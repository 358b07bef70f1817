import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { engines, type TestStore } from '../../test/support/engines.ts'
import { currentVersion, migrate } from './migrate.ts'
import { migrations } from './migrations/index.ts'

for (const engine of engines()) {
  describe(`${engine.name}: migrations`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await engine.open()
    })
    afterEach(async () => {
      await t.dispose()
    })

    it('leaves a new database at the newest schema version', async () => {
      const newest = Math.max(...migrations.map((m) => m.version))
      expect(await currentVersion(t.store.db)).toBe(newest)
    })

    it('does nothing when run again', async () => {
      const result = await migrate(t.store.db, t.store.engine)
      expect(result.from).toBe(result.to)
    })

    it('applies a step numbered below the newest applied one when it was never applied', async () => {
      const made: string[] = []
      const step = (version: number) => ({
        version: 1000 + version,
        name: `step ${version}`,
        async up() {
          made.push(`step ${version}`)
        },
      })
      await migrate(t.store.db, t.store.engine, [...migrations, step(1), step(3)])
      await migrate(t.store.db, t.store.engine, [...migrations, step(1), step(2), step(3)])
      expect(made).toEqual(['step 1', 'step 3', 'step 2'])
      const versions = await t.store.db
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '>', 1000)
        .orderBy('version')
        .execute()
      expect(versions.map((row) => row.version)).toEqual([1001, 1002, 1003])
    })

    it('refuses a database that a newer fabu has migrated', async () => {
      await t.store.db
        .insertInto('schema_migrations')
        .values({ version: 999, name: 'from the future', applied_at: new Date().toISOString() })
        .execute()
      await expect(migrate(t.store.db, t.store.engine)).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' })
    })

    it('keeps the audit log append-only even for raw SQL', async () => {
      await sql`insert into audit_log (at, actor, address, action, target_type, target_id, outcome, detail, prev_hash, hash)
        values ('2026-01-01T00:00:00.000Z', 'a', '', 'x', 't', '1', 'success', '{}', '', 'h')`.execute(
        t.store.db,
      )
      await expect(sql`update audit_log set actor = 'b'`.execute(t.store.db)).rejects.toThrow(/append-only/)
      await expect(sql`delete from audit_log`.execute(t.store.db)).rejects.toThrow(/append-only/)
      if (engine.name === 'postgres') {
        await expect(sql`truncate audit_log`.execute(t.store.db)).rejects.toThrow(/append-only/)
      }
    })
  })
}
