import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveArticleUrls, insertArticleRows, publishedArticleRow } from '../../bench/generate-corpus.ts'
import { createContent, systemActor } from '../../src/content/index.ts'
import { type SearchResults, searchSites, syncSearchIndex } from '../../src/search/index.ts'
import type { NewArticleRow, Store } from '../../src/store/index.ts'
import { engines, type TestStore } from '../support/engines.ts'

/** More than a sync makes in one go on its own thread: these are made in worker threads. */
const ARTICLES = 2_100

/** Article i's body: every 7th names 量值溯源, every 5th a 培训. */
function bodyOf(i: number): string {
  const parts = [`<p>这是第${i}篇测试文章，介绍计量工作。</p>`]
  if (i % 7 === 0) parts.push('<p>与会代表围绕标准物质研制、量值溯源等议题进行了交流。</p>')
  if (i % 5 === 0) parts.push('<p>本次培训采用理论授课与实际操作相结合的方式。</p>')
  return parts.join('')
}

for (const engine of engines()) {
  describe(`a rebuild of a big site's search index (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let siteId: number
    const search = (q: string): Promise<SearchResults> => searchSites(store, { siteId, q })

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      const content = createContent(store)
      const actor = systemActor('cli:test')
      siteId = (
        await content.sites.create(actor, { slug: 'big', name: '大站', baseUrl: 'https://big.example.cn' })
      ).id
      const columnId = (await content.columns.create(actor, { siteId, name: '新闻', slug: 'xw' })).id
      const rows: NewArticleRow[] = []
      const now = new Date().toISOString()
      for (let i = 1; i <= ARTICLES; i++) {
        rows.push({
          ...publishedArticleRow({
            siteId,
            columnId,
            title: `测试文章第${i}篇`,
            bodyHtml: bodyOf(i),
            publishAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
            createdAt: now,
          }),
        })
      }
      await insertArticleRows(store, rows)
      await giveArticleUrls(store, siteId, 'xw')
      expect(await syncSearchIndex(store, siteId, 'all')).toEqual({ indexed: ARTICLES, removed: 0 })
    }, 120_000)
    afterAll(async () => {
      await opened.dispose()
    })

    it('finds every article by its words, phrases and exclusions', async () => {
      const every = (test: (i: number) => boolean) =>
        Array.from({ length: ARTICLES }, (_, i) => i + 1).filter(test).length
      expect((await search('量值溯源')).total).toBe(every((i) => i % 7 === 0))
      expect((await search('"量值溯源" -培训')).total).toBe(every((i) => i % 7 === 0 && i % 5 !== 0))
      expect((await search('培训 -量值溯源')).total).toBe(every((i) => i % 5 === 0 && i % 7 !== 0))
      const one = await search('第1234篇')
      expect(one.results.map((hit) => hit.title)).toEqual(['测试文章第1234篇'])
      expect(one.results[0]?.snippetHtml).toContain('<mark>第1234篇</mark>')
    })

    it('then keeps one edited article in step on its own', async () => {
      const article = await store.db
        .selectFrom('articles')
        .select('id')
        .where('title', '=', '测试文章第700篇')
        .executeTakeFirstOrThrow()
      await store.db
        .updateTable('articles')
        .set((eb) => ({ body_html: '<p>改为介绍营商环境。</p>', revision: eb('revision', '+', 1) }))
        .where('id', '=', article.id)
        .execute()
      expect(await syncSearchIndex(store, siteId, { articleIds: [article.id] })).toEqual({
        indexed: 1,
        removed: 0,
      })
      expect((await search('营商环境')).results.map((hit) => hit.title)).toEqual(['测试文章第700篇'])
      expect((await search('量值溯源')).total).toBe(Math.floor(ARTICLES / 7) - 1)
    })
  })
}
