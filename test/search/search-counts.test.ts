import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveArticleUrls, insertArticleRows, publishedArticleRow } from '../../bench/generate-corpus.ts'
import { createContent, systemActor } from '../../src/content/index.ts'
import { searchSites, syncSearchIndex, topSearches } from '../../src/search/index.ts'
import type { Store } from '../../src/store/index.ts'
import { engines, type TestStore } from '../support/engines.ts'

for (const engine of engines()) {
  describe(`热门搜索 counts (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let siteId: number
    const visitorSearch = (q: string) => searchSites(store, { siteId, q, isLogged: true })

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      const content = createContent(store)
      const actor = systemActor('cli:test')
      siteId = (
        await content.sites.create(actor, { slug: 'hot', name: '热搜', baseUrl: 'https://hot.example.cn' })
      ).id
      const columnId = (await content.columns.create(actor, { siteId, name: '新闻', slug: 'xw' })).id
      const now = new Date().toISOString()
      await insertArticleRows(store, [
        publishedArticleRow({
          siteId,
          columnId,
          title: '计量工作会议',
          bodyHtml: '<p>计量</p>',
          publishAt: now,
          createdAt: now,
        }),
      ])
      await giveArticleUrls(store, siteId, 'xw')
      await syncSearchIndex(store, siteId, 'all')
    })
    afterAll(async () => {
      await opened.dispose()
    })

    it('counts every visitor search once, popular ones and ones that found nothing apart', async () => {
      for (let i = 0; i < 3; i++) await visitorSearch('计量')
      await visitorSearch('无此内容')
      // An editor's search in the admin is not a visitor's.
      await searchSites(store, { siteId, q: '计量' })
      expect(await topSearches(store, siteId)).toEqual([{ query: '计量', searches: 3, hits: 1 }])
      expect(await topSearches(store, siteId, { foundNothing: true })).toEqual([
        { query: '无此内容', searches: 1, hits: 0 },
      ])
      await visitorSearch('计量')
      await visitorSearch('计量')
      expect(await topSearches(store, siteId)).toEqual([{ query: '计量', searches: 5, hits: 1 }])
    })

    it('writes the counts by itself within seconds, without anyone reading them', async () => {
      await visitorSearch('会议')
      const stored = async () => {
        const row = await store.db
          .selectFrom('search_query_days')
          .select('searches')
          .where('site_id', '=', siteId)
          .where('query', '=', '会议')
          .executeTakeFirst()
        return row ? Number(row.searches) : 0
      }
      expect(await stored()).toBe(0)
      await expect.poll(stored, { timeout: 10_000 }).toBe(1)
    })
  })
}
