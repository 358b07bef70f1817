import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { currentBrokenLinks, ExternalLinkSchedule } from '../../src/checks/index.ts'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

/** A site with a notice, an article linking to it, and an editor who wrote the linking one. */
async function linkedSite(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计测院',
    baseUrl: 'https://simt.example.gov.cn/',
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知公告', slug: 'tzgg' })
  await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
  const admin = await t.signedIn('guanli')
  const notice = (
    await admin.post('/api/articles', {
      columnId: column.id,
      title: '关于放假的通知',
      bodyHtml: '<p>放假。</p>',
    })
  ).body
  expect((await admin.post(`/api/articles/${notice.id}/publish`)).status).toBe(200)
  await t.publisher.publish({ site: site.id })
  const noticeUrl = (await admin.get(`/api/articles/${notice.id}`)).body.urlPath as string
  const pointer = (
    await admin.post('/api/articles', {
      columnId: column.id,
      title: '值班安排',
      bodyHtml: `<p>见<a href="/${noticeUrl}">放假通知</a>与<a href="/tzgg/nowhere.html">旧页面</a>。<img src="/images/missing.png" alt="值班表"></p>`,
    })
  ).body
  expect((await admin.post(`/api/articles/${pointer.id}/publish`)).status).toBe(200)
  const run = await t.publisher.publish({ site: site.id })
  return { site, column, admin, notice, pointer, noticeUrl, run }
}

for (const engine of engines()) {
  describe(`${engine.name}: links on publish`, () => {
    const t = useAdminServer(engine)

    it('records the broken internal links and images of the pages a run wrote, with the page and the editor', async () => {
      const { admin, pointer, run } = await linkedSite(t)
      expect(run.brokenLinks).toBe(2)
      const broken = await admin.get(`/api/publish-runs/${run.runId}/broken-links`)
      expect(broken.status).toBe(200)
      expect(
        broken.body.items.map((item: Record<string, unknown>) => [
          item.articleId,
          item.title,
          item.editor,
          item.element,
          item.href,
        ]),
      ).toEqual([
        [pointer.id, '值班安排', 'guanli', 'a', '/tzgg/nowhere.html'],
        [pointer.id, '值班安排', 'guanli', 'img', '/images/missing.png'],
      ])
      expect(new Set(broken.body.items.map((item: Record<string, unknown>) => item.path)).size).toBe(1)

      // What the site holds now, for the inspection: fixed once the article is fixed and published.
      const { site } = await t.content.articles.get(pointer.id).then((article) => ({ site: article.siteId }))
      expect((await currentBrokenLinks(t.store, site)).map((link) => link.href).sort()).toEqual([
        '/images/missing.png',
        '/tzgg/nowhere.html',
      ])
      const latest = (await admin.get(`/api/articles/${pointer.id}`)).body
      expect(
        (
          await admin.patch(`/api/articles/${pointer.id}`, {
            baseRevision: latest.revision,
            bodyHtml: '<p>已更正。</p>',
          })
        ).status,
      ).toBe(200)
      await admin.post(`/api/articles/${pointer.id}/publish`)
      const fixed = await t.publisher.publish({ site })
      expect(fixed.brokenLinks).toBe(0)
      expect(await currentBrokenLinks(t.store, site)).toEqual([])
    })

    it('names the published pages that link to an article before it is withdrawn, and reports them broken after', async () => {
      const { site, admin, notice, pointer } = await linkedSite(t)
      const linking = await admin.get(`/api/articles/${notice.id}/linked-from`)
      expect(linking.status).toBe(200)
      const articlePage = linking.body.items.find((item: Record<string, unknown>) => item.kind === 'article')
      expect(articlePage).toMatchObject({ articleId: pointer.id, title: '值班安排' })
      expect(articlePage.url).toMatch(/^https:\/\/simt\.example\.gov\.cn\/tzgg\//)
      // The column's list links to it too; the notice's own pages are not listed.
      expect(linking.body.items.some((item: Record<string, unknown>) => item.kind === 'list')).toBe(true)
      expect(linking.body.items.some((item: Record<string, unknown>) => item.articleId === notice.id)).toBe(
        false,
      )

      expect((await admin.post(`/api/articles/${notice.id}/withdraw`, { reason: '已过期' })).status).toBe(200)
      const run = await t.publisher.publish({ site: site.id })
      const broken = await admin.get(`/api/publish-runs/${run.runId}/broken-links`)
      expect(broken.body.items).toContainEqual(
        expect.objectContaining({ articleId: pointer.id, editor: 'guanli', element: 'a' }),
      )
      // The list no longer shows the notice: only the article left pointing at it is broken.
      expect(new Set(broken.body.items.map((item: Record<string, unknown>) => item.articleId))).toEqual(
        new Set([pointer.id]),
      )
    })

    it("names the lists that link to an article after the site's first publish, which writes lists before articles", async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'first',
        name: '首发',
        baseUrl: 'https://first.example.gov.cn/',
      })
      const column = await t.content.columns.create(operator, { siteId: site.id, name: '新闻', slug: 'xw' })
      await t.addUser('shoufa', [{ role: 'site_admin', siteId: site.id }])
      const admin = await t.signedIn('shoufa')
      const news = (
        await admin.post('/api/articles', {
          columnId: column.id,
          title: '首条新闻',
          bodyHtml: '<p>内容。</p>',
        })
      ).body
      expect((await admin.post(`/api/articles/${news.id}/publish`)).status).toBe(200)
      const run = await t.publisher.publish({ site: site.id })
      expect(run.mode).toBe('full')
      expect(run.brokenLinks).toBe(0)
      const linking = await admin.get(`/api/articles/${news.id}/linked-from`)
      expect(linking.body.items.map((item: Record<string, unknown>) => item.kind)).toContain('list')
    })

    it('shows who links to an article only to those who may read its site', async () => {
      const { notice } = await linkedSite(t)
      await t.addUser('wairen', [])
      const outsider = await t.signedIn('wairen')
      expect((await outsider.get(`/api/articles/${notice.id}/linked-from`)).status).toBe(404)
    })

    it('checks every site on schedule and shows the latest external report over the API', async () => {
      const { site, column, admin } = await linkedSite(t)
      const server = createServer((request, response) =>
        response.writeHead(request.url === '/ok' ? 200 : 404).end(),
      )
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      try {
        const outward = (
          await admin.post('/api/articles', {
            columnId: column.id,
            title: '相关链接',
            bodyHtml: `<p><a href="${origin}/ok">好</a><a href="${origin}/gone">无</a></p>`,
          })
        ).body
        await admin.post(`/api/articles/${outward.id}/publish`)
        expect((await admin.get(`/api/sites/${site.id}/links/external`)).body.report).toBeNull()

        // Off (0 hours) never runs; a run checks each site, one after the other.
        const off = new ExternalLinkSchedule(t.store, { everyHours: 0 })
        off.start()
        await off.stop()
        expect((await admin.get(`/api/sites/${site.id}/links/external`)).body.report).toBeNull()
        const schedule = new ExternalLinkSchedule(t.store, {
          everyHours: 24,
          check: { allowAddresses: ['127.0.0.1'], perHostIntervalMs: 0, timeoutMs: 2_000 },
        })
        await schedule.runOnce()
        await schedule.stop()
        const { report } = (await admin.get(`/api/sites/${site.id}/links/external`)).body
        expect([report.checked, report.broken, report.redirected]).toEqual([2, 1, 0])
        expect(report.findings).toEqual([
          expect.objectContaining({
            articleId: outward.id,
            title: '相关链接',
            outcome: 'broken',
            status: 404,
          }),
        ])
      } finally {
        server.closeAllConnections()
        await new Promise((done) => server.close(done))
      }
    })
  })
}
