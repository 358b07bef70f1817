import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Content, createContent, htmlToText } from '../../src/content/index.ts'
import { createDemoSite, demoArticles, seedArticle } from '../../src/demo/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import {
  articleTextIndex,
  type SearchRequest,
  type SearchResults,
  searchSites,
  syncSearchIndex,
} from '../../src/search/index.ts'
import { openSqliteWriter, type Store, searchFileOf } from '../../src/store/index.ts'
import { searchRunEnds } from '../../src/store/migrations/040-search-run-ends.ts'
import { prepareSearchFile } from '../../src/store/search-file.ts'
import { editor } from '../support/content-fixture.ts'
import { engines, type TestStore } from '../support/engines.ts'

for (const engine of engines()) {
  describe(`site search on the demo site (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let content: Content
    let publisher: Publisher
    let output: string
    let siteId: number
    const search = (q: string, extra: Partial<SearchRequest> = {}): Promise<SearchResults> =>
      searchSites(store, { siteId, q, ...extra })
    /** Every result of a query, across its pages. */
    const allTitles = async (q: string, extra: Partial<SearchRequest> = {}) => {
      const titles: string[] = []
      for (let page = 1; ; page++) {
        const results = await search(q, { ...extra, page })
        titles.push(...results.results.filter((hit) => hit.kind === 'article').map((hit) => hit.title))
        if (page >= results.pages) return titles
      }
    }

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      content = createContent(store)
      output = await mkdtemp(join(tmpdir(), 'fabu-search-'))
      const demo = await createDemoSite(content, editor)
      siteId = demo.site.id
      publisher = new Publisher(store, content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
      })
      const run = await publisher.publish({ site: siteId })
      expect(run.failed).toEqual([])
    }, 180_000)
    afterAll(async () => {
      await publisher.close()
      await opened.dispose()
      await rm(output, { recursive: true, force: true })
    })

    it('lists the seed article first for 文明, with the word marked in its title', async () => {
      const results = await search('文明')
      expect(results.total).toBeGreaterThanOrEqual(1)
      expect(results.results[0]?.title).toBe(seedArticle.title)
      expect(results.results[0]?.titleHtml).toContain('<mark>文明</mark>')
      expect(results.results[0]?.url).toMatch(/^https:\/\/www\.simt\.com\.cn\/jcdj\/jswm\/.+\.html$/)
      expect(results.results[0]?.snippetHtml).toContain('<mark>文明</mark>')
    })

    it('finds every demo article holding a two-character word, and no other', async () => {
      const expected = [seedArticle, ...demoArticles]
        .filter((article) => indexedText(article).includes('计量'))
        .map((a) => a.title)
      expect(expected.length).toBeGreaterThan(20)
      expect((await allTitles('计量')).sort()).toEqual([...expected].sort())
    })

    it('finds a quoted phrase as it stands, and words apart only together', async () => {
      const phrase = await allTitles('"全国文明单位"')
      expect(phrase).toContain(seedArticle.title)
      expect(phrase.sort()).toEqual(
        [seedArticle, ...demoArticles]
          .filter((a) => indexedText(a).includes('全国文明单位'))
          .map((a) => a.title)
          .sort(),
      )
      const both = await allTitles('文明 张江')
      expect(both).toEqual([seedArticle.title])
      const without = await allTitles('文明 -张江')
      expect(without).not.toContain(seedArticle.title)
      expect(without.length).toBe((await allTitles('文明')).length - 1)
    })

    it('narrows by date range and by column, and orders by time when asked', async () => {
      const all = await search('计量', { sort: 'time' })
      const times = all.results.map((hit) => hit.publishTime ?? '')
      expect(times).toEqual([...times].sort().reverse())
      const in2017 = await allTitles('文明', { from: '2017-12-14', to: '2017-12-14' })
      expect(in2017).toEqual([seedArticle.title])
      const column = await content.columns.byPath(siteId, 'jcdj')
      const underJcdj = await allTitles('计量', { column: column.id })
      expect(underJcdj).toContain(seedArticle.title)
      const expected = [seedArticle, ...demoArticles].filter(
        (a) =>
          [a.columnPath, ...(a.alsoIn ?? [])].some((path) => `${path}/`.startsWith('jcdj/')) &&
          indexedText(a).includes('计量'),
      )
      expect(underJcdj.sort()).toEqual(expected.map((a) => a.title).sort())
      expect(underJcdj.length).toBeLessThan((await allTitles('计量')).length)
    })

    it('finds one character, title words only when asked, and nothing for punctuation or a lone minus', async () => {
      expect((await search('昇')).total).toBe(0)
      expect((await search('计')).total).toBeGreaterThanOrEqual((await search('计量')).total)
      const inTitles = await allTitles('文明', { in: 'title' })
      expect(inTitles.every((title) => title.includes('文明'))).toBe(true)
      for (const q of ['，。！', '-', '- - -', '"', '   ']) expect((await search(q)).total).toBe(0)
    })

    it("finds articles in the admin's list by words of their body, and drafts by their title", async () => {
      const admin = createContent(store, { articleText: articleTextIndex(store) })
      const byBody = await admin.articles.list({ site: siteId, text: '漕河泾' })
      expect(byBody.items.map((article) => article.title)).toEqual([seedArticle.title])
      // The list without the index matches titles only.
      expect((await content.articles.list({ site: siteId, text: '漕河泾' })).total).toBe(0)
      const column = await content.columns.byPath(siteId, 'jcdj/jswm')
      await admin.articles.create(editor, {
        columnId: column.id,
        title: '漕河泾调研草稿',
        bodyHtml: '<p>草稿</p>',
      })
      const withDraft = await admin.articles.list({ site: siteId, text: '漕河泾' })
      expect(withDraft.items.map((article) => article.title).sort()).toEqual(
        ['漕河泾调研草稿', seedArticle.title].sort(),
      )
      expect(
        (await admin.articles.list({ site: siteId, text: '漕河泾 -张江' })).items.map((a) => a.title),
      ).toEqual(['漕河泾调研草稿'])
    })

    it('narrows to a 发文机关 and a 文号 exactly', async () => {
      const byNo = await allTitles('检定', { documentNo: '沪计测院〔2022〕31号' })
      const expected = [seedArticle, ...demoArticles].filter(
        (a) => a.disclosure?.documentNo === '沪计测院〔2022〕31号' && indexedText(a).includes('检定'),
      )
      expect(expected.length).toBe(1)
      expect(byNo).toEqual(expected.map((a) => a.title))
      const byAgency = await allTitles('检定', { issuingAgency: '上海市计量测试技术研究院' })
      expect(byAgency.length).toBeGreaterThanOrEqual(1)
      expect(await allTitles('检定', { issuingAgency: '别的机关' })).toEqual([])
    })

    it('never finds a draft, and follows an article that moves or is deleted within one publish', async () => {
      const jswm = await content.columns.byPath(siteId, 'jcdj/jswm')
      const tzgg = await content.columns.byPath(siteId, 'tzgg')
      const draft = await content.articles.create(editor, {
        columnId: jswm.id,
        title: '独一无二的草稿标题鸬鹚',
        bodyHtml: '<p>鸬鹚</p>',
      })
      await publisher.publish({ site: siteId })
      expect((await search('鸬鹚')).total).toBe(0)
      await content.articles.publish(editor, draft.id)
      await publisher.publish({ site: siteId })
      expect((await search('鸬鹚', { column: jswm.id })).total).toBe(1)
      const current = await content.articles.get(draft.id)
      await content.articles.update(editor, draft.id, { baseRevision: current.revision, columnId: tzgg.id })
      await publisher.publish({ site: siteId })
      expect((await search('鸬鹚', { column: jswm.id })).total).toBe(0)
      const moved = await search('鸬鹚', { column: tzgg.id })
      expect(moved.results.map((hit) => hit.url)).toEqual([expect.stringContaining('/tzgg/')])
      await content.articles.delete(editor, draft.id)
      await publisher.publish({ site: siteId })
      expect((await search('鸬鹚')).total).toBe(0)
    })

    it('drops the seed article from the results once it is withdrawn and published', async () => {
      const seed = (await content.articles.list({ site: siteId, text: seedArticle.title })).items[0]
      if (!seed) throw new Error('no seed article')
      await content.articles.withdraw(editor, seed.id, '测试撤稿')
      expect((await search('文明')).results[0]?.title).toBe(seedArticle.title)
      await publisher.publish({ site: siteId })
      expect(await allTitles('文明')).not.toContain(seedArticle.title)
      await content.articles.publish(editor, seed.id)
      await publisher.publish({ site: siteId })
      expect((await search('文明')).results[0]?.title).toBe(seedArticle.title)
    })

    it('finds the whole site again after an upgrade emptied its index, from the first publish after it', async () => {
      const before = await allTitles('计量')
      expect(before.length).toBeGreaterThan(1)
      expect(await publisher.hasPendingWork(siteId)).toBe(false)
      // Migration 040 (on SQLite, a new layout of the index's file) empties the index and asks
      // for the site's next publish itself, so the publish `fabu serve` runs when it starts
      // brings search back with no edit at all.
      if (engine.name === 'postgres') await searchRunEnds.up(store.db as never, engine.name)
      else await layIndexFileOutAnew(store)
      expect((await search('计量')).total).toBe(0)
      expect(await publisher.hasPendingWork(siteId)).toBe(true)
      // A rebuild cut short (the server stopped after its first batch) leaves the index neither
      // empty nor whole: the pending change still has the next publish build it all.
      const first = await store.db
        .selectFrom('articles')
        .select('id')
        .where('site_id', '=', siteId)
        .where('status', '=', 'published')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      await syncSearchIndex(store, siteId, { articleIds: [first.id] })
      const rebuilt = await publisher.publish({ site: siteId })
      expect(rebuilt.mode).toBe('incremental')
      expect(rebuilt.written).toEqual([])
      expect((await allTitles('计量')).sort()).toEqual([...before].sort())
      // Emptied without a pending change, it comes back with the next publish of one change.
      if (engine.name === 'sqlite') await withIndexFile(store, emptyIndex)
      else {
        await sql`delete from search_chunks`.execute(store.db)
        await emptyIndex(store)
      }
      expect((await search('计量')).total).toBe(0)
      const jswm = await content.columns.byPath(siteId, 'jcdj/jswm')
      const added = await content.articles.create(editor, {
        columnId: jswm.id,
        title: '升级后的第一篇稿件',
        bodyHtml: '<p>升级之后发布的稿件。</p>',
      })
      await content.articles.publish(editor, added.id)
      const run = await publisher.publish({ site: siteId })
      expect(run.mode).toBe('incremental')
      expect((await allTitles('计量')).sort()).toEqual([...before].sort())
      expect((await search('升级之后')).results.map((hit) => hit.title)).toEqual(['升级后的第一篇稿件'])
    })
  })
}

/** A connection of its own to a SQLite store's index file, which the store's attaches read-only. */
async function withIndexFile(store: Store, work: (index: Store) => Promise<void>): Promise<void> {
  const index = openSqliteWriter(searchFileOf(store.sqlitePath ?? ''))
  try {
    await work(index)
  } finally {
    await index.close()
  }
}

async function emptyIndex(store: Store): Promise<void> {
  if (store.engine === 'sqlite')
    await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(store.db)
  await store.db.deleteFrom('search_documents').execute()
}

/** What an upgrade to another layout of the index's file does when the store opens. */
async function layIndexFileOutAnew(store: Store): Promise<void> {
  await withIndexFile(store, async (index) => {
    await sql`pragma user_version = 0`.execute(index.db)
  })
  await prepareSearchFile(store.db, searchFileOf(store.sqlitePath ?? ''))
}

/** What the index holds of a demo article, as text: the oracle a search for a word is checked against. */
function indexedText(article: (typeof demoArticles)[number]): string {
  const disclosure = article.disclosure
  return [
    article.title,
    article.subtitle ?? '',
    article.source ?? '',
    article.author ?? '',
    article.summary ?? '',
    ...(article.keywords ?? []),
    htmlToText(article.bodyHtml),
    disclosure?.topicCategory ?? '',
    disclosure?.issuingAgency ?? '',
    disclosure?.documentNo ?? '',
    ...(disclosure?.subjectWords ?? []),
  ]
    .join('\n')
    .normalize('NFKC')
    .toLowerCase()
}
