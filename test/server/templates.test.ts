import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Actor, systemActor } from '../../src/content/index.ts'
import { dashboardSchema } from '../../src/server/dashboard-response-schemas.ts'
import { ViewCounter } from '../../src/server/index.ts'
import { templateListSchema } from '../../src/server/response-schemas.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')
const writer: Actor = { id: 'user:writer', name: 'writer', address: '' }

for (const engine of engines()) {
  describe(`${engine.name}: site templates and the dashboard`, () => {
    const t = useAdminServer(engine)

    async function publishedSite() {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://s.example.cn',
      })
      const column = await t.content.columns.create(operator, {
        siteId: site.id,
        name: '通知',
        slug: 'tzgg',
        reviewLevels: 1,
      })
      const article = await t.content.articles.create(operator, {
        columnId: column.id,
        title: '模板测试文章',
      })
      await t.content.articles.publish(operator, article.id)
      await t.queue.runPending()
      return { site, column, article: await t.content.articles.get(article.id) }
    }

    it('lets a site administrator edit, preview, save and revert a template, republishing its pages', async () => {
      const { site, article } = await publishedSite()
      await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
      const admin = await t.signedIn('zhanzhang')
      const listed = await admin.get('/api/sites/simt/templates')
      expect(templateListSchema.parse(listed.body).items).toContainEqual({
        name: 'article.liquid',
        isCustomized: false,
        updatedAt: null,
      })
      const original = (await admin.get('/api/sites/simt/templates/article.liquid')).body
      const edited = original.source.replace('</h1>', '</h1><p class="marker">模板已修改</p>')
      expect(edited).not.toBe(original.source)

      const broken = await admin.put('/api/sites/simt/templates/article.liquid', {
        source: `${edited}\n{% if x %}`,
      })
      expect(broken.status).toBe(422)
      expect(broken.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'source' })
      expect(broken.body.error.message).toMatch(/第 \d+ 行第 \d+ 列/)

      const preview = await admin.post('/api/sites/simt/templates/article.liquid/preview', { source: edited })
      expect(preview.status).toBe(200)
      expect(preview.headers.get('content-security-policy')).toMatch(/^sandbox;/)
      expect(String(preview.body)).toContain('模板已修改')

      expect((await admin.put('/api/sites/simt/templates/article.liquid', { source: edited })).status).toBe(
        200,
      )
      const saved = await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'actor', 'target_id'])
        .where('action', 'like', 'template.%')
        .execute()
      expect(saved).toEqual([
        {
          action: 'template.save',
          actor: expect.stringContaining('zhanzhang'),
          target_id: `${site.id}:article.liquid`,
        },
      ])
      await t.queue.runPending()
      const page = join(t.output, 'sites', 'simt', article.urlPath ?? '')
      expect(await readFile(page, 'utf8')).toContain('模板已修改')

      expect((await admin.delete('/api/sites/simt/templates/article.liquid')).status).toBe(204)
      await t.queue.runPending()
      expect(await readFile(page, 'utf8')).not.toContain('模板已修改')
    })

    it('tells a preview failing at render time in Chinese, with the template, line and column', async () => {
      const { site } = await publishedSite()
      await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
      const admin = await t.signedIn('zhanzhang')
      const source = '<main>\n<h1>{{ article.title }}</h1>\n  <p>{{ article.title | upcse }}</p>\n</main>'
      const preview = await admin.post('/api/sites/simt/templates/article.liquid/preview', { source })
      expect(preview.status).toBe(409)
      expect(preview.body.error.message).toBe('预览失败：未知过滤器 upcse（article.liquid 第 3 行第 6 列）')
      expect(preview.body.error.message).not.toMatch(/undefined filter|line:/)
    })

    it('lets no editor change or preview a template, and knows no template outside the theme', async () => {
      const { site } = await publishedSite()
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('bianji')
      const refused = await editor.put('/api/sites/simt/templates/article.liquid', { source: 'x' })
      expect(refused.body.error.code).toBe('FORBIDDEN')
      // A preview runs the template: it takes the right to edit templates, as saving does.
      const preview = await editor.post('/api/sites/simt/templates/article.liquid/preview', { source: 'x' })
      expect(preview.status).toBe(403)
      expect(preview.body.error.code).toBe('FORBIDDEN')
      expect((await t.store.db.selectFrom('site_templates').selectAll().execute()).length).toBe(0)
      expect((await editor.get('/api/sites/simt/templates/evil.liquid')).status).toBe(404)
      expect((await editor.get('/api/sites/simt/templates/..%2Ffabu.db')).status).toBe(422)
    })

    it('shows a reviewer what waits for them, and the site’s views per day', async () => {
      const { site, column, article } = await publishedSite()
      const draft = await t.content.articles.create(writer, { columnId: column.id, title: '待审核的通知' })
      await t.content.articles.submit(writer, draft.id)
      const counter = new ViewCounter(t.store)
      // Two readers: one reader counts once an hour.
      await counter.hit(article.id, '192.0.2.1')
      await counter.hit(article.id, '192.0.2.2')
      await counter.close()
      await t.addUser('shenhe', [{ role: 'reviewer', siteId: site.id, reviewLevel: 1 }])
      const reviewer = await t.signedIn('shenhe')
      const dashboard = dashboardSchema.parse((await reviewer.get('/api/sites/simt/dashboard')).body)
      expect(dashboard.waitingForMe.map((a) => a.title)).toEqual(['待审核的通知'])
      expect(dashboard.viewsPerDay).toHaveLength(30)
      expect(dashboard.viewsPerDay.at(-1)?.views).toBe(2)
      expect(dashboard.topArticles).toEqual([
        { id: article.id, title: '模板测试文章', urlPath: article.urlPath, views: 2 },
      ])
      expect(dashboard.recentRuns.length).toBeGreaterThan(0)
    })
  })
}
