import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { type Generated, Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NodeSqliteDialect } from './node-sqlite-dialect.ts'

interface TestDb {
  notes: { id: Generated<number>; body: string; done: number; parent_id: number | null }
}

describe('the node:sqlite dialect', () => {
  let folder: string
  let db: Kysely<TestDb>

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-dialect-'))
    db = new Kysely<TestDb>({ dialect: new NodeSqliteDialect({ path: join(folder, 'test.db') }) })
    await sql`create table notes (id integer primary key autoincrement, body text not null,
      done integer not null default 0, parent_id integer references notes(id))`.execute(db)
  })

  afterEach(async () => {
    await db.destroy()
    await rm(folder, { recursive: true, force: true })
  })

  it('opens the file in WAL mode with foreign keys on, waiting for locks itself rather than in SQLite', async () => {
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)
    expect(mode.rows[0]?.journal_mode).toBe('wal')
    expect(keys.rows[0]?.foreign_keys).toBe(1)
    expect(timeout.rows[0]?.timeout).toBe(0)
  })

  it('lets the event loop run while a write waits for another connection to let go of the lock', async () => {
    const other = new DatabaseSync(join(folder, 'test.db'))
    other.exec('begin immediate')
    other.exec("insert into notes (body) values ('other')")
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    // SQLite's own busy handler would sleep in this thread: the timer below could not fire to
    // let go of the lock, and the insert would fail after 5 s.
    const released = setTimeout(() => other.exec('commit'), 200)
    try {
      await db.insertInto('notes').values({ body: 'mine', done: 0 }).execute()
      await db
        .transaction()
        .execute((tx) => tx.insertInto('notes').values({ body: 'in a transaction', done: 0 }).execute())
    } finally {
      clearInterval(ticker)
      clearTimeout(released)
      other.close()
    }
    expect(ticks).toBeGreaterThan(5)
    const bodies = await db.selectFrom('notes').select('body').orderBy('id').execute()
    expect(bodies.map((row) => row.body)).toEqual(['other', 'mine', 'in a transaction'])
  })

  it('gives up with SQLITE_BUSY once the busy timeout has passed, having changed nothing', async () => {
    const patient = new Kysely<TestDb>({
      dialect: new NodeSqliteDialect({ path: join(folder, 'test.db'), busyTimeoutMs: 100 }),
    })
    const other = new DatabaseSync(join(folder, 'test.db'))
    other.exec('begin immediate')
    try {
      await expect(
        patient.insertInto('notes').values({ body: 'late', done: 0 }).execute(),
      ).rejects.toMatchObject({
        errcode: 5,
      })
      await expect(patient.transaction().execute(async () => {})).rejects.toMatchObject({ errcode: 5 })
    } finally {
      other.exec('rollback')
      other.close()
    }
    expect(await patient.selectFrom('notes').selectAll().execute()).toEqual([])
    await patient.destroy()
  })

  it('opens a reader read-only with the page cache it is given, and the default without', async () => {
    const reader = new Kysely<TestDb>({
      dialect: new NodeSqliteDialect({ path: join(folder, 'test.db'), readOnly: true, cacheKiB: 32 * 1024 }),
    })
    const plain = new Kysely<TestDb>({
      dialect: new NodeSqliteDialect({ path: join(folder, 'test.db'), readOnly: true }),
    })
    try {
      const cacheOf = async (of: Kysely<TestDb>) =>
        (await sql<{ cache_size: number }>`pragma cache_size`.execute(of)).rows[0]?.cache_size
      expect(await cacheOf(reader)).toBe(-32768)
      expect(await cacheOf(plain)).toBe(-2000)
      await expect(reader.insertInto('notes').values({ body: 'x', done: 0 }).execute()).rejects.toThrow(
        /readonly/,
      )
    } finally {
      await reader.destroy()
      await plain.destroy()
    }
  })

  it('refuses a row that points at a missing parent', async () => {
    await expect(
      db.insertInto('notes').values({ body: 'orphan', done: 0, parent_id: 99 }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/)
  })

  it('reports the inserted id and the affected row count', async () => {
    const inserted = await db
      .insertInto('notes')
      .values({ body: 'a', done: 0, parent_id: null })
      .executeTakeFirst()
    expect(inserted.insertId).toBe(1n)
    await db.insertInto('notes').values({ body: 'b', done: 0, parent_id: null }).execute()
    const updated = await db.updateTable('notes').set({ done: 1 }).executeTakeFirst()
    expect(updated.numUpdatedRows).toBe(2n)
  })

  it('returns rows from RETURNING and binds booleans as 0 and 1', async () => {
    const row = await db
      .insertInto('notes')
      .values({ body: '精神文明', done: true as unknown as number, parent_id: null })
      .returning(['id', 'body', 'done'])
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ id: 1, body: '精神文明', done: 1 })
  })

  it('rolls a failed transaction back whole', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('notes').values({ body: 'kept?', done: 0, parent_id: null }).execute()
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const count = await db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(0)
  })

  it('runs concurrent transactions one after another, never interleaved', async () => {
    const order: string[] = []
    const work = (name: string) =>
      db.transaction().execute(async (tx) => {
        order.push(`${name}:start`)
        await tx.insertInto('notes').values({ body: name, done: 0, parent_id: null }).execute()
        await new Promise((resolve) => setTimeout(resolve, 5))
        order.push(`${name}:end`)
      })
    await Promise.all([work('a'), work('b'), work('c')])
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end'])
  })

  it('streams the rows of a select', async () => {
    for (const body of ['x', 'y', 'z'])
      await db.insertInto('notes').values({ body, done: 0, parent_id: null }).execute()
    const seen: string[] = []
    for await (const row of db.selectFrom('notes').select('body').orderBy('id').stream()) seen.push(row.body)
    expect(seen).toEqual(['x', 'y', 'z'])
  })

  it('reuses prepared statements without mixing up their parameters', async () => {
    for (let i = 0; i < 300; i++) {
      await db
        .insertInto('notes')
        .values({ body: `n${i}`, done: i % 2, parent_id: null })
        .execute()
    }
    const odd = await db.selectFrom('notes').select('body').where('done', '=', 1).execute()
    expect(odd).toHaveLength(150)
    expect(odd[0]?.body).toBe('n1')
  })
})
