import { cpSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { giveArticleUrls, insertArticleRows, publishedArticleRow } from '../../bench/generate-corpus.ts'
import { createContent, systemActor } from '../../src/content/index.ts'
import { isSearchIndexEmpty, searchSites, syncSearchIndex } from '../../src/search/index.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { sqliteEngine, type TestStore } from '../support/engines.ts'

const actor = systemActor('cli:test')

/** A site of `count` published articles with URLs, each saying 计量 and its number. */
async function siteWithArticles(store: Store, slug: string, count: number) {
  const content = createContent(store)
  const siteId = (
    await content.sites.create(actor, { slug, name: '站', baseUrl: `https://${slug}.example.cn` })
  ).id
  const columnId = (await content.columns.create(actor, { siteId, name: '新闻', slug: 'xw' })).id
  const now = new Date().toISOString()
  await insertArticleRows(
    store,
    Array.from({ length: count }, (_, i) =>
      publishedArticleRow({
        siteId,
        columnId,
        title: `${slug}计量文章${i + 1}`,
        bodyHtml: `<p>第${i + 1}篇，介绍${slug}的计量工作。</p>`,
        publishAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        createdAt: now,
      }),
    ),
  )
  await giveArticleUrls(store, siteId, 'xw')
  const ids = (
    await store.db.selectFrom('articles').select('id').where('site_id', '=', siteId).orderBy('id').execute()
  ).map((row) => row.id)
  return { content, siteId, columnId, ids }
}

/** FTS5's segments in the index file (a data row's id holds its segment's number above bit 37). */
async function segmentsOf(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(distinct (id >> 37) & 65535) as n
    from search.search_fts_data where id >> 37 > 0`.execute(store.db)
  return Number(rows[0]?.n)
}

/** A test store opened again at `path` after its first connection was closed: disposed with its folder. */
function reopenedAt(path: string, store: Store): TestStore {
  return {
    store,
    openAnother: () => openStore({ sqlitePath: path }),
    dispose: async () => {
      await store.close()
      rmSync(dirname(path), { recursive: true, force: true })
    },
  }
}

describe('the search index in a file of its own (SQLite)', () => {
  let opened: TestStore | undefined
  afterEach(async () => {
    await opened?.dispose()
    opened = undefined
  })

  it("lets an editor save and publish while the index's file is locked, as its writer locks it merging", async () => {
    opened = await sqliteEngine.open()
    const { store } = opened
    const { content, columnId } = await siteWithArticles(store, 'busy', 3)
    const lock = new DatabaseSync(`${store.sqlitePath}-search`)
    lock.exec('begin immediate')
    let isReleased = false
    // Held far longer than a save takes: a save that needed this lock would end after it.
    const release = setTimeout(() => {
      isReleased = true
      lock.exec('rollback')
    }, 4_000)
    try {
      const article = await content.articles.create(actor, {
        columnId,
        title: '锁着索引时保存',
        bodyHtml: '<p>正文</p>',
      })
      await content.articles.publish(actor, article.id)
      expect(isReleased).toBe(false)
    } finally {
      clearTimeout(release)
      if (!isReleased) lock.exec('rollback')
      lock.close()
    }
  })

  it('keeps the event loop turning while the index waits for its lock', async () => {
    opened = await sqliteEngine.open()
    const { store } = opened
    const { siteId } = await siteWithArticles(store, 'wait', 5)
    const lock = new DatabaseSync(`${store.sqlitePath}-search`)
    lock.exec('begin immediate')
    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    const release = setTimeout(() => lock.exec('rollback'), 500)
    try {
      expect(await syncSearchIndex(store, siteId, 'all')).toEqual({ indexed: 5, removed: 0 })
    } finally {
      clearInterval(ticker)
      clearTimeout(release)
      lock.close()
    }
    expect(ticks).toBeGreaterThan(10)
    expect((await searchSites(store, { siteId, q: '计量' })).total).toBe(5)
  })

  it('lays out anew an index file lost or of another database, and the next sync builds it whole', async () => {
    opened = await sqliteEngine.open()
    const path = opened.store.sqlitePath as string
    const { siteId } = await siteWithArticles(opened.store, 'lost', 4)
    await syncSearchIndex(opened.store, siteId, 'all')
    expect((await searchSites(opened.store, { siteId, q: '计量' })).total).toBe(4)
    await opened.store.close()

    // Lost: a database restored from a backup (which leaves the index out), or copied alone.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}-search${suffix}`, { force: true })
    let store = await openStore({ sqlitePath: path })
    expect(await isSearchIndexEmpty(store, siteId)).toBe(true)
    const pending = await store.db
      .selectFrom('changes')
      .select(['entity', 'action'])
      .where('site_id', '=', siteId)
      .where('entity', '=', 'search')
      .execute()
    expect(pending).toContainEqual({ entity: 'search', action: 'reindex' })
    expect(await syncSearchIndex(store, siteId, 'all')).toMatchObject({ indexed: 4 })
    expect((await searchSites(store, { siteId, q: '计量' })).total).toBe(4)
    await store.close()

    // Another database's index file put in its place: it is not this database's, and is emptied.
    const other = await sqliteEngine.open()
    try {
      const { siteId: otherSite } = await siteWithArticles(other.store, 'other', 2)
      await syncSearchIndex(other.store, otherSite, 'all')
      const otherPath = other.store.sqlitePath as string
      await other.store.close()
      cpSync(`${otherPath}-search`, `${path}-search`)
    } finally {
      await other.dispose().catch(() => {})
    }
    store = await openStore({ sqlitePath: path })
    expect(await isSearchIndexEmpty(store, siteId)).toBe(true)
    expect(await store.db.selectFrom('search_documents').select('sort_key').execute()).toEqual([])
    opened = reopenedAt(path, store)
  })

  it('makes a damaged index file anew instead of refusing to open the store', async () => {
    opened = await sqliteEngine.open()
    const path = opened.store.sqlitePath as string
    const { siteId } = await siteWithArticles(opened.store, 'junk', 3)
    await syncSearchIndex(opened.store, siteId, 'all')
    await opened.store.close()
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}-search${suffix}`, { force: true })
    writeFileSync(`${path}-search`, Buffer.alloc(64 * 1024, 0x5a))
    const store = await openStore({ sqlitePath: path })
    opened = reopenedAt(path, store)
    expect(await isSearchIndexEmpty(store, siteId)).toBe(true)
    expect(await syncSearchIndex(store, siteId, 'all')).toMatchObject({ indexed: 3 })
    expect((await searchSites(store, { siteId, q: '计量' })).total).toBe(3)
  })

  it('merges the segments that one-article publishes leave, once the writer is idle', async () => {
    opened = await sqliteEngine.open()
    const { store } = opened
    const { siteId, ids } = await siteWithArticles(store, 'merge', 12)
    // One article a sync, as one-article publishes index them: a segment each.
    for (const id of ids) await syncSearchIndex(store, siteId, { articleIds: [id] })
    const written = await segmentsOf(store)
    expect(written).toBeGreaterThanOrEqual(12)
    let segments = written
    for (let waited = 0; waited < 20_000 && segments > 3; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      segments = await segmentsOf(store)
    }
    expect(segments).toBeLessThanOrEqual(3)
    expect((await searchSites(store, { siteId, q: '计量' })).total).toBe(12)
  })
})
