import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, type ApiClient, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')
const CHINESE = /[\u4e00-\u9fff]/

/** What a refusal must leave as it was: every table these routes write to. */
async function tableCounts(t: AdminServer) {
  const tables = [
    'sites',
    'columns',
    'articles',
    'submissions',
    'submission_sources',
    'column_article_order',
  ] as const
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await t.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

async function groupOfSites(t: AdminServer) {
  const site = (slug: string, name: string) =>
    t.content.sites.create(operator, { slug, name, baseUrl: `https://${slug}.example.gov.cn` })
  const city = await site('city', '市政府')
  const county = await site('county', '县政府')
  const town = await site('town', '镇政府')
  const news = await t.content.columns.create(operator, { siteId: city.id, name: '要闻', slug: 'yw' })
  const notices = await t.content.columns.create(operator, { siteId: city.id, name: '通知', slug: 'tz' })
  const local = await t.content.columns.create(operator, { siteId: county.id, name: '动态', slug: 'dt' })
  const townNews = await t.content.columns.create(operator, { siteId: town.id, name: '镇动态', slug: 'zdt' })
  const countyArticle = await t.content.articles.create(operator, { columnId: local.id, title: '县里的消息' })
  const townArticle = await t.content.articles.create(operator, {
    columnId: townNews.id,
    title: '镇里的消息',
  })
  const cityArticle = await t.content.articles.create(operator, { columnId: news.id, title: '市里的消息' })
  await t.addUser('cityadmin', [{ role: 'site_admin', siteId: city.id }])
  await t.addUser('cityeditor', [{ role: 'editor', siteId: city.id, columnId: news.id }])
  await t.addUser('cityreviewer', [{ role: 'reviewer', siteId: city.id }])
  await t.addUser('countyeditor', [{ role: 'editor', siteId: county.id }])
  await t.addUser('countyadmin', [{ role: 'site_admin', siteId: county.id }])
  await t.addUser('towneditor', [{ role: 'editor', siteId: town.id }])
  const users = {
    cityAdmin: await t.signedIn('cityadmin'),
    cityEditor: await t.signedIn('cityeditor'),
    cityReviewer: await t.signedIn('cityreviewer'),
    countyEditor: await t.signedIn('countyeditor'),
    countyAdmin: await t.signedIn('countyadmin'),
    townEditor: await t.signedIn('towneditor'),
  }
  const opened = await users.cityAdmin.put(`/api/columns/${news.id}/submission-sources`, {
    siteIds: [county.id],
  })
  expect(opened.status, JSON.stringify(opened.body)).toBe(200)
  const sent = await users.countyEditor.post('/api/submissions', {
    articleId: countyArticle.id,
    columnId: news.id,
    note: '请审阅',
  })
  expect(sent.status, JSON.stringify(sent.body)).toBe(201)
  return {
    city,
    county,
    town,
    news,
    notices,
    countyArticle,
    townArticle,
    cityArticle,
    submissionId: sent.body.id as number,
    users,
  }
}

interface Attack {
  readonly what: string
  readonly as: ApiClient
  readonly method: 'GET' | 'POST' | 'PUT'
  readonly path: string
  readonly body?: unknown
  readonly status: number
  readonly code: string
  /** The audit action its refusal is recorded under (`site.get` where the route looks the site up first). */
  readonly audited: string
}

for (const engine of engines()) {
  describe(`${engine.name}: 信息报送, 排序, 复制, 专题 and statistics refused to whoever may not`, () => {
    const t = useAdminServer(engine)

    it('answers each attempt with its status and code in both languages, writes nothing and audits the refusal', {
      timeout: 120_000,
    }, async () => {
      const g = await groupOfSites(t)
      const { users } = g
      const attacks: Attack[] = [
        {
          what: 'submit to a column the receiving site has not opened to the unit',
          as: users.countyEditor,
          method: 'POST',
          path: '/api/submissions',
          body: { articleId: g.countyArticle.id, columnId: g.notices.id },
          status: 403,
          code: 'SUBMISSION_COLUMN_CLOSED',
          audited: 'submission.submit',
        },
        {
          what: "submit another site's article",
          as: users.countyEditor,
          method: 'POST',
          path: '/api/submissions',
          body: { articleId: g.townArticle.id, columnId: g.news.id },
          status: 404,
          code: 'NOT_FOUND',
          audited: 'submission.submit',
        },
        {
          what: "submit the receiving site's own article to itself",
          as: users.cityAdmin,
          method: 'POST',
          path: '/api/submissions',
          body: { articleId: g.cityArticle.id, columnId: g.news.id },
          status: 403,
          code: 'SUBMISSION_COLUMN_CLOSED',
          audited: 'submission.submit',
        },
        ...(['adopt', 'return', 'ignore'] as const).flatMap((decision) =>
          [users.townEditor, users.countyAdmin, users.cityReviewer].map((as) => ({
            what: `${decision} as an editor who does not edit the target column`,
            as,
            method: 'POST' as const,
            path: `/api/submissions/${g.submissionId}/${decision}`,
            body: decision === 'return' ? { reason: '不采用' } : {},
            status: 403,
            code: 'SUBMISSION_NOT_YOURS',
            audited: `submission.${decision}`,
          })),
        ),
        {
          what: "read another site's inbox",
          as: users.townEditor,
          method: 'GET',
          path: '/api/sites/city/submissions/inbox',
          status: 404,
          code: 'NOT_FOUND',
          audited: 'site.get',
        },
        {
          what: "read another site's outbox",
          as: users.townEditor,
          method: 'GET',
          path: '/api/sites/county/submissions/outbox',
          status: 404,
          code: 'NOT_FOUND',
          audited: 'site.get',
        },
        {
          what: "read another site's adoption report",
          as: users.countyEditor,
          method: 'GET',
          path: '/api/sites/city/adoption-report?year=2026',
          status: 404,
          code: 'NOT_FOUND',
          audited: 'site.get',
        },
        {
          what: "export another site's adoption report",
          as: users.countyEditor,
          method: 'GET',
          path: '/api/sites/city/adoption-report/export?year=2026&format=csv',
          status: 404,
          code: 'NOT_FOUND',
          audited: 'site.get',
        },
        {
          what: "read another site's statistics",
          as: users.countyAdmin,
          method: 'GET',
          path: `/api/sites/${g.city.id}/statistics`,
          status: 404,
          code: 'NOT_FOUND',
          audited: 'statistics.read',
        },
        {
          what: "export another site's statistics",
          as: users.countyEditor,
          method: 'GET',
          path: `/api/sites/${g.city.id}/statistics/export/csv`,
          status: 404,
          code: 'NOT_FOUND',
          audited: 'statistics.read',
        },
        {
          what: "read the statistics of one's own site as an editor",
          as: users.cityEditor,
          method: 'GET',
          path: `/api/sites/${g.city.id}/statistics`,
          status: 403,
          code: 'FORBIDDEN',
          audited: 'statistics.read',
        },
        {
          what: 'read the statistics of every site as one site’s administrator',
          as: users.cityAdmin,
          method: 'GET',
          path: '/api/statistics/sites',
          status: 403,
          code: 'FORBIDDEN',
          audited: 'statistics.readGroup',
        },
        {
          what: 'open a column of another site to submissions',
          as: users.countyAdmin,
          method: 'PUT',
          path: `/api/columns/${g.news.id}/submission-sources`,
          body: { siteIds: [g.county.id, g.town.id] },
          status: 403,
          code: 'FORBIDDEN',
          audited: 'submission.sources',
        },
        {
          what: 'order the articles of a column of another site',
          as: users.townEditor,
          method: 'PUT',
          path: `/api/columns/${g.news.id}/order`,
          body: { articleIds: [g.cityArticle.id] },
          status: 404,
          code: 'NOT_FOUND',
          audited: 'column.orderArticles',
        },
        {
          what: 'order the articles of a column one only reviews',
          as: users.cityReviewer,
          method: 'PUT',
          path: `/api/columns/${g.news.id}/order`,
          body: { articleIds: [g.cityArticle.id] },
          status: 403,
          code: 'FORBIDDEN',
          audited: 'column.orderArticles',
        },
        {
          what: 'copy an article into a site one may not write to',
          as: users.countyEditor,
          method: 'POST',
          path: `/api/articles/${g.countyArticle.id}/copy`,
          body: { columnId: g.news.id },
          status: 404,
          code: 'NOT_FOUND',
          audited: 'article.copy',
        },
        {
          what: 'copy an article into a column of one’s site one does not edit',
          as: users.cityEditor,
          method: 'POST',
          path: `/api/articles/${g.cityArticle.id}/copy`,
          body: { columnId: g.notices.id },
          status: 403,
          code: 'FORBIDDEN',
          audited: 'article.copy',
        },
        {
          what: "copy another site's article",
          as: users.cityEditor,
          method: 'POST',
          path: `/api/articles/${g.townArticle.id}/copy`,
          body: { columnId: g.news.id },
          status: 404,
          code: 'NOT_FOUND',
          audited: 'article.copy',
        },
        {
          what: 'create a 专题 as an editor',
          as: users.cityEditor,
          method: 'POST',
          path: '/api/topics',
          body: { siteId: g.city.id, starter: 'standard', name: '专题', slug: 'zt' },
          status: 403,
          code: 'FORBIDDEN',
          audited: 'topic.create',
        },
        {
          what: 'create a 专题 in another site as its neighbour’s administrator',
          as: users.countyAdmin,
          method: 'POST',
          path: '/api/topics',
          body: { siteId: g.city.id, starter: 'standard', name: '专题', slug: 'zt' },
          status: 404,
          code: 'NOT_FOUND',
          audited: 'topic.create',
        },
      ]

      const before = await tableCounts(t)
      const auditBefore = await t.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirstOrThrow()
      for (const attack of attacks) {
        const messages: Record<string, string> = {}
        for (const language of ['zh-CN', 'en']) {
          const answer = await attack.as.request(attack.method, attack.path, attack.body, {
            'accept-language': language,
          })
          expect(answer.status, `${attack.what}: ${JSON.stringify(answer.body)}`).toBe(attack.status)
          expect(answer.body?.error?.code, attack.what).toBe(attack.code)
          messages[language] = answer.body.error.message
        }
        expect(messages['zh-CN'], attack.what).toMatch(CHINESE)
        // The English one may quote a Chinese name (of a column), but is written in English.
        expect(messages.en, attack.what).toMatch(/[a-z]{3,} [a-z]{2,}/)
        expect(messages.en, attack.what).not.toBe(messages['zh-CN'])
      }
      expect(await tableCounts(t)).toEqual(before)
      const submission = await t.store.db
        .selectFrom('submissions')
        .select(['status', 'decided_by', 'reason', 'adopted_article_id'])
        .executeTakeFirstOrThrow()
      expect(submission).toEqual({
        status: 'pending',
        decided_by: null,
        reason: null,
        adopted_article_id: null,
      })
      expect(
        (
          await t.store.db
            .selectFrom('submission_sources')
            .select('source_site_id')
            .where('column_id', '=', g.news.id)
            .execute()
        ).map((row) => row.source_site_id),
      ).toEqual([g.county.id])

      const audit = await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'error_code'])
        .where('id', '>', Number(auditBefore.last))
        .orderBy('id')
        .execute()
      expect(audit.filter((row) => row.outcome === 'success')).toEqual([])
      for (const attack of attacks) {
        const recorded = audit.filter(
          (row) => row.action === attack.audited && row.error_code === attack.code,
        )
        expect(recorded.length, `${attack.what} is audited`).toBeGreaterThanOrEqual(2)
      }
    })
  })
}
