import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createContent, systemActor } from '../../src/content/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { searchSites } from '../../src/search/index.ts'
import { engines, type TestStore } from '../support/engines.ts'

const operator = systemActor('cli:test')

for (const engine of engines()) {
  describe(`${engine.name}: searching the sites of a 站群`, () => {
    let opened: TestStore
    let output: string
    beforeEach(async () => {
      opened = await engine.open()
      output = await mkdtemp(join(tmpdir(), 'fabu-group-search-'))
    })
    afterEach(async () => {
      await opened.dispose()
      await rm(output, { recursive: true, force: true })
    })

    it('finds the pages of the sites that share their search, and only theirs, when asked for all sites', async () => {
      const content = createContent(opened.store)
      const publisher = new Publisher(opened.store, content, {
        outputRootFor: (slug) => join(output, slug),
        manifestDir: join(output, 'manifests'),
        workers: 1,
      })
      const ids: Record<string, number> = {}
      for (const [slug, sharesSearch] of [
        ['main', false],
        ['district', true],
        ['private', false],
      ] as const) {
        const site = await content.sites.create(operator, {
          slug,
          name: `${slug} 站`,
          baseUrl: `https://${slug}.example.gov.cn/`,
          sharesSearch,
        })
        ids[slug] = site.id
        const column = await content.columns.create(operator, {
          siteId: site.id,
          name: '通知公告',
          slug: 'tzgg',
        })
        const article = await content.articles.create(operator, {
          columnId: column.id,
          title: `${slug} 防汛工作通知`,
        })
        await content.articles.publish(operator, article.id)
        await publisher.publish({ site: site.id })
      }
      const main = ids.main ?? 0
      const own = await searchSites(opened.store, { siteId: main, q: '防汛' })
      expect(own.results.map((hit) => hit.title)).toEqual(['main 防汛工作通知'])
      const all = await searchSites(opened.store, { siteId: main, q: '防汛', allSites: true })
      expect(all.results.map((hit) => hit.title).sort()).toEqual([
        'district 防汛工作通知',
        'main 防汛工作通知',
      ])
      expect(all.results.find((hit) => hit.title.startsWith('district'))?.url).toMatch(
        /^https:\/\/district\.example\.gov\.cn\/tzgg\//,
      )
      await content.sites.update(operator, ids.district ?? 0, { sharesSearch: false })
      const after = await searchSites(opened.store, { siteId: main, q: '防汛', allSites: true })
      expect(after.results.map((hit) => hit.title)).toEqual(['main 防汛工作通知'])
      await publisher.close()
    })
  })
}
