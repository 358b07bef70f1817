import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

for (const engine of engines()) {
  describe(`${engine.name}: the site search in the admin API`, () => {
    const t = useAdminServer(engine)

    it('lets a site administrator set synonyms, refuses an editor, and searches with them', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://s.example.cn',
      })
      const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tzgg' })
      const article = await t.content.articles.create(operator, {
        columnId: column.id,
        title: '社会保险缴费基数调整的通知',
        bodyHtml: '<p>根据有关规定，调整社会保险缴费基数。</p>',
      })
      await t.content.articles.publish(operator, article.id)
      await t.queue.runPending()
      await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const admin = await t.signedIn('zhanzhang')
      const editor = await t.signedIn('bianji')

      expect((await admin.get('/api/sites/simt/search?q=社保')).body.total).toBe(0)
      const refused = await editor.put('/api/sites/simt/search/synonyms', { groups: [['社保', '社会保险']] })
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('FORBIDDEN')
      const invalid = await admin.put('/api/sites/simt/search/synonyms', { groups: [['社保']] })
      expect(invalid.status).toBe(422)
      const saved = await admin.put('/api/sites/simt/search/synonyms', { groups: [['社保', '社会保险']] })
      expect(saved.status).toBe(200)
      expect((await editor.get('/api/sites/simt/search/synonyms')).body.groups).toEqual([
        ['社会保险', '社保'],
      ])

      const found = await editor.get('/api/sites/simt/search?q=社保')
      expect(found.body.total).toBe(1)
      expect(found.body.results[0].titleHtml).toBe('<mark>社会保险</mark>缴费基数调整的通知')
      const audited = await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('action', '=', 'search.synonyms')
        .execute()
      expect(audited).toEqual([{ action: 'search.synonyms', outcome: 'success' }])
      // The admin's searches are not the visitors': nothing counted.
      expect((await admin.get('/api/sites/simt/search/top')).body).toEqual({ popular: [], foundNothing: [] })
      expect((await admin.get('/api/sites/simt/search?q=社保&page=x')).status).toBe(422)
    })
  })
}
