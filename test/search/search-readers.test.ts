import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent, systemActor } from '../../src/content/index.ts'
import { SearchTimeoutError, ServerBusyError } from '../../src/errors/index.ts'
import { SearchReaders, searchSites } from '../../src/search/index.ts'
import { sqliteEngine, type TestStore } from '../support/engines.ts'
import { sqlitePathOf } from './sqlite-path-of.ts'

/**
 * A database whose `sites` is a view that counts to thirty million before it answers: the
 * first statement of any search against it runs for seconds inside SQLite, where JavaScript
 * cannot interrupt it, as the costliest real query would.
 */
function heavyDatabase(path: string): void {
  const db = new DatabaseSync(path)
  db.exec(`create view sites as
    with recursive n(x) as (select 1 union all select x + 1 from n where x < 30000000)
    select max(x) as id, 'Asia/Shanghai' as time_zone, 'https://heavy.example.cn/' as base_url, 0 as shares_search from n`)
  db.close()
}

describe('site searches in reader threads', () => {
  let folder: string
  let opened: TestStore
  let siteId: number

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-readers-'))
    heavyDatabase(join(folder, 'heavy.db'))
    opened = await sqliteEngine.open()
    const site = await createContent(opened.store).sites.create(systemActor('cli:test'), {
      slug: 'light',
      name: '轻站',
      baseUrl: 'https://light.example.cn',
    })
    siteId = site.id
  })
  afterAll(async () => {
    await opened.dispose()
    await rm(folder, { recursive: true, force: true })
  })

  it('answers another visitor while a search runs for seconds, and stops that search at its deadline', async () => {
    const readers = new SearchReaders({ sqlitePath: join(folder, 'heavy.db'), workers: 1, deadlineMs: 1_500 })
    try {
      const order: string[] = []
      const heavy = searchSites(opened.store, { siteId: 1, q: '计量' }, readers).then(
        () => order.push('heavy answered'),
        (error: unknown) => {
          order.push('heavy stopped')
          return error
        },
      )
      // The server's own thread is free: another search on the store is answered meanwhile.
      const light = await searchSites(opened.store, { siteId, q: '计量' })
      order.push('light answered')
      expect(light.total).toBe(0)
      const error = await heavy
      expect(error).toBeInstanceOf(SearchTimeoutError)
      expect(error).toMatchObject({ code: 'SEARCH_TIMEOUT', status: 503 })
      expect(order).toEqual(['light answered', 'heavy stopped'])
    } finally {
      await readers.close()
    }
  }, 30_000)

  it('refuses a search with SERVER_BUSY when too many are waiting, and answers the rest', async () => {
    const readers = new SearchReaders({
      sqlitePath: join(folder, 'heavy.db'),
      workers: 1,
      deadlineMs: 1_000,
      maxWaiting: 1,
    })
    try {
      const first = searchSites(opened.store, { siteId: 1, q: '计量' }, readers).catch((error) => error)
      const second = searchSites(opened.store, { siteId: 1, q: '标准' }, readers).catch((error) => error)
      const refused = await second
      expect(refused).toBeInstanceOf(ServerBusyError)
      expect(refused).toMatchObject({ code: 'SERVER_BUSY', status: 503 })
      expect((refused as ServerBusyError).retryAfterSeconds).toBeGreaterThan(0)
      expect(await first).toBeInstanceOf(SearchTimeoutError)
    } finally {
      await readers.close()
    }
  }, 30_000)

  it('tells a visitor of a site that does not exist so, as the store does', async () => {
    const readers = new SearchReaders({ sqlitePath: await sqlitePathOf(opened.store) })
    try {
      await expect(searchSites(opened.store, { siteId: 9_999, q: '计量' }, readers)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
      })
      expect((await searchSites(opened.store, { siteId, q: '计量' }, readers)).total).toBe(0)
    } finally {
      await readers.close()
    }
  })
})
