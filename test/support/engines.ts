import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { type Engine, openStore, type Store } from '../../src/store/index.ts'

export interface TestEngine {
  readonly name: Engine
  /** A fresh, migrated, empty store of this engine, removed again by `dispose`. */
  open(): Promise<TestStore>
}

export interface TestStore {
  readonly store: Store
  /** A second connection to the same database, as another process would have; the caller closes it. */
  openAnother(): Promise<Store>
  dispose(): Promise<void>
}

/** Both engines, for contract suites that must hold on each. FABU_TEST_ENGINES=sqlite narrows a local run. */
export function engines(): readonly TestEngine[] {
  const wanted = (process.env.FABU_TEST_ENGINES ?? 'sqlite,postgres').split(',')
  return [sqliteEngine, postgresEngine].filter((engine) => wanted.includes(engine.name))
}

export const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open() {
    const folder = await mkdtemp(join(tmpdir(), 'fabu-test-'))
    const store = await openStore({ sqlitePath: join(folder, 'fabu.db') })
    return {
      store,
      openAnother: () => openStore({ sqlitePath: join(folder, 'fabu.db') }),
      async dispose() {
        await store.close()
        await rm(folder, { recursive: true, force: true })
      },
    }
  },
}

export const postgresEngine: TestEngine = {
  name: 'postgres',
  async open() {
    const url = inject('pgUrl')
    if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL is not available to the tests')
    // A schema per store keeps tests apart; the run's database is dropped at the end.
    const schema = `t_${randomBytes(6).toString('hex')}`
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`create schema ${schema}`)
    await client.end()
    const store = await openStore({ databaseUrl: url, postgresSchema: schema })
    return {
      store,
      openAnother: () => openStore({ databaseUrl: url, postgresSchema: schema }),
      async dispose() {
        await store.close()
      },
    }
  },
}

/** A DATABASE_URL whose connections live in a fresh schema of the run's database, for child processes. */
export async function freshPostgresUrl(): Promise<string> {
  const url = inject('pgUrl')
  if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL is not available to the tests')
  const schema = `p_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`create schema ${schema}`)
  await client.end()
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  return withSchema.toString()
}
