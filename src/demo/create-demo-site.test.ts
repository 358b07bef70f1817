import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { htmlToText } from '../content/index.ts'
import { createDemoSite } from './create-demo-site.ts'

const seedPage = readFileSync(
  new URL('../../../shared/seed/000_e7048ca01fb71a12.txt', import.meta.url),
  'utf8',
)

for (const engine of engines()) {
  describe(`${engine.name}: the demo site`, () => {
    const t = useContent(engine)

    it('reproduces the seed article as it stands on the seed page', async () => {
      const summary = await createDemoSite(t.content, editor)
      const jswm = await t.content.columns.byPath(summary.site.id, 'jcdj/jswm')
      expect(jswm.trail).toEqual(['基层党建', '精神文明'])
      const { items } = await t.content.articles.list({
        site: summary.site.id,
        columnId: jswm.id,
        text: '扛起文明大旗',
      })
      const seed = items[0]
      expect(seed).toMatchObject({
        title: '扛起文明大旗走在前 勇担社会责任谱新篇',
        subtitle: '市计测院蝉联全国文明单位荣誉称号',
        publishAt: '2017-12-14T08:44:00.000Z',
        status: 'published',
      })
      expect(seedPage).toContain(seed?.title)
      expect(seedPage).toContain(`——${seed?.subtitle}`)
      // Every paragraph of the stored body is a paragraph of the seed page, and all five sections are there.
      const paragraphs = htmlToText(seed?.bodyHtml ?? '').split('\n')
      for (const paragraph of paragraphs) expect(seedPage).toContain(paragraph)
      expect(paragraphs.filter((p) => /^[一二三四五]、/.test(p))).toHaveLength(5)
      expect(paragraphs.at(-1)).toMatch(/做出新贡献。$/)
    })

    it('builds a column tree three levels deep and enough articles to page a list', async () => {
      const summary = await createDemoSite(t.content, editor)
      const tree = await t.content.columns.tree(summary.site.id)
      expect(Math.max(...tree.all().map((c) => c.depth))).toBeGreaterThanOrEqual(2)
      for (const name of ['机构概况', '新闻中心', '通知公告', '信息公开', '基层党建', '服务指南']) {
        expect(tree.roots.map((c) => c.name)).toContain(name)
      }
      expect(summary.articles.total).toBeGreaterThanOrEqual(41)
      const ynyw = await t.content.columns.byPath(summary.site.id, 'xwzx/ynyw')
      const inYnyw = await t.content.articles.list({ site: summary.site.id, columnId: ynyw.id })
      expect(inYnyw.total).toBeGreaterThan(ynyw.pageSize * 2)
    })

    it('gives the disclosure articles their 索引号', async () => {
      const summary = await createDemoSite(t.content, editor)
      const gk = await t.content.columns.byPath(summary.site.id, 'xxgk/fdzdgknr/cwxx')
      const { items } = await t.content.articles.list({ site: summary.site.id, columnId: gk.id })
      expect(items.length).toBeGreaterThan(0)
      for (const article of items) expect(article.disclosure?.indexNo).toMatch(/^42500000X\/\d{4}-\d{5}$/)
    })

    it('leaves work for the reviewer: columns with one and two reviews, an article waiting in each', async () => {
      const summary = await createDemoSite(t.content, editor)
      for (const [path, levels] of [
        ['xwzx/hydt', 1],
        ['kjcx/kydt', 2],
      ] as const) {
        const column = await t.content.columns.byPath(summary.site.id, path)
        expect(column.reviewLevels).toBe(levels)
        const { items } = await t.content.articles.list({
          site: summary.site.id,
          columnId: column.id,
          status: 'submitted',
        })
        expect(items).toHaveLength(1)
      }
    })

    it('duplicates nothing when run twice', async () => {
      const first = await createDemoSite(t.content, editor)
      const second = await createDemoSite(t.content, editor)
      expect(second.columns).toEqual({ created: 0, total: first.columns.total })
      expect(first.articles.pendingCreated).toBe(2)
      expect(second.articles).toEqual({ created: 0, total: first.articles.total, pendingCreated: 0 })
      expect(await t.content.sites.list()).toHaveLength(1)
    })
  })
}
