import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { type Actor, accessOf, type Grant, type Principal } from '../content/index.ts'
import { createStatistics } from '../statistics/index.ts'
import {
  adoptionCounts,
  adoptionReportCsv,
  adoptionReportXlsx,
  createSubmissions,
  type Submissions,
} from './index.ts'

const person = (id: number, name: string, ...grants: Omit<Grant, 'id' | 'reviewLevel'>[]): Principal => ({
  actor: { id: `user:${id}`, name, address: '' } as Actor,
  access: accessOf(
    id,
    grants.map((grant, index) => ({ ...grant, id: id * 10 + index, reviewLevel: null })),
  ),
})

for (const engine of engines()) {
  describe(`${engine.name}: 信息报送 between two sites`, () => {
    const t = useContent(engine)
    let submissions: Submissions
    let county: { id: number }
    let news: { id: number }
    let notices: { id: number }
    let countyNews: { id: number }
    let articleId: number
    let countyEditor: Principal
    let cityEditor: Principal
    let cityAdmin: Principal
    let otherEditor: Principal

    beforeEach(async () => {
      submissions = createSubmissions(t.store, { now: () => t.clock.now })
      const operator: Actor = { id: 'cli:root', name: 'root', address: '' }
      county = await t.content.sites.create(operator, {
        slug: 'county',
        name: '某某县人民政府',
        baseUrl: 'https://county.example.gov.cn',
        orgCode: '11111111X',
      })
      news = await t.content.columns.create(operator, { siteId: t.site.id, name: '要闻', slug: 'yw' })
      notices = await t.content.columns.create(operator, { siteId: t.site.id, name: '通知', slug: 'tz' })
      countyNews = await t.content.columns.create(operator, {
        siteId: county.id,
        name: '县内动态',
        slug: 'xndt',
      })
      const created = await t.content.articles.create(operator, {
        columnId: countyNews.id,
        title: '县里开展安全检查',
        bodyHtml: '<p>正文第一段</p>',
      })
      articleId = (await t.content.articles.publish(operator, created.id)).id
      // The publisher gives a published article its address; this stands in for its run.
      await t.store.db
        .updateTable('articles')
        .set({ url_path: 'xndt/2026/11/27/1.html' })
        .where('id', '=', articleId)
        .execute()
      countyEditor = person(1, '县编辑', { role: 'editor', siteId: county.id, columnId: null })
      cityEditor = person(2, '市编辑', { role: 'editor', siteId: t.site.id, columnId: news.id })
      cityAdmin = person(3, '市管理员', { role: 'site_admin', siteId: t.site.id, columnId: null })
      otherEditor = person(4, '通知编辑', { role: 'editor', siteId: t.site.id, columnId: notices.id })
    })
    afterEach(async () => {
      await submissions?.close()
    })

    it('refuses a column the receiving site has not opened to the unit, with a stable code', async () => {
      await expect(
        submissions.as(countyEditor).submit({ articleId, columnId: news.id }),
      ).rejects.toMatchObject({ code: 'SUBMISSION_COLUMN_CLOSED', status: 403 })
      expect(await submissions.as(countyEditor).targets(county.id)).toEqual([])
    })

    it('lets only the receiving site administrators open a column', async () => {
      await expect(submissions.as(cityEditor).setSources(news.id, [county.id])).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      expect(await submissions.as(cityAdmin).setSources(news.id, [county.id, t.site.id])).toEqual([county.id])
      expect(await submissions.as(countyEditor).targets(county.id)).toEqual([
        { siteId: t.site.id, siteName: t.site.name, columnId: news.id, columnName: '要闻' },
      ])
    })

    it('goes from the unit to the parent, is adopted with its source, and is counted for the unit', async () => {
      await submissions.as(cityAdmin).setSources(news.id, [county.id])
      const sent = await submissions.as(countyEditor).submit({ articleId, columnId: news.id, note: '请采用' })
      expect(sent).toMatchObject({
        status: 'pending',
        sourceSiteName: '某某县人民政府',
        targetColumnName: '要闻',
        note: '请采用',
        submittedBy: '县编辑',
      })
      expect(sent.sourceUrl).toBe('https://county.example.gov.cn/xndt/2026/11/27/1.html')
      await expect(
        submissions.as(countyEditor).submit({ articleId, columnId: news.id }),
      ).rejects.toMatchObject({ code: 'SUBMISSION_REPEATED' })

      expect((await submissions.as(cityEditor).inbox(t.site.id)).map((item) => item.id)).toEqual([sent.id])
      expect(await submissions.as(otherEditor).inbox(t.site.id)).toEqual([])
      await expect(submissions.as(otherEditor).adopt(sent.id)).rejects.toMatchObject({
        code: 'SUBMISSION_NOT_YOURS',
      })

      t.clock.now = new Date('2026-12-03T02:00:00.000Z')
      const { submission, article } = await submissions.as(cityEditor).adopt(sent.id)
      expect(submission).toMatchObject({
        status: 'adopted',
        adoptedArticleId: article.id,
        decidedBy: '市编辑',
      })
      expect(article).toMatchObject({
        siteId: t.site.id,
        columnId: news.id,
        status: 'draft',
        source: '某某县人民政府',
      })
      expect(article.copiedFromId).toBe(articleId)
      expect(article.bodyHtml).toContain('<p>正文第一段</p>')
      expect(article.bodyHtml).toContain(`<p>来源：<a href="${sent.sourceUrl}">某某县人民政府</a></p>`)
      await expect(submissions.as(cityEditor).ignore(sent.id)).rejects.toMatchObject({
        code: 'SUBMISSION_DECIDED',
      })

      const counts = await adoptionCounts(t.store, {
        from: '2026-12-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
      })
      expect(counts).toEqual([
        // Sent in November, adopted in December: each month counts what happened in it.
        { sourceSiteId: county.id, sourceSiteName: '某某县人民政府', submitted: 0, adopted: 1 },
      ])
      expect(
        await adoptionCounts(t.store, { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }),
      ).toEqual([{ sourceSiteId: county.id, sourceSiteName: '某某县人民政府', submitted: 1, adopted: 0 }])
      const statistics = createStatistics(t.store, { now: () => t.clock.now })
      expect(
        (await statistics.report(cityAdmin, t.site.id, { from: '2026-11-01', to: '2026-12-31' })).adoptions,
      ).toEqual([{ unit: '某某县人民政府', submitted: 1, adopted: 1 }])

      const report = await submissions.as(cityEditor).report(t.site.id, 2026)
      expect(report.units).toEqual([
        {
          sourceSiteId: county.id,
          sourceSiteName: '某某县人民政府',
          perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
          total: 1,
        },
      ])
      expect(adoptionReportCsv(report).split('\r\n')[1]).toBe('某某县人民政府,0,0,0,0,0,0,0,0,0,0,0,1,1')
      expect((await adoptionReportXlsx(report)).byteLength).toBeGreaterThan(1000)
      expect((await submissions.as(countyEditor).outbox(county.id))[0]).toMatchObject({ status: 'adopted' })
      const audit = await t.content.audit.list({})
      expect(audit.map((record) => record.action)).toEqual(
        expect.arrayContaining(['submission.submit', 'submission.adopt']),
      )
    })

    it('is returned only with a reason, which the submitter then reads', async () => {
      await submissions.as(cityAdmin).setSources(news.id, [county.id])
      const sent = await submissions.as(countyEditor).submit({ articleId, columnId: news.id })
      await expect(submissions.as(cityEditor).return(sent.id, '   ')).rejects.toMatchObject({
        code: 'SUBMISSION_NO_REASON',
      })
      expect((await submissions.as(cityEditor).inbox(t.site.id, 'pending')).length).toBe(1)
      await submissions.as(cityEditor).return(sent.id, '内容与本站重复')
      const [mine] = await submissions.as(countyEditor).outbox(county.id)
      expect(mine).toMatchObject({ status: 'returned', reason: '内容与本站重复' })
      // Returned, it may be sent again once improved.
      expect((await submissions.as(countyEditor).submit({ articleId, columnId: news.id })).status).toBe(
        'pending',
      )
    })

    it('lets the recycle bin purge a column that units could submit to', async () => {
      const operator: Actor = { id: 'cli:root', name: 'root', address: '' }
      await submissions.as(cityAdmin).setSources(notices.id, [county.id])
      await t.content.columns.delete(operator, notices.id)
      expect(await submissions.as(countyEditor).targets(county.id)).toEqual([])
      t.clock.now = new Date(t.clock.now.getTime() + 60_000)
      const purged = await t.content.recycleBin.purge(operator, { olderThanDays: 0 })
      expect(purged.columns).toBe(1)
    })

    it('keeps a unit name that starts like a formula from running in the CSV', async () => {
      const report = {
        siteId: 1,
        siteName: 'x',
        year: 2026,
        units: [
          { sourceSiteId: 9, sourceSiteName: '=HYPERLINK("x")', perMonth: new Array(12).fill(0), total: 0 },
        ],
        perMonth: new Array(12).fill(0),
        total: 0,
      }
      expect(adoptionReportCsv(report).split('\r\n')[1]?.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true)
    })
  })
}
