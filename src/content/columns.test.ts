import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'

for (const engine of engines()) {
  describe(`${engine.name}: the column tree`, () => {
    const t = useContent(engine)

    async function seedTree() {
      const { content, site } = t
      const jcdj = await content.columns.create(editor, { siteId: site.id, name: '基层党建', slug: 'jcdj' })
      const jswm = await content.columns.create(editor, {
        siteId: site.id,
        parentId: jcdj.id,
        name: '精神文明',
        slug: 'jswm',
      })
      const djdt = await content.columns.create(editor, {
        siteId: site.id,
        parentId: jcdj.id,
        name: '党建动态',
        slug: 'djdt',
      })
      const xwzx = await content.columns.create(editor, { siteId: site.id, name: '新闻中心', slug: 'xwzx' })
      return { jcdj, jswm, djdt, xwzx }
    }

    it('gives each column its URL path and breadcrumb trail from the tree', async () => {
      const { jswm } = await seedTree()
      expect(jswm.path).toBe('jcdj/jswm')
      expect(jswm.trail).toEqual(['基层党建', '精神文明'])
      const found = await t.content.columns.byPath('simt', 'jcdj/jswm')
      expect(found.id).toBe(jswm.id)
    })

    it('lists siblings in their order, new ones at the end', async () => {
      await seedTree()
      const tree = await t.content.columns.tree('simt')
      expect(tree.roots.map((c) => c.name)).toEqual(['基层党建', '新闻中心'])
      expect(tree.roots[0]?.children.map((c) => c.name)).toEqual(['精神文明', '党建动态'])
    })

    it('refuses a slug already used by a sibling, but allows it elsewhere in the tree', async () => {
      const { jcdj, xwzx } = await seedTree()
      await expect(
        t.content.columns.create(editor, {
          siteId: t.site.id,
          parentId: jcdj.id,
          name: '重复',
          slug: 'jswm',
        }),
      ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', field: 'slug' })
      const elsewhere = await t.content.columns.create(editor, {
        siteId: t.site.id,
        parentId: xwzx.id,
        name: '精神文明',
        slug: 'jswm',
      })
      expect(elsewhere.path).toBe('xwzx/jswm')
    })

    it('refuses to move a column under itself or its own descendant', async () => {
      const { jcdj, jswm } = await seedTree()
      await expect(t.content.columns.move(editor, jcdj.id, { parentId: jswm.id })).rejects.toMatchObject({
        code: 'COLUMN_CYCLE',
      })
      await expect(t.content.columns.move(editor, jcdj.id, { parentId: jcdj.id })).rejects.toMatchObject({
        code: 'COLUMN_CYCLE',
      })
      const unchanged = await t.content.columns.get(jcdj.id)
      expect(unchanged.parentId).toBeNull()
    })

    it('moves a column with its subtree and closes the gap it left', async () => {
      const { jcdj, jswm, djdt, xwzx } = await seedTree()
      const moved = await t.content.columns.move(editor, jswm.id, { parentId: xwzx.id })
      expect(moved.path).toBe('xwzx/jswm')
      const tree = await t.content.columns.tree(t.site.id)
      expect(tree.get(jcdj.id)?.children.map((c) => c.id)).toEqual([djdt.id])
      expect(tree.get(djdt.id)?.position).toBe(0)
    })

    it('reorders siblings and refuses an order that leaves one out', async () => {
      const { jcdj, jswm, djdt } = await seedTree()
      await t.content.columns.reorder(editor, t.site.id, jcdj.id, [djdt.id, jswm.id])
      const tree = await t.content.columns.tree(t.site.id)
      expect(tree.get(jcdj.id)?.children.map((c) => c.slug)).toEqual(['djdt', 'jswm'])
      await expect(t.content.columns.reorder(editor, t.site.id, jcdj.id, [djdt.id])).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'orderedIds',
      })
    })

    it('refuses to delete a column that still has articles or children', async () => {
      const { jcdj, jswm } = await seedTree()
      await t.content.articles.create(editor, { columnId: jswm.id, title: '一篇文章' })
      await expect(t.content.columns.delete(editor, jswm.id)).rejects.toMatchObject({
        code: 'COLUMN_NOT_EMPTY',
      })
      await expect(t.content.columns.delete(editor, jcdj.id)).rejects.toMatchObject({
        code: 'COLUMN_NOT_EMPTY',
      })
      expect((await t.content.columns.get(jswm.id)).deletedAt).toBeNull()
    })

    it('counts an article quoted into the column (引用) as content too', async () => {
      const { jswm, djdt } = await seedTree()
      await t.content.articles.create(editor, {
        columnId: djdt.id,
        alsoInColumnIds: [jswm.id],
        title: '引用的文章',
      })
      await expect(t.content.columns.delete(editor, jswm.id)).rejects.toMatchObject({
        code: 'COLUMN_NOT_EMPTY',
      })
    })

    it('puts an empty column in the recycle bin and restores it', async () => {
      const { djdt } = await seedTree()
      await t.content.columns.delete(editor, djdt.id)
      await expect(t.content.columns.get(djdt.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const restored = await t.content.columns.restore(editor, djdt.id)
      expect(restored.path).toBe('jcdj/djdt')
    })

    it('requires a URL for an external link column', async () => {
      await expect(
        t.content.columns.create(editor, { siteId: t.site.id, name: '外链', slug: 'wl', kind: 'link' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'linkUrl' })
    })

    it('rejects a slug that is not a URL path segment, naming the field', async () => {
      const error = await t.content.columns
        .create(editor, { siteId: t.site.id, name: '坏', slug: '../etc' })
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'slug' })
      expect((error as { messages: { zh: string; en: string } }).messages.zh).toContain('小写字母')
    })

    it('cleans the body of a single-page column on save', async () => {
      const page = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '本院简介',
        slug: 'byjj',
        kind: 'page',
        pageBodyHtml: '<p onclick="steal()">简介</p><script>alert(1)</script>',
      })
      expect(page.pageBodyHtml).toBe('<p>简介</p>')
    })
  })
}
