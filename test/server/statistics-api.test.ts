import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { siteGroupReportSchema } from '../../src/statistics/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

for (const engine of engines()) {
  describe(`${engine.name}: the statistics API`, () => {
    const t = useAdminServer(engine)

    async function siteWithArticle(columnName: string) {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计量测试院',
        baseUrl: 'https://www.simt.example.cn',
      })
      const column = await t.content.columns.create(operator, {
        siteId: site.id,
        name: columnName,
        slug: 'gzdt',
      })
      const draft = await t.content.articles.create(operator, { columnId: column.id, title: '院领导调研' })
      await t.content.articles.publish(operator, draft.id)
      await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
      return site
    }

    it('answers the period in the response schema, and names the field of a bad period in both languages', async () => {
      const site = await siteWithArticle('工作动态')
      const client = await t.signedIn('zhanzhang')
      const answer = await client.get(`/api/sites/${site.slug}/statistics?preset=this-year&bucket=month`)
      expect(answer.status).toBe(200)
      expect(answer.body.period.bucket).toBe('month')
      expect(answer.body.published.byBucket).toHaveLength(12)
      expect(answer.body.published.total).toBe(1)
      expect(answer.body.adoptions).toEqual([])
      expect(answer.body.annual.specialTopics).toBe(0)

      const reversed = await client.get(`/api/sites/${site.id}/statistics?from=2026-11-30&to=2026-11-01`)
      expect(reversed.status).toBe(422)
      expect(reversed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' })
      expect(reversed.body.error.message).toContain('结束日期早于开始日期')
      const inEnglish = await client.request(
        'GET',
        `/api/sites/${site.id}/statistics?from=2026-11-30&to=2026-11-01`,
        undefined,
        { 'accept-language': 'en' },
      )
      expect(inEnglish.body.error.message).toContain('the end is before the start')
      const unknownPreset = await client.get(`/api/sites/${site.id}/statistics?preset=yesterday`)
      expect(unknownPreset.status).toBe(422)

      const spec = await client.get('/api/openapi.json')
      const operation = spec.body.paths['/api/sites/{site}/statistics'].get
      // The answer is a named component, as the admin's generated types read it.
      const reference = operation.responses['200'].content['application/json'].schema.$ref
      expect(reference).toBe('#/components/schemas/StatisticsReport')
      expect(Object.keys(spec.body.components.schemas.StatisticsReport.properties)).toEqual([
        'site',
        'period',
        'published',
        'views',
        'annual',
        'adoptions',
      ])
    })

    it('exports CSV with a formula-like column name made harmless, and refuses a signed-out caller', async () => {
      const site = await siteWithArticle('@SUM(A1)')
      const client = await t.signedIn('zhanzhang')
      const csv = await client.get(`/api/sites/${site.id}/statistics/export/csv?preset=this-month`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(csv.headers.get('content-disposition')).toMatch(
        /^attachment; filename="statistics-simt-.*\.csv"$/,
      )
      expect(String(csv.body).split('\r\n')).toContain(`'@SUM(A1),1`)
      const xlsx = await client.get(`/api/sites/${site.id}/statistics/export/xlsx?preset=this-month`)
      expect(xlsx.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      expect((await t.client().get(`/api/sites/${site.id}/statistics`)).status).toBe(401)
    })

    it('gives the system administrator each site’s count (站群) with an export, and refuses a site administrator', async () => {
      const site = await siteWithArticle('工作动态')
      await t.addUser('xitong', [{ role: 'system_admin' }])
      const system = await t.signedIn('xitong')
      const answer = await system.get('/api/statistics/sites?preset=this-year&bucket=month')
      expect(answer.status).toBe(200)
      expect(siteGroupReportSchema.parse(answer.body).sites).toEqual([
        expect.objectContaining({ siteId: site.id, name: '计量测试院', published: 1 }),
      ])
      expect(answer.body.buckets).toHaveLength(12)
      const csv = await system.get('/api/statistics/sites/export/csv?preset=this-year&bucket=month')
      expect(csv.headers.get('content-disposition')).toMatch(
        /^attachment; filename="statistics-sites-.*\.csv"$/,
      )
      expect(String(csv.body)).toContain('计量测试院 (simt),1,')
      const xlsx = await system.get('/api/statistics/sites/export/xlsx?preset=this-year')
      expect(xlsx.status).toBe(200)

      const refused = await (await t.signedIn('zhanzhang')).get('/api/statistics/sites?preset=this-year')
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('FORBIDDEN')
    })
  })
}
