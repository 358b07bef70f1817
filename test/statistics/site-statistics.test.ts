import { describe, expect, it } from 'vitest'
import type { Actor, Column } from '../../src/content/index.ts'
import { createStatistics, type StatisticsReport, statisticsCsv } from '../../src/statistics/index.ts'
import { useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { operator, useInteraction } from '../support/interaction-fixture.ts'

const wang: Actor = { id: 'user:11', name: '王编辑', address: '192.0.2.11' }
const li: Actor = { id: 'user:12', name: '李编辑', address: '192.0.2.12' }

const letter = {
  subject: '证书何时能取',
  content: '上周送检的压力表何时可取？',
  name: '王小明',
  phone: '13912345678',
}

for (const engine of engines()) {
  describe(`${engine.name}: statistics of a site and a period`, () => {
    const t = useContent(engine)
    const i = useInteraction(t)

    /** Publishes an article in `column` by `actor` at the instant `at`. */
    async function publishAt(actor: Actor, column: Column, at: string, title: string) {
      t.clock.now = new Date(at)
      const draft = await t.content.articles.create(actor, {
        columnId: column.id,
        title,
        bodyHtml: '<p>正文</p>',
        ...(column.isDisclosure
          ? { disclosure: { topicCategory: '综合政务', issuingAgency: '办公室' } }
          : {}),
      })
      return t.content.articles.publish(actor, draft.id)
    }

    async function setUp() {
      const site = t.site.id
      const news = await t.content.columns.create(operator.actor, {
        siteId: site,
        name: '要闻',
        slug: 'yw',
        updateType: 'news',
      })
      const catalogue = await t.content.columns.create(operator.actor, {
        siteId: site,
        name: '信息公开',
        slug: 'xxgk',
        isDisclosure: true,
      })
      const policy = await t.content.columns.create(operator.actor, {
        siteId: site,
        parentId: catalogue.id,
        name: '政策文件',
        slug: 'zcwj',
        updateType: 'policy',
      })
      // Shanghai is UTC+8: 15:59Z on the 31st is still October there, 16:00Z is already November.
      const lastOfOctober = await publishAt(wang, news, '2026-10-31T15:59:00Z', '十月最后一分钟')
      await publishAt(wang, news, '2026-10-31T16:00:00Z', '十一月第一分钟')
      await publishAt(li, news, '2026-11-15T02:00:00Z', '月中要闻')
      await publishAt(li, catalogue, '2026-11-20T02:00:00Z', '公开目录信息')
      await publishAt(wang, policy, '2026-11-30T15:59:00Z', '十一月最后一分钟')
      await publishAt(li, policy, '2026-11-30T16:00:00Z', '十二月第一分钟')
      const binned = await publishAt(li, news, '2026-11-10T02:00:00Z', '已删除')
      await t.content.articles.delete(operator.actor, binned.id)

      // Views are kept per site-local day; the days around the month are outside it.
      await t.store.db
        .insertInto('article_views_daily')
        .values([
          { article_id: lastOfOctober.id, day: '2026-10-31', views: 100 },
          { article_id: lastOfOctober.id, day: '2026-11-01', views: 7 },
          { article_id: lastOfOctober.id, day: '2026-11-30', views: 5 },
          { article_id: lastOfOctober.id, day: '2026-12-01', views: 1000 },
        ])
        .execute()

      // Two letters and an application in November (Shanghai), one letter answered in it.
      const desk = i.interaction.as(operator)
      t.clock.now = new Date('2026-10-31T16:30:00Z')
      const first = await i.interaction.visitors.submit(i.letters, letter)
      t.clock.now = new Date('2026-11-03T02:00:00Z')
      await i.interaction.visitors.submit(i.letters, { ...letter, subject: '第二封信' })
      await i.interaction.visitors.submit(i.applications, { ...letter, applicantType: 'citizen' })
      await desk.cases.draftReply(first.caseId, { text: '请到服务大厅领取。' })
      const sent = await desk.cases.submitReply(first.caseId)
      if (sent.status !== 'answered') await desk.cases.approveReply(first.caseId, 1)
      t.clock.now = new Date('2026-10-30T02:00:00Z')
      await i.interaction.visitors.submit(i.letters, { ...letter, subject: '十月的信' })
      await desk.consultations.create({
        siteId: site,
        title: '《收费办法（征求意见稿）》',
        draft: '第一条',
        startsDay: '2026-11-01',
        endsDay: '2099-12-31',
      })
      return { news, catalogue, policy }
    }

    it('counts November in Asia/Shanghai: articles per column, editor and day, views, and the annual figures', async () => {
      const { news, catalogue, policy } = await setUp()
      t.clock.now = new Date('2026-12-05T02:00:00Z')
      const statistics = createStatistics(t.store, { interaction: i.interaction, now: () => t.clock.now })
      const report = await statistics.report(operator, t.site.id, { from: '2026-11-01', to: '2026-11-30' })

      expect(report.period).toEqual({ fromDay: '2026-11-01', toDay: '2026-11-30', bucket: 'day' })
      expect(report.published.total).toBe(4)
      expect(report.published.byColumn).toEqual([
        { columnId: news.id, column: '要闻', count: 2 },
        { columnId: catalogue.id, column: '信息公开', count: 1 },
        { columnId: policy.id, column: '信息公开 / 政策文件', count: 1 },
      ])
      expect(report.published.byEditor).toEqual([
        { editor: '李编辑', count: 2 },
        { editor: '王编辑', count: 2 },
      ])
      expect(report.published.byBucket).toHaveLength(30)
      expect(report.published.byBucket.filter((row) => row.count > 0)).toEqual([
        { bucket: '2026-11-01', count: 1 },
        { bucket: '2026-11-15', count: 1 },
        { bucket: '2026-11-20', count: 1 },
        { bucket: '2026-11-30', count: 1 },
      ])
      expect(report.views.total).toBe(12)
      expect(report.views.byColumn).toEqual([{ columnId: news.id, column: '要闻', views: 12 }])
      expect(report.annual).toEqual({
        totalViews: 12,
        published: 4,
        // The policy column sits under the catalogue but is not marked as part of it.
        publishedByType: [
          { type: 'disclosure', count: 1 },
          { type: 'news', count: 2 },
          { type: 'policy', count: 1 },
          { type: 'other', count: 0 },
        ],
        specialTopics: 0,
        interpretations: null,
        interaction: {
          letters: { received: 2, answered: 1 },
          applications: { received: 1, answered: 0 },
          consultations: { opened: 1, resultsPublished: 0, opinions: 0 },
        },
      })
      expect(report.adoptions).toEqual([])
    })

    it('resolves the presets in the site zone: on 1 December at 00:30 Shanghai, last month is November', async () => {
      await setUp()
      t.clock.now = new Date('2026-11-30T16:30:00Z')
      const statistics = createStatistics(t.store, { now: () => t.clock.now })
      const lastMonth = await statistics.report(operator, t.site.id, { preset: 'last-month' })
      expect(lastMonth.period).toEqual({ fromDay: '2026-11-01', toDay: '2026-11-30', bucket: 'day' })
      expect(lastMonth.published.total).toBe(4)
      const thisMonth = await statistics.report(operator, t.site.id, { preset: 'this-month' })
      expect(thisMonth.period.fromDay).toBe('2026-12-01')
      expect(thisMonth.published.total).toBe(1)
      expect(thisMonth.views.total).toBe(1000)
      const year: StatisticsReport = await statistics.report(operator, t.site.id, { preset: 'this-year' })
      expect(year.period).toEqual({ fromDay: '2026-01-01', toDay: '2026-12-31', bucket: 'month' })
      expect(year.published.byBucket).toHaveLength(12)
      expect(year.published.byBucket.slice(9)).toEqual([
        { bucket: '2026-10', count: 1 },
        { bucket: '2026-11', count: 4 },
        { bucket: '2026-12', count: 1 },
      ])
      expect(year.views.byBucket.slice(9).map((row) => row.views)).toEqual([100, 12, 1000])
      expect(year.annual.interaction).toBeNull()
      const lastYear = await statistics.report(operator, t.site.id, { preset: 'last-year' })
      expect(lastYear.period.fromDay).toBe('2025-01-01')
      expect(lastYear.published.total).toBe(0)
    })

    it('counts each site of the group in the installation’s zone, for its administrators only, and exports it', async () => {
      await setUp()
      const county = await t.content.sites.create(operator.actor, {
        slug: 'xian',
        name: '某某县人民政府',
        baseUrl: 'https://xian.example.gov.cn',
      })
      const countyNews = await t.content.columns.create(operator.actor, {
        siteId: county.id,
        name: '县要闻',
        slug: 'xyw',
      })
      await publishAt(wang, countyNews, '2026-11-30T15:59:00Z', '县里十一月最后一分钟')
      await publishAt(wang, countyNews, '2026-11-30T16:00:00Z', '县里十二月第一分钟')
      const statistics = createStatistics(t.store, { now: () => new Date('2026-12-05T02:00:00Z') })

      const report = await statistics.siteGroup(operator, {
        from: '2026-10-01',
        to: '2026-11-30',
        bucket: 'month',
      })
      expect(report.timeZone).toBe('Asia/Shanghai')
      expect(report.buckets).toEqual(['2026-10', '2026-11'])
      expect(report.sites.map(({ slug, published, byBucket }) => ({ slug, published, byBucket }))).toEqual([
        { slug: t.site.slug, published: 5, byBucket: [1, 4] },
        { slug: 'xian', published: 1, byBucket: [0, 1] },
      ])
      expect(report.published).toBe(6)
      const csv = statisticsCsv(report).split('\r\n')
      expect(csv).toContain('站点 site,发布数 published,2026-10,2026-11')
      expect(csv).toContain('某某县人民政府 (xian),1,0,1')
      expect(csv).toContain('合计 total,6,1,5')

      const siteAdmin = await i.user('chief', [{ role: 'site_admin' }])
      await expect(statistics.siteGroup(siteAdmin, { preset: 'this-year' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    })

    it('refuses an editor, and a reversed or too long period, with a field and both languages', async () => {
      const statistics = createStatistics(t.store, { interaction: i.interaction })
      const writer = await i.user('writer', [{ role: 'editor' }])
      await expect(statistics.report(writer, t.site.id, { preset: 'this-year' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      const siteAdmin = await i.user('chief', [{ role: 'site_admin' }])
      await expect(statistics.report(siteAdmin, t.site.id, { preset: 'this-year' })).resolves.toMatchObject({
        site: { id: t.site.id },
      })
      await expect(
        statistics.report(siteAdmin, t.site.id, { from: '2026-11-30', to: '2026-11-01' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' })
      await expect(
        statistics.report(siteAdmin, t.site.id, { from: '2016-01-01', to: '2026-11-01' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' })
      await expect(statistics.report(siteAdmin, t.site.id, { from: '2026-11-01' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      })
      await expect(
        statistics.report(siteAdmin, t.site.id, { from: '2026-02-30', to: '2026-03-01' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' })
    })

    it('exports a column named like a formula as text, never a formula', async () => {
      const column = await t.content.columns.create(operator.actor, {
        siteId: t.site.id,
        name: '=HYPERLINK("x")',
        slug: 'f',
      })
      await publishAt(wang, column, '2026-11-02T02:00:00Z', '公式栏目')
      const statistics = createStatistics(t.store, { now: () => new Date('2026-11-05T00:00:00Z') })
      const csv = statisticsCsv(await statistics.report(operator, t.site.id, { preset: 'this-month' }))
      expect(csv).toContain(`"'=HYPERLINK(""x"")",1`)
      expect(csv.split('\r\n')).toContain('王编辑,1')
    })
  })
}
