import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, SqliteReaders, SqliteWriter, type Store } from '../../src/store/index.ts'

describe('SQLite reader threads', () => {
  let folder: string
  let readers: SqliteReaders<string, string>

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-readers-'))
    const db = new DatabaseSync(join(folder, 'fabu.db'))
    db.exec('create table notes (body text)')
    db.close()
    // A read that leaves its worker to end a moment after it answered, as a thread does that
    // runs out of memory in a collection while it waits for the next read.
    await writeFile(
      join(folder, 'task.mjs'),
      `export async function read(_store, input) {
        if (input === 'end') setTimeout(() => process.exit(3), 20)
        return 'read ' + input
      }`,
    )
    readers = new SqliteReaders({
      name: 'the test readers',
      sqlitePath: join(folder, 'fabu.db'),
      task: pathToFileURL(join(folder, 'task.mjs')),
      workers: 1,
      // Longer than the test may take: a read sent to the ended worker would wait it out.
      deadlineMs: 60_000,
      overrun: (ms) => new Error(`no answer in ${ms} ms`),
    })
  })

  afterAll(async () => {
    await readers.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('answers the next read at once after a worker ended while idle', { timeout: 15_000 }, async () => {
    expect(await readers.read('end')).toBe('read end')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await readers.read('next')).toBe('read next')
    expect(await readers.read('and the one after')).toBe('read and the one after')
  })
})

describe('a SQLite writer thread', () => {
  let folder: string
  let store: Store

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-writer-'))
    store = await openStore({ sqlitePath: join(folder, 'fabu.db') })
    await sql`create table notes (body text)`.execute(store.db)
    // A write that takes the lock, writes, and then runs on past any deadline, as a merge of
    // a big index can; and one that writes and commits.
    await writeFile(
      join(folder, 'task.mjs'),
      `export async function write(store, input) {
        if (input === 'stall') {
          await store.transaction(async (tx) => {
            await tx.insertInto('notes').values({ body: 'stalled' }).execute()
            const until = Date.now() + 60_000
            while (Date.now() < until) {}
          })
        }
        await store.db.insertInto('notes').values({ body: input }).execute()
        return 'wrote ' + input
      }`,
    )
  })

  afterAll(async () => {
    await store.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('writes beside the store, and a write stopped at its deadline leaves neither rows nor the lock behind', async () => {
    const writer = new SqliteWriter<string, string>({
      name: 'the test writer',
      sqlitePath: join(folder, 'fabu.db'),
      task: pathToFileURL(join(folder, 'task.mjs')),
      deadlineMs: 1_000,
    })
    try {
      expect(await writer.write('first')).toBe('wrote first')
      await expect(writer.write('stall')).rejects.toThrow(/1000 ms/)
      // The store writes at once: the stopped thread's transaction was rolled back, its lock let go.
      await sql`insert into notes (body) values ('the store')`.execute(store.db)
      expect(await writer.write('after')).toBe('wrote after')
    } finally {
      await writer.close()
    }
    const bodies = (await sql<{ body: string }>`select body from notes`.execute(store.db)).rows.map(
      (row) => row.body,
    )
    expect(bodies).toEqual(['first', 'the store', 'after'])
  })
})
