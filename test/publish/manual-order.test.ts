import { describe, expect, it } from 'vitest'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

for (const engine of engines()) {
  describe(`${engine.name}: a column's manual order (排序) on its published lists`, () => {
    const t = usePublishedSite(engine)

    /** The titles in the order a page shows them. */
    function placesOf(html: string, titles: readonly string[]): number[] {
      return titles.map((title) => html.indexOf(`>${title}<`))
    }

    async function idsOf(titles: readonly string[]): Promise<number[]> {
      const { items } = await t.content.articles.list({
        site: t.site.id,
        columnId: t.columns.ynyw.id,
        limit: 50,
      })
      return titles.map((title) => {
        const found = items.find((article) => article.title === title)
        if (!found) throw new Error(`no article ${title}`)
        return found.id
      })
    }

    it('shows the ordered articles after the pinned ones on the newest page, keeps the archive pages, and a full publish agrees', async () => {
      const before = await t.read('xwzx/ynyw/index.html')
      expect(before).not.toContain('>院内要闻2<')
      const archive = await t.read('xwzx/ynyw/index_1.html')
      const pinned = await t.article(t.columns.ynyw, '置顶的院内要闻', 4)
      await t.content.articles.update(editor, pinned.id, { baseRevision: pinned.revision, weight: 1 })
      await t.publish()

      const order = ['院内要闻2', '院内要闻6']
      expect(
        await t.content.articles.orderManually(editor, t.columns.ynyw.id, await idsOf(order)),
      ).toHaveLength(2)
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(run.failed).toEqual([])
      expect(run.written).toContain('xwzx/ynyw/index.html')
      const html = await t.read('xwzx/ynyw/index.html')
      // Page size 3: the pin, then the order, and the newest (院内要闻7) pushed to the archive.
      const shown = ['置顶的院内要闻', ...order]
      const places = placesOf(html, shown)
      expect(
        places.every((place) => place > -1),
        html,
      ).toBe(true)
      expect([...places].sort((a, b) => a - b)).toEqual(places)
      expect(html).not.toContain('>院内要闻7<')
      // Archive pages stay numbered from the oldest: the first is as it was.
      expect(await t.read('xwzx/ynyw/index_1.html')).toBe(archive)

      const full = await t.publish('full')
      expect(full.failed).toEqual([])
      expect(full.removed).toEqual([])
      expect(full.written).toEqual([])
    })

    it('clearing the order puts the newest page back in date order', async () => {
      const newestFirst = ['院内要闻7', '院内要闻6', '院内要闻5']
      await t.content.articles.orderManually(editor, t.columns.ynyw.id, await idsOf(['院内要闻1']))
      await t.publish()
      expect(await t.read('xwzx/ynyw/index.html')).toContain('>院内要闻1<')
      await t.content.articles.orderManually(editor, t.columns.ynyw.id, [])
      await t.publish()
      const html = await t.read('xwzx/ynyw/index.html')
      expect(html).not.toContain('>院内要闻1<')
      const places = placesOf(html, newestFirst)
      expect(
        places.every((place) => place > -1),
        html,
      ).toBe(true)
      expect([...places].sort((a, b) => a - b)).toEqual(places)
      expect((await t.publish('full')).written).toEqual([])
    })
  })
}
