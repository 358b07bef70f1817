import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveArticleUrls, insertArticleRows, publishedArticleRow } from '../../bench/generate-corpus.ts'
import { createContent, systemActor } from '../../src/content/index.ts'
import { type SearchRequest, searchSites, syncSearchIndex } from '../../src/search/index.ts'
import type { NewArticleRow, Store } from '../../src/store/index.ts'
import { engines, type TestStore } from '../support/engines.ts'

/** More than the 1,000 matches a search counts, so the tiers are paged by the index, not in memory. */
const ARTICLES = 1_150

interface Made {
  readonly title: string
  readonly columnId: number
  readonly publishAt: string
}

for (const engine of engines()) {
  describe(`pages of a common word's results by relevance (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let siteId: number
    let otherColumnId: number
    let newsId: number
    let noticesId: number
    const made: Made[] = []
    const search = (request: Omit<SearchRequest, 'siteId'>) => searchSites(store, { siteId, ...request })

    /** What a visitor should see: titles holding the word first, then the rest, each newest first. */
    const expectedOrder = (keep: (article: Made) => boolean) => {
      const kept = made.filter(keep).sort((a, b) => b.publishAt.localeCompare(a.publishAt))
      return [
        ...kept.filter((article) => article.title.includes('计量')),
        ...kept.filter((article) => !article.title.includes('计量')),
      ].map((article) => article.title)
    }
    const pagesOf = async (request: Omit<SearchRequest, 'siteId' | 'page'>) => {
      const first = await search(request)
      const titles: string[] = []
      for (let page = 1; page <= first.pages; page++) {
        titles.push(...(await search({ ...request, page })).results.map((hit) => hit.title))
      }
      return { total: first.total, titles }
    }

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      const content = createContent(store)
      const actor = systemActor('cli:test')
      siteId = (
        await content.sites.create(actor, {
          slug: 'tiers',
          name: '分层',
          baseUrl: 'https://tiers.example.cn',
        })
      ).id
      newsId = (await content.columns.create(actor, { siteId, name: '新闻', slug: 'xw' })).id
      noticesId = (await content.columns.create(actor, { siteId, name: '公告', slug: 'gg' })).id
      const other = await content.sites.create(actor, {
        slug: 'other',
        name: '另一站',
        baseUrl: 'https://other.example.cn',
      })
      otherColumnId = (await content.columns.create(actor, { siteId: other.id, name: '新闻', slug: 'xw' })).id
      const rows: NewArticleRow[] = []
      const now = new Date().toISOString()
      for (let i = 1; i <= ARTICLES; i++) {
        // Every article has the word in its body; every third in its title too, so the title
        // tier ends in the middle of a page (383 of 1,150) and of the counted matches.
        const title = i % 3 === 0 ? `计量动态第${i}篇` : `工作动态第${i}篇`
        const columnId = i % 4 === 0 ? noticesId : newsId
        const publishAt = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString()
        made.push({ title, columnId, publishAt })
        rows.push(
          publishedArticleRow({
            siteId,
            columnId,
            title,
            bodyHtml: `<p>本文介绍第${i}项计量工作。</p>`,
            publishAt,
            createdAt: now,
          }),
        )
      }
      await insertArticleRows(store, rows)
      await giveArticleUrls(store, siteId, 'a')
      expect(await syncSearchIndex(store, siteId, 'all')).toEqual({ indexed: ARTICLES, removed: 0 })
    }, 120_000)
    afterAll(async () => {
      await opened.dispose()
    })

    it('shows the first 1,000 in order across every page: title matches newest first, then the rest', async () => {
      const { total, titles } = await pagesOf({ q: '计量' })
      expect(total).toBe(1_000)
      expect(titles).toEqual(expectedOrder(() => true).slice(0, 1_000))
    })

    it('keeps that order within a column and a date range', async () => {
      // 2020-01-10 to 2020-02-20 in Asia/Shanghai: about 1,000 hours, some 750 in the column.
      const inRange = (article: Made) =>
        article.publishAt >= '2020-01-09T16:00:00.000Z' && article.publishAt < '2020-02-20T16:00:00.000Z'
      const request = { q: '计量', column: newsId, from: '2020-01-10', to: '2020-02-20' }
      const expected = expectedOrder((article) => article.columnId === newsId && inRange(article))
      const { total, titles } = await pagesOf(request)
      expect(total).toBe(expected.length)
      expect(titles).toEqual(expected)
    })

    it('finds nothing in a column of another site', async () => {
      const results = await search({ q: '计量', column: otherColumnId })
      expect(results.total).toBe(0)
      expect(results.results).toEqual([])
      expect((await search({ q: '计量', column: noticesId })).total).toBe(
        made.filter((article) => article.columnId === noticesId).length,
      )
    })
  })
}
