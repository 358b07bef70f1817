import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatZonedMinute } from '../../src/content/index.ts'
import { folderSource, httpSource, importSite, type PageSource } from '../../src/importers/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { serveFixture } from './support/fixture-server.ts'
import { bareSite, metaOnlySite } from './support/generic-sites.ts'
import { TRS_ARTICLES, trsSite } from './support/trs-site.ts'

for (const engine of engines()) {
  describe(`${engine.name}: importing TRS, unknown and saved sites`, () => {
    const fixture = useContent(engine)
    let uploadsDir: string
    beforeEach(async () => {
      uploadsDir = await mkdtemp(join(tmpdir(), 'fabu-import-uploads-'))
    })
    afterEach(async () => {
      await rm(uploadsDir, { recursive: true, force: true })
    })

    const importFrom = (source: PageSource) =>
      importSite(fixture.content, fixture.store, editor, {
        siteId: fixture.site.id,
        source,
        sourceLabel: source.startUrls[0] ?? '',
        uploadsDir,
      })
    const articles = async () =>
      (await fixture.content.articles.list({ site: fixture.site.id, limit: 100 })).items

    it('follows a TRS list through its createPageHTML pages and reads bodies from .TRS_Editor', async () => {
      const server = await serveFixture(trsSite())
      try {
        const report = await importFrom(httpSource(`${server.origin}/`))
        expect(report.counts.imported).toBe(TRS_ARTICLES)
        expect(server.requests).toContain('GET /xwzx/index_2.html')
        const third = (await articles()).find((a) => a.title === '区政府召开第3次常务会议')
        expect(third).toMatchObject({ source: '区政府办公室', author: '李昇', subtitle: '' })
        expect(formatZonedMinute(third?.publishAt ?? '', fixture.site.timeZone)).toBe('2019-03-03 09:30')
        expect(third?.bodyHtml).toContain('会议研究了第3项工作')
        expect(third?.bodyHtml).not.toMatch(/打印本页|关闭窗口|分享到|<style|<font/)
        expect(third?.bodyHtml).toContain('href="/xwzx/201903/t20190301_1001.html"')
        const tree = await fixture.content.columns.tree(fixture.site.id)
        expect(tree.all().map((column) => column.name)).toEqual(['新闻中心'])
      } finally {
        await server.close()
      }
    })

    it('reads an unknown system from its meta tags alone, finding pages through its sitemap and feed', async () => {
      const server = await serveFixture(metaOnlySite())
      try {
        const report = await importFrom(httpSource(`${server.origin}/`))
        expect(report.counts.imported).toBe(4)
        expect(server.requests).toEqual(
          expect.arrayContaining([
            'GET /sitemap.xml',
            'GET /rss.xml',
            'GET /news/a3.htm',
            'GET /news/a4.htm',
          ]),
        )
        const second = (await articles()).find((a) => a.title === '关于开展第2批检查的通知')
        expect(second).toMatchObject({
          source: '办公室',
          author: '赵镕',
          keywords: ['检查', '通知'],
          summary: '第2批检查',
        })
        expect(formatZonedMinute(second?.publishAt ?? '', fixture.site.timeZone)).toBe('2021-06-02 10:15')
        expect(second?.bodyHtml).toContain('现开展第2批检查')
        expect(second?.bodyHtml).not.toContain('主办单位')
        const tree = await fixture.content.columns.tree(fixture.site.id)
        expect(tree.all().map((column) => column.name)).toEqual(['通知公告'])
      } finally {
        await server.close()
      }
    })

    it('leaves the pages robots.txt disallows unless told to ignore it', async () => {
      const server = await serveFixture((origin) => {
        const routes = metaOnlySite()(origin)
        routes.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /news/a2.htm\n' })
        return routes
      })
      try {
        const polite = await importFrom(httpSource(`${server.origin}/`))
        expect(polite.counts).toMatchObject({ imported: 3, skipped: 1 })
        expect(polite.rows.find((row) => row.outcome === 'skipped')?.url).toBe(`${server.origin}/news/a2.htm`)
        expect(server.requests).not.toContain('GET /news/a2.htm')
        const told = await importFrom(httpSource(`${server.origin}/`, { ignoresRobots: true }))
        expect(told.counts).toMatchObject({ imported: 1, unchanged: 3 })
      } finally {
        await server.close()
      }
    })

    it('finds the body of a page with no meta tags and no known system by reading it', async () => {
      const server = await serveFixture(bareSite())
      try {
        const report = await importFrom(httpSource(`${server.origin}/`))
        expect(report.counts.imported).toBe(1)
        const [only] = await articles()
        expect(only?.title).toBe('春耕生产有序推进')
        expect(formatZonedMinute(only?.publishAt ?? '', fixture.site.timeZone)).toBe('2022-04-08 08:05')
        expect(only?.bodyHtml).toContain('全镇已完成翻耕面积三千余亩')
        expect(only?.bodyHtml).not.toMatch(/点击数|版权所有|关于我们/)
      } finally {
        await server.close()
      }
    })

    it('reads a folder of saved pages through the same extraction as the live site', async () => {
      const folder = await mkdtemp(join(tmpdir(), 'fabu-import-mirror-'))
      try {
        for (const [path, route] of trsSite()('http://mirror')) {
          if (typeof route === 'function') continue
          const file = join(folder, path.endsWith('/') ? `${path}index.html` : path)
          await mkdir(dirname(file), { recursive: true })
          await writeFile(file, route.body)
        }
        const report = await importFrom(await folderSource(folder))
        expect(report.counts.imported).toBe(TRS_ARTICLES)
        const third = (await articles()).find((a) => a.title === '区政府召开第3次常务会议')
        expect(third).toMatchObject({ source: '区政府办公室', author: '李昇' })
        expect(third?.bodyHtml).toContain('href="/xwzx/201903/t20190301_1001.html"')
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    })
  })
}
