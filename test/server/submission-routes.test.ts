import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type ApiResponse, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

for (const engine of engines()) {
  describe(`${engine.name}: the 信息报送 API`, () => {
    const t = useAdminServer(engine)

    it('refuses each wrong step with its own code and words in both languages, and audits it', {
      timeout: 60_000,
    }, async () => {
      const city = await t.content.sites.create(operator, {
        slug: 'city',
        name: '市政府',
        baseUrl: 'https://city.example.gov.cn',
      })
      const county = await t.content.sites.create(operator, {
        slug: 'county',
        name: '县政府',
        baseUrl: 'https://county.example.gov.cn',
      })
      const town = await t.content.sites.create(operator, {
        slug: 'town',
        name: '镇政府',
        baseUrl: 'https://town.example.gov.cn',
      })
      const news = await t.content.columns.create(operator, { siteId: city.id, name: '要闻', slug: 'yw' })
      const townNews = await t.content.columns.create(operator, {
        siteId: town.id,
        name: '镇要闻',
        slug: 'zyw',
      })
      const local = await t.content.columns.create(operator, { siteId: county.id, name: '动态', slug: 'dt' })
      const article = await t.content.articles.create(operator, {
        columnId: local.id,
        title: '县里的消息',
        bodyHtml: '<p>正文</p>',
      })
      await t.addUser('countyeditor', [{ role: 'editor', siteId: county.id }])
      await t.addUser('cityadmin', [{ role: 'site_admin', siteId: city.id }])
      await t.addUser('towneditor', [{ role: 'editor', siteId: town.id, columnId: townNews.id }])
      const countyEditor = await t.signedIn('countyeditor')
      const cityAdmin = await t.signedIn('cityadmin')
      const townEditor = await t.signedIn('towneditor')

      expectError(
        await countyEditor.post('/api/submissions', { articleId: article.id, columnId: news.id }),
        403,
        'SUBMISSION_COLUMN_CLOSED',
      )
      expectError(
        await countyEditor.put(`/api/columns/${news.id}/submission-sources`, { siteIds: [county.id] }),
        403,
        'FORBIDDEN',
      )
      const opened = await cityAdmin.put(`/api/columns/${news.id}/submission-sources`, {
        siteIds: [county.id],
      })
      expect(opened.body).toEqual({ siteIds: [county.id] })

      const sent = await countyEditor.post('/api/submissions', {
        articleId: article.id,
        columnId: news.id,
        note: '请审阅',
      })
      expect(sent.status).toBe(201)
      expect(sent.body).toMatchObject({
        status: 'pending',
        sourceSiteName: '县政府',
        targetColumnName: '要闻',
        note: '请审阅',
      })
      const again = await countyEditor.request(
        'POST',
        '/api/submissions',
        { articleId: article.id, columnId: news.id },
        {
          'accept-language': 'en',
        },
      )
      expectError(again, 409, 'SUBMISSION_REPEATED')
      expect(again.body.error.message).toBe('this article was submitted to that column already')

      expectError(
        await townEditor.post(`/api/submissions/${sent.body.id}/adopt`, {}),
        403,
        'SUBMISSION_NOT_YOURS',
      )
      expectError(
        await cityAdmin.post(`/api/submissions/${sent.body.id}/return`, { reason: ' ' }),
        422,
        'SUBMISSION_NO_REASON',
      )
      expectError(await countyEditor.get(`/api/sites/${city.id}/submissions/inbox`), 404, 'NOT_FOUND')

      const returned = await cityAdmin.post(`/api/submissions/${sent.body.id}/return`, {
        reason: '请补充图片',
      })
      expect(returned.body).toMatchObject({ status: 'returned', reason: '请补充图片' })
      expectError(
        await cityAdmin.post(`/api/submissions/${sent.body.id}/ignore`, {}),
        409,
        'SUBMISSION_DECIDED',
      )
      const outbox = await countyEditor.get(`/api/sites/${county.id}/submissions/outbox`)
      expect(
        outbox.body.map((item: { status: string; reason: string }) => [item.status, item.reason]),
      ).toEqual([['returned', '请补充图片']])

      const refusals = await t.content.audit.list({})
      expect(
        refusals
          .filter((record) => record.outcome !== 'success' && record.action.startsWith('submission.'))
          .map((record) => record.action)
          .sort(),
      ).toEqual([
        'submission.adopt',
        'submission.ignore',
        'submission.return',
        'submission.sources',
        'submission.submit',
        'submission.submit',
      ])
    })
  })
}
