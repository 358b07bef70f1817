import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  MAX_SLOW_PAGES_PER_TEMPLATE,
  MAX_STOPS_PER_TEMPLATE,
  recordTemplateChange,
} from '../../src/publish/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

const defaultTheme = new URL('../../themes/default', import.meta.url).pathname

for (const engine of engines()) {
  describe(`${engine.name}: templates`, () => {
    let themes: string
    beforeAll(async () => {
      themes = await mkdtemp(join(tmpdir(), 'fabu-themes-'))
      await cp(defaultTheme, join(themes, 'default'), { recursive: true })
    })
    afterAll(async () => {
      await rm(themes, { recursive: true, force: true })
    })
    // A page slower than 150 ms counts as slow here (1 s by default): the slow template below takes longer.
    const t = usePublishedSite(engine, { pageDeadlineMs: 3000, slowPageMs: 150, themesRoot: () => themes })

    async function editTemplate(name: string, edit: (source: string) => string) {
      const path = join(themes, 'default', name)
      await writeFile(path, edit(await readFile(path, 'utf8')))
      await recordTemplateChange(t.store, t.site.id, name)
    }

    it('rebuilds exactly the pages rendered with a changed template', async () => {
      await editTemplate('print.liquid', (source) =>
        source.replace(
          '<main id="main" class="print-view">',
          '<main id="main" class="print-view" data-edited="1">',
        ),
      )
      const run = await t.publish()
      const printPages = (await t.content.articles.list({ site: t.site.id, status: 'published' })).items.map(
        (a) => (a.urlPath ?? '').replace('.html', '_print.html'),
      )
      expect(printPages).toHaveLength(11)
      expect([...run.written].sort()).toEqual(printPages.sort())
      expect(await t.read(printPages[0] ?? '')).toContain('data-edited="1"')
      await editTemplate('print.liquid', (source) => source.replace(' data-edited="1"', ''))
    })

    it('fails a page whose template loops forever, names the template, keeps the old page and publishes the rest', async () => {
      const before = await t.read('404.html')
      await editTemplate('404.liquid', (source) =>
        source.replace('<h1>', '{% for i in (1..100000000000) %}{% endfor %}<h1>'),
      )
      await editTemplate('search.liquid', (source) =>
        source.replace('<h1>', '{% for i in (1..10000000) %}很长的字符串{% endfor %}<h1>'),
      )
      const article = await t.article(t.columns.tzgg, '同时发布的通知', 26)
      await recordTemplateChange(t.store, t.site.id, '404.liquid')
      const run = await t.publish()
      const failures = Object.fromEntries(run.failed.map((f) => [f.path, f.error]))
      expect(Object.keys(failures).sort()).toEqual(['404.html', 'search.html'])
      expect(failures['404.html']).toMatch(/404\.liquid/)
      expect(failures['search.html']).toMatch(/search\.liquid/)
      expect(await t.read('404.html')).toBe(before)
      expect(run.written).toContain((await t.content.articles.get(article.id)).urlPath)
      await editTemplate('404.liquid', (source) =>
        source.replace('{% for i in (1..100000000000) %}{% endfor %}', ''),
      )
      await editTemplate('search.liquid', (source) =>
        source.replace('{% for i in (1..10000000) %}很长的字符串{% endfor %}', ''),
      )
    }, 60_000)

    it('fails the remaining pages of a template at once after it stalled its renderer twice', async () => {
      await editTemplate('print.liquid', (source) =>
        source.replace(
          '<main id="main" class="print-view">',
          '{% for i in (1..100000000000) %}{% endfor %}<main id="main" class="print-view">',
        ),
      )
      const run = await t.publish()
      const failures = run.failed.filter((f) => f.path.endsWith('_print.html'))
      expect(failures).toHaveLength(11)
      for (const failure of failures) expect(failure.error).toContain('print.liquid')
      const stalled = failures.filter((f) => /limit exceeded/.test(f.error))
      const skipped = failures.filter((f) =>
        f.error.startsWith('not rendered: print.liquid stopped or stalled'),
      )
      // Two stalls, never a third (the other renderer's page of it is taken back); the rest never rendered.
      expect(stalled).toHaveLength(MAX_STOPS_PER_TEMPLATE)
      expect(skipped).toHaveLength(11 - stalled.length)
      await editTemplate('print.liquid', (source) =>
        source.replace('{% for i in (1..100000000000) %}{% endfor %}', ''),
      )
    }, 60_000)

    it('fails the remaining pages of a template at once after it rendered slowly too often, inside every limit', async () => {
      // Slow, yet under LiquidJS's render limit and the deadline: no stop would ever be counted.
      // About 0.3 s a page in a render process on an idle core, twice the 0.15 s of
      // slowPageMs, and under LiquidJS's 2 s render limit at six times that: with the threshold
      // at 0.25 s the margin on the idle side was too thin (600,000 and 1,200,000 turns both fell
      // under it), and at load 12 the loop passed the render limit and stopped instead.
      const slowLoop = '{% for i in (1..2000000) %}{% endfor %}'
      await editTemplate('print.liquid', (source) =>
        source.replace(
          '<main id="main" class="print-view">',
          `${slowLoop}<main id="main" class="print-view">`,
        ),
      )
      const run = await t.publish()
      const skipped = run.failed.filter((f) =>
        f.error.startsWith('not rendered: print.liquid took more than'),
      )
      const rendered = 11 - skipped.length
      // Five slow pages, and one at most finished in the other renderer meanwhile; the rest never rendered.
      expect(rendered).toBeGreaterThanOrEqual(MAX_SLOW_PAGES_PER_TEMPLATE)
      expect(rendered).toBeLessThanOrEqual(MAX_SLOW_PAGES_PER_TEMPLATE + 1)
      // The other pages of the site published as usual.
      expect(run.failed.every((f) => f.path.endsWith('_print.html'))).toBe(true)
      await editTemplate('print.liquid', (source) => source.replace(slowLoop, ''))
    }, 60_000)

    it('reports a template error with the template, line and column', async () => {
      await editTemplate('sitemap.liquid', (source) =>
        source.replace('<h1>网站地图</h1>', '<h1>{{ site.name | upcse }}</h1>'),
      )
      const run = await t.publish()
      expect(run.failed).toHaveLength(1)
      expect(run.failed[0]?.error).toMatch(/upcse.*sitemap\.liquid.*line:\s*\d+/s)
      await editTemplate('sitemap.liquid', (source) => source.replace('{{ site.name | upcse }}', '网站地图'))
    })

    it('publishes Liquid in an article body literally, never running it', async () => {
      const created = await t.content.articles.create(editor, {
        columnId: t.columns.tzgg.id,
        title: '模板语法 {{ site.name }}',
        publishAt: '2024-01-27 09:00',
        bodyHtml: '<p>{{ site.name }} {% for i in (1..3) %}x{% endfor %}</p>',
      })
      const article = await t.content.articles.publish(editor, created.id)
      await t.publish()
      const page = await t.read((await t.content.articles.get(article.id)).urlPath ?? 'missing')
      expect(page).toContain('{{ site.name }} {% for i in (1..3) %}x{% endfor %}')
      expect(page).toContain('模板语法 {{ site.name }}')
    })
  })
}
