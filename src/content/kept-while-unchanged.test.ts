import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import type { ArticleQuery } from './article-query.ts'

for (const engine of engines()) {
  describe(`${engine.name}: the admin list's 共 N 篇 and pages, kept while nothing changes`, () => {
    const t = useContent(engine)

    async function columns() {
      const section = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '通知公告',
        slug: 'tzgg',
      })
      const child = await t.content.columns.create(editor, {
        siteId: t.site.id,
        parentId: section.id,
        name: '计量通知',
        slug: 'jl',
      })
      const other = await t.content.columns.create(editor, { siteId: t.site.id, name: '党建', slug: 'dj' })
      return { section: section.id, child: child.id, other: other.id }
    }

    /** The totals an editor sees: the whole site, a section with its child, a title search, the recycle bin. */
    async function totals(ids: { section: number; other: number }) {
      const total = async (query: Omit<ArticleQuery, 'site'>) =>
        (await t.content.articles.list({ site: t.site.id, limit: 1, ...query })).total
      return {
        site: await total({}),
        section: await total({ columnId: ids.section, includesDescendants: true }),
        other: await total({ columnId: ids.other }),
        search: await total({ text: '计量' }),
        bin: await total({ isDeleted: true }),
      }
    }

    it('is right after every save, delete, move, quote, restore and import', async () => {
      const ids = await columns()
      const first = await t.content.articles.create(editor, { columnId: ids.child, title: '计量检定通知' })
      await t.content.articles.create(editor, { columnId: ids.other, title: '党建工作' })
      expect(await totals(ids)).toEqual({ site: 2, section: 1, other: 1, search: 1, bin: 0 })
      // Asked twice with nothing changed: the kept total.
      expect(await totals(ids)).toEqual({ site: 2, section: 1, other: 1, search: 1, bin: 0 })

      const renamed = await t.content.articles.update(editor, first.id, {
        baseRevision: 1,
        title: '校准通知',
      })
      expect(await totals(ids)).toEqual({ site: 2, section: 1, other: 1, search: 0, bin: 0 })

      const moved = await t.content.articles.update(editor, first.id, {
        baseRevision: renamed.revision,
        columnId: ids.other,
      })
      expect(await totals(ids)).toEqual({ site: 2, section: 0, other: 2, search: 0, bin: 0 })

      await t.content.articles.update(editor, first.id, {
        baseRevision: moved.revision,
        alsoInColumnIds: [ids.section],
      })
      expect(await totals(ids)).toEqual({ site: 2, section: 1, other: 2, search: 0, bin: 0 })

      await t.content.articles.delete(editor, first.id)
      expect(await totals(ids)).toEqual({ site: 1, section: 0, other: 1, search: 0, bin: 1 })

      await t.content.articles.restore(editor, first.id)
      expect(await totals(ids)).toEqual({ site: 2, section: 1, other: 2, search: 0, bin: 0 })

      await t.content.articles.create(
        editor,
        { columnId: ids.section, title: '计量工作旧闻', publishAt: '2015-03-02 09:00' },
        { importedFrom: 'https://old.example.gov.cn/jl/1.html' },
      )
      expect(await totals(ids)).toEqual({ site: 3, section: 2, other: 2, search: 1, bin: 0 })
    })

    it('shows the page an editor pages to as it now is after a pin, a save or a delete', async () => {
      const ids = await columns()
      const created: number[] = []
      for (let i = 0; i < 6; i++)
        created.push(
          (
            await t.content.articles.create(editor, {
              columnId: ids.child,
              title: `通知${i}`,
              publishAt: `2026-0${i + 1}-01 09:00`,
            })
          ).id,
        )
      const page = async (offset: number) =>
        (await t.content.articles.list({ site: t.site.id, limit: 2, offset })).items.map((item) => item.title)
      // Newest first; asked twice, the second from where the first left off.
      expect(await page(2)).toEqual(['通知3', '通知2'])
      expect(await page(2)).toEqual(['通知3', '通知2'])
      expect(await page(4)).toEqual(['通知1', '通知0'])
      await t.content.articles.orderPinned(editor, ids.child, [created[0] ?? 0])
      expect(await page(2)).toEqual(['通知4', '通知3'])
      expect(await page(4)).toEqual(['通知2', '通知1'])
      await t.content.articles.delete(editor, created[4] ?? 0)
      expect(await page(2)).toEqual(['通知3', '通知2'])
      const other = await t.openAnotherStore()
      try {
        await other.db
          .updateTable('articles')
          .set({ publish_at: null })
          .where('id', '=', created[5] ?? 0)
          .execute()
        expect(await page(2)).toEqual(['通知2', '通知1'])
        expect(await page(4)).toEqual(['通知5'])
      } finally {
        await other.close()
      }
    })

    it('is right after another server or an operator changes the database', async () => {
      const ids = await columns()
      await t.content.articles.create(editor, { columnId: ids.child, title: '计量检定通知' })
      expect(await totals(ids)).toEqual({ site: 1, section: 1, other: 0, search: 1, bin: 0 })
      const other = await t.openAnotherStore()
      try {
        // As `fabu worker` or SQL typed by an operator would: behind the services' back.
        await other.db.updateTable('articles').set({ column_id: ids.other, title: '党建工作' }).execute()
        expect(await totals(ids)).toEqual({ site: 1, section: 0, other: 1, search: 0, bin: 0 })
        await other.transaction(async (tx) => {
          await tx.deleteFrom('article_revisions').execute()
          await tx.deleteFrom('articles').execute()
        })
        expect(await totals(ids)).toEqual({ site: 0, section: 0, other: 0, search: 0, bin: 0 })
      } finally {
        await other.close()
      }
    })
  })
}
