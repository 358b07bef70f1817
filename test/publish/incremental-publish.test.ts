import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

for (const engine of engines()) {
  describe(`${engine.name}: incremental publishing`, () => {
    const t = usePublishedSite(engine)

    it('publishing one article rewrites its pages, its neighbour, its lists, feeds and the home page, and nothing else', async () => {
      const previousNewest = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.ynyw.id, limit: 1 })
      ).items[0]
      const article = await t.article(t.columns.ynyw, '院内要闻8', 8)
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(run.failed).toEqual([])
      expect([...run.written].sort()).toEqual(
        [
          `xwzx/ynyw/2024/01/08/${article.id}.html`,
          `xwzx/ynyw/2024/01/08/${article.id}_print.html`,
          // Its older neighbour now links to it as 下一篇.
          `xwzx/ynyw/2024/01/07/${previousNewest?.id}.html`,
          // 院内要闻 had 7 articles in pages of 3: page 3 held one and now holds two.
          'xwzx/ynyw/index.html',
          'xwzx/ynyw/index_3.html',
          'xwzx/ynyw/rss.xml',
          'xwzx/ynyw/atom.xml',
          // 新闻中心 lists its children's 9: a fourth archive page starts, page 3 links to it.
          'xwzx/index.html',
          'xwzx/index_3.html',
          'xwzx/index_4.html',
          'xwzx/rss.xml',
          'xwzx/atom.xml',
          'index.html',
          'rss.xml',
          'atom.xml',
          'sitemap-1.xml',
        ].sort(),
      )
      expect(run.removed).toEqual([])
      expect(await t.read(`xwzx/ynyw/2024/01/07/${previousNewest?.id}.html`)).toContain('院内要闻8')
    })

    it('links the archive page before a new last one to it, and the new last page of a shorter list to the newest', async () => {
      // 院内要闻 has 7 articles in pages of 3 (3, 3, 1); with 9 its page 3 is full, and the
      // tenth starts page 4: page 3's 上一页 then leads to page 4, no longer to the newest page.
      await t.article(t.columns.ynyw, '院内要闻8', 8)
      await t.article(t.columns.ynyw, '院内要闻9', 9)
      await t.publish()
      const tenth = await t.article(t.columns.ynyw, '院内要闻10', 10)
      const run = await t.publish()
      expect(run.written).toContain('xwzx/ynyw/index_3.html')
      expect(await t.read('xwzx/ynyw/index_3.html')).toContain('href="/xwzx/ynyw/index_4.html" rel="prev"')
      // Withdrawn, it takes page 4 away: page 3 is the last again.
      await t.content.articles.withdraw(editor, tenth.id, '重复')
      const shorter = await t.publish()
      expect(shorter.removed).toContain('xwzx/ynyw/index_4.html')
      expect(await t.read('xwzx/ynyw/index_3.html')).toContain('href="/xwzx/ynyw/index.html" rel="prev"')
      const full = await t.publish('full')
      expect(full.written).toEqual([])
    })

    it('publishing nothing new writes nothing', async () => {
      const run = await t.publish()
      expect(run.written).toEqual([])
      expect(run.removed).toEqual([])
    })

    it('withdrawing an article removes its page and refreshes every list that showed it', async () => {
      const [newest] = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.ynyw.id, limit: 1 })
      ).items
      if (!newest?.urlPath) throw new Error('fixture article was not published')
      expect(await t.read('xwzx/ynyw/index.html')).toContain('院内要闻7')
      await t.content.articles.withdraw(editor, newest.id, '信息有误')
      const run = await t.publish()
      expect([...run.removed].sort()).toEqual(
        [newest.urlPath, newest.urlPath.replace('.html', '_print.html'), 'xwzx/ynyw/index_3.html'].sort(),
      )
      expect(existsSync(join(t.output, 'site', newest.urlPath))).toBe(false)
      for (const list of [
        'xwzx/ynyw/index.html',
        'xwzx/index.html',
        'index.html',
        'rss.xml',
        'xwzx/ynyw/rss.xml',
      ]) {
        expect(await t.read(list)).not.toContain('院内要闻7')
      }
      // Its neighbour no longer links to it.
      expect(await t.read(`xwzx/ynyw/2024/01/06/${newest.id - 1}.html`)).not.toContain('院内要闻7')
    })

    it('editing a title refreshes the lists that show it, not the others', async () => {
      const [newest] = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.tzgg.id, limit: 1 })
      ).items
      if (!newest) throw new Error('no article')
      await t.content.articles.update(editor, newest.id, {
        baseRevision: newest.revision,
        title: '通知2（更正）',
      })
      const run = await t.publish()
      expect(run.written).toContain('tzgg/index.html')
      expect(run.written).toContain('index.html')
      expect(run.written.some((path) => path.startsWith('xwzx/'))).toBe(false)
      expect(await t.read('tzgg/index.html')).toContain('通知2（更正）')
    })

    it("renders an edited article's neighbours again, their print views not", async () => {
      // 院内要闻4 sits between 院内要闻3 and 院内要闻5, whose pages link to it by its title.
      const [middle, newer, older] = [3, 2, 4].map(
        async (offset) =>
          (await t.content.articles.list({ site: t.site.id, columnId: t.columns.ynyw.id, limit: 1, offset }))
            .items[0],
      )
      const [edited, next, previous] = await Promise.all([middle, newer, older])
      if (!edited || !next?.urlPath || !previous?.urlPath)
        throw new Error('fixture articles were not published')
      await t.content.articles.update(editor, edited.id, {
        baseRevision: edited.revision,
        title: '院内要闻4（更正）',
      })
      const run = await t.publish()
      for (const neighbour of [next.urlPath, previous.urlPath]) {
        expect(run.written).toContain(neighbour)
        expect(await t.read(neighbour)).toContain('院内要闻4（更正）')
        expect(run.planned).not.toContain(neighbour.replace('.html', '_print.html'))
      }
    })

    it('records a manifest of what each run added, changed and removed', async () => {
      const article = await t.article(t.columns.tzgg, '新通知', 25)
      const run = await t.publish()
      const { readFile } = await import('node:fs/promises')
      const manifest = JSON.parse(
        await readFile(join(t.output, 'manifests', `run-${String(run.runId).padStart(6, '0')}.json`), 'utf8'),
      )
      expect(manifest.added).toContain(`tzgg/2024/01/25/${article.id}.html`)
      expect(manifest.changed).toContain('tzgg/index.html')
      expect(manifest.removed).toEqual([])
    })

    it('leaves the site as a full publish would write it, after pins, quotes, edits and withdrawals', async () => {
      // Incremental runs answer list questions with queries, a full run from one in-memory
      // pass: a full run after them finding nothing to rewrite shows the two agree.
      const pinned = await t.article(t.columns.mtjj, '置顶的媒体聚焦', 3)
      await t.content.articles.update(editor, pinned.id, { baseRevision: pinned.revision, weight: 5 })
      const quoted = await t.article(t.columns.tzgg, '引用到院内要闻的通知', 26)
      await t.content.articles.update(editor, quoted.id, {
        baseRevision: quoted.revision,
        alsoInColumnIds: [t.columns.ynyw.id],
      })
      await t.publish()
      const [edited] = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.ynyw.id, limit: 1, offset: 3 })
      ).items
      if (!edited) throw new Error('no article')
      await t.content.articles.update(editor, edited.id, {
        baseRevision: edited.revision,
        title: '改过的标题',
      })
      const [withdrawn] = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.ynyw.id, limit: 1, offset: 1 })
      ).items
      if (!withdrawn) throw new Error('no article')
      await t.content.articles.withdraw(editor, withdrawn.id, '重复')
      await t.publish()
      expect(await t.read('xwzx/index.html')).toContain('置顶的媒体聚焦')
      expect(await t.read('xwzx/ynyw/index.html')).toContain('引用到院内要闻的通知')

      const full = await t.publish('full')
      expect(full.failed).toEqual([])
      expect(full.removed).toEqual([])
      expect(full.written).toEqual([])
    })

    it('gives an article moved to another column a redirect at its old address', async () => {
      const [newest] = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.tzgg.id, limit: 1 })
      ).items
      if (!newest?.urlPath) throw new Error('no article')
      await t.content.articles.update(editor, newest.id, {
        baseRevision: newest.revision,
        columnId: t.columns.mtjj.id,
      })
      const run = await t.publish()
      expect(run.written).toContain(newest.urlPath)
      const redirect = await t.read(newest.urlPath)
      expect(redirect).toContain(`/xwzx/mtjj/2024/01/22/${newest.id}.html`)
      expect(await t.read(`xwzx/mtjj/2024/01/22/${newest.id}.html`)).toContain(newest.title)
    })
  })
}
