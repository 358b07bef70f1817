import { load } from 'cheerio'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { hostileBody, markupOfBody, textOfBody } from '../support/hostile-bodies.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'
import { pageScriptHazards } from '../support/script-hazards.ts'

const IMAGE_PAYLOAD =
  '<img style="text-align:center" alt="x/><img src=x onerror=alert(document.domain)>" src="https://example.com/a.png">'
const LINK_PAYLOAD = '<a style="font-weight:bold" title="x/><script>alert(document.domain)</script>">链接</a>'

/** The article body of a published page, as a browser reads it. */
function bodyOf(page: string): string {
  return load(page)('.article-body').last().html() ?? ''
}

for (const engine of engines()) {
  describe(`${engine.name}: bodies whose attribute values look like markup`, () => {
    const t = usePublishedSite(engine)
    // The publisher gives an article its URL when it first publishes it.
    const urlPathOf = async (id: number) => {
      const { urlPath } = await t.content.articles.get(id)
      if (!urlPath) throw new Error(`article ${id} was not published`)
      return urlPath
    }

    it('publish as the editor saved them, on the article page, the print view and a single page', async () => {
      const saved = await t.content.articles.create(editor, {
        columnId: t.columns.tzgg.id,
        title: '带图片的通知',
        bodyHtml: `<p>图片：</p>${IMAGE_PAYLOAD}<p>${LINK_PAYLOAD}</p>`,
      })
      const article = await t.content.articles.publish(editor, saved.id)
      const page = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '本院简介',
        slug: 'byjj',
        kind: 'page',
        pageBodyHtml: `${LINK_PAYLOAD}${IMAGE_PAYLOAD}`,
      })
      await t.publish()
      const path = await urlPathOf(article.id)
      const published = {
        article: await t.read(path),
        print: await t.read(path.replace('.html', '_print.html')),
        page: await t.read(`${page.path}/index.html`),
      }
      for (const html of Object.values(published)) {
        expect(pageScriptHazards(html, '/assets/')).toEqual([])
        const $ = load(bodyOf(html), null, false)
        expect($('img').attr('alt')).toBe('x/><img src=x onerror=alert(document.domain)>')
        expect($('img').attr('class')).toBe('fabu-align-center')
        expect($('a').attr('title')).toBe('x/><script>alert(document.domain)</script>')
        expect($('a').attr('class')).toBe('fabu-bold')
      }
      // A page without a summary describes itself with the body's opening text, and only that.
      expect(load(published.article)('meta[name="description"]').attr('content')).toBe('图片： 链接')
    })

    it('publish any body an editor may save with no script and the text and markup saved', async () => {
      // Thirty bodies a publish run, since a run costs far more than a body: 60 bodies in all.
      await fc.assert(
        fc.asyncProperty(fc.array(hostileBody, { minLength: 30, maxLength: 30 }), async (bodies) => {
          const articles = []
          for (const body of bodies) {
            const created = await t.content.articles.create(editor, {
              columnId: t.columns.tzgg.id,
              title: '随机正文',
              bodyHtml: body,
            })
            articles.push(await t.content.articles.publish(editor, created.id))
          }
          await t.publish()
          for (const article of articles) {
            const path = await urlPathOf(article.id)
            for (const page of [await t.read(path), await t.read(path.replace('.html', '_print.html'))]) {
              expect(pageScriptHazards(page, '/assets/')).toEqual([])
              expect(textOfBody(bodyOf(page)).trim()).toBe(textOfBody(article.bodyHtml).trim())
              expect(markupOfBody(bodyOf(page))).toEqual(markupOfBody(article.bodyHtml))
            }
          }
        }),
        // Shrinking would publish the site hundreds of times; the same property beside
        // publishBody (src/publish/publish-body.test.ts) shrinks a failure to its essence.
        { numRuns: 2, endOnFailure: true },
      )
    }, 120_000)
  })
}
