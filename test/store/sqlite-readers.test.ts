import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqliteReaders } from '../../src/store/index.ts'

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
