import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

/** Every HTML page of the output whose text holds `text`. */
async function pagesShowing(folder: string, text: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue
    const path = join(entry.parentPath, entry.name)
    if ((await readFile(path, 'utf8')).includes(text)) found.push(path.slice(folder.length + 1))
  }
  return found
}

for (const engine of engines()) {
  describe(`${engine.name}: renaming a column`, () => {
    const t = usePublishedSite(engine)
    // A name no article title shares (the fixture's titles begin with their column's name).
    const OLD = '甲乙丙丁栏目'
    beforeEach(async () => {
      await t.content.columns.update(editor, t.columns.mtjj.id, { name: OLD })
      await t.publish('full')
    })

    it('rebuilds the pages that show the name, leaves the others, and a full publish after it finds nothing to change', async () => {
      const site = join(t.output, 'site')
      const stale = await pagesShowing(site, OLD)
      expect(stale.length).toBeGreaterThan(5)
      await t.content.columns.update(editor, t.columns.mtjj.id, { name: '媒体看计测' })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(run.failed).toEqual([])
      // No page still shows the old name, and every page that did was rewritten.
      expect(await pagesShowing(site, OLD)).toEqual([])
      for (const path of stale) expect(run.written).toContain(path)
      // 通知公告 is another branch of the tree: its article pages are not touched.
      expect(run.written.filter((path) => /^tzgg\/\d{4}\//.test(path))).toEqual([])
      const everything = await t.publish('full')
      expect(everything.written).toEqual([])
    })

    it('sends the admin form’s unchanged fields along with the name and still rebuilds only what shows it', async () => {
      const column = await t.content.columns.get(t.columns.mtjj.id)
      await t.content.columns.update(editor, column.id, {
        name: '媒体关注',
        slug: column.slug,
        kind: column.kind,
        pageSize: column.pageSize,
        includesDescendants: column.includesDescendants,
        isDisclosure: column.isDisclosure,
        reviewLevels: column.reviewLevels,
        pageBodyHtml: column.pageBodyHtml,
      })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(await pagesShowing(join(t.output, 'site'), OLD)).toEqual([])
      expect((await t.publish('full')).written).toEqual([])
    })

    it('publishes in full when the renamed column is in the main navigation of every page', async () => {
      await t.content.columns.update(editor, t.columns.tzgg.id, { name: '公告公示' })
      const run = await t.publish()
      expect(run.mode).toBe('full')
      expect(await pagesShowing(join(t.output, 'site'), '通知公告')).toEqual([])
    })

    it('publishes in full when more than the name changed', async () => {
      await t.content.columns.update(editor, t.columns.mtjj.id, { name: '媒体看计测', pageSize: 5 })
      expect((await t.publish()).mode).toBe('full')
    })
  })

  describe(`${engine.name}: renaming a column, published by a server's publisher`, () => {
    // Its render processes keep their parsed templates from run to run, and with them the
    // remembered output of the header, footer and breadcrumb partials: of the run before.
    const t = usePublishedSite(engine, { keepsWorkers: true })

    it('shows the new name in the breadcrumbs and side navigation the run before remembered', async () => {
      await t.content.columns.update(editor, t.columns.mtjj.id, { name: '媒体看计测' })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      const site = join(t.output, 'site')
      expect(await pagesShowing(site, '媒体聚焦</a>')).toEqual([])
      expect((await pagesShowing(site, '媒体看计测</a>')).length).toBeGreaterThan(3)
    })

    it('shows the new name in the main navigation of every page', async () => {
      await t.content.columns.update(editor, t.columns.tzgg.id, { name: '公告公示' })
      expect((await t.publish()).mode).toBe('full')
      const site = join(t.output, 'site')
      expect(await pagesShowing(site, '通知公告')).toEqual([])
      expect((await pagesShowing(site, '公告公示</a>')).length).toBeGreaterThan(10)
    })
  })
}
