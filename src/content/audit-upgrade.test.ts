import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { editor } from '../../test/support/content-fixture.ts'
import { engines, freshPostgresUrl } from '../../test/support/engines.ts'
import {
  type Database,
  migrate,
  NodeSqliteDialect,
  openStore,
  type Store,
  type StoreOptions,
} from '../store/index.ts'
import { migrations } from '../store/migrations/index.ts'
import { attachAuditChain, checkpointAudit } from './audit-chain.ts'
import { linkOf } from './audit-link.ts'
import { createContent } from './content.ts'

for (const engine of engines()) {
  describe(`${engine.name}: an audit log from before keys, after the upgrade`, () => {
    let folder: string
    let store: Store | undefined

    afterEach(async () => {
      await store?.close()
      await rm(folder, { recursive: true, force: true })
    })

    /** A database as version 12 left it, with three records chained by plain SHA-256. */
    async function databaseOfVersion12(): Promise<StoreOptions> {
      folder = await mkdtemp(join(tmpdir(), 'fabu-upgrade-'))
      const options: StoreOptions =
        engine.name === 'postgres'
          ? { databaseUrl: await freshPostgresUrl() }
          : { sqlitePath: join(folder, 'fabu.db') }
      const db = new Kysely<Database>({
        dialect:
          engine.name === 'postgres'
            ? new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 1 }) })
            : new NodeSqliteDialect({ path: options.sqlitePath ?? '' }),
      })
      await migrate(
        db,
        engine.name,
        migrations.filter((migration) => migration.version <= 12),
      )
      let previous = ''
      for (const action of ['site.create', 'column.create', 'user.create']) {
        const fields = {
          at: '2026-01-01T00:00:00.000Z',
          actor: 'admin (u-1)',
          address: '',
          action,
          target_type: 'site',
          target_id: '1',
          outcome: 'success',
          error_code: null,
          detail: '{"a":1}',
        }
        const hash = linkOf(null, previous, fields)
        await sql`insert into audit_log (at, actor, address, action, target_type, target_id, outcome, error_code, detail, prev_hash, hash)
          values (${fields.at}, ${fields.actor}, '', ${action}, 'site', '1', 'success', null, ${fields.detail}, ${previous}, ${hash})`.execute(
          db,
        )
        previous = hash
      }
      await sql`update audit_head set last_hash = ${previous}`.execute(db)
      await db.destroy()
      return options
    }

    it('verifies the old records as legacy and the new ones with the key, and still catches an edited old record', async () => {
      const options = await databaseOfVersion12()
      store = await openStore(options)
      const key = { id: 'k1', secret: randomBytes(32) }
      attachAuditChain(store, {
        keys: { current: key, byId: new Map([[key.id, key]]) },
        checkpointPath: join(folder, 'audit-checkpoints.log'),
      })
      await checkpointAudit(store)
      const head = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()
      expect(head).toMatchObject({ last_id: 3, keyed_from: 4 })

      const content = createContent(store)
      await content.sites.create(editor, { slug: 'simt', name: '计量院', baseUrl: 'https://simt.example' })
      expect(await content.audit.verify()).toMatchObject({ isIntact: true, checked: 4, legacy: 3 })
      const keyIds = (await store.db.selectFrom('audit_log').select('key_id').orderBy('id').execute()).map(
        (row) => row.key_id,
      )
      expect(keyIds).toEqual([null, null, null, 'k1'])

      // Editing a legacy record shows as before: its hash no longer matches.
      await dropAppendOnlyGuard(store)
      await sql`update audit_log set actor = 'x' where id = 2`.execute(store.db)
      expect(await content.audit.verify()).toMatchObject({
        isIntact: false,
        brokenAt: 2,
        reason: 'record content does not match its hash',
      })
    })

    async function dropAppendOnlyGuard(target: Store) {
      if (engine.name === 'postgres') {
        await sql`drop trigger audit_log_no_update on audit_log`.execute(target.db)
      } else {
        await sql`drop trigger audit_log_no_update`.execute(target.db)
      }
    }
  })
}
