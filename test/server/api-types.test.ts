import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { apiDocument, apiTypes } from '../../scripts/api-types.ts'
import { systemActor } from '../../src/content/index.ts'
import {
  articleSchema,
  linkingPageListSchema,
  revisionDiffSchema,
  revisionListSchema,
} from '../../src/server/article-response-schemas.ts'
import {
  calendarDayListSchema,
  mailboxHandlerListSchema,
  mailboxListSchema,
} from '../../src/server/interaction-response-schemas.ts'
import { importJobListSchema, publishJobSchema } from '../../src/server/job-response-schemas.ts'
import {
  articleListSchema,
  auditListSchema,
  columnSchema,
  columnTreeSchema,
  sessionStateSchema,
  sessionViewSchema,
  siteListSchema,
  siteSchema,
  siteSettingsSchema,
  templateSourceSchema,
  userListSchema,
} from '../../src/server/response-schemas.ts'
import {
  submissionListSchema,
  submissionTargetListSchema,
  topicListSchema,
  topicStarterListSchema,
} from '../../src/server/site-group-response-schemas.ts'
import {
  passwordPolicySchema,
  purgeResultSchema,
  searchTopSchema,
  synonymGroupsSchema,
  wordingCheckSchema,
} from '../../src/server/small-response-schemas.ts'
import { statisticsReportSchema } from '../../src/statistics/index.ts'
import { adoptionReportSchema } from '../../src/submissions/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

describe('the admin’s API types', () => {
  it('are what `npm run api:types` writes from the API as it is now', async () => {
    const committed = await readFile(new URL('../../admin/src/api-types.gen.ts', import.meta.url), 'utf8')
    const current = await apiTypes(await apiDocument())
    expect(committed, 'admin/src/api-types.gen.ts is out of date: run npm run api:types').toBe(current)
    expect(current).toContain("'GET /api/sites': { response: SiteList }")
  }, 60_000)
})

describe('the documented answers', () => {
  const t = useAdminServer(sqliteEngine)

  it('are what the API sends, every field of the services’ answers kept', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    await t.content.columns.create(operator, {
      siteId: site.id,
      parentId: column.id,
      name: '公示',
      slug: 'gs',
    })
    await t.content.articles.create(operator, { columnId: column.id, title: '关于调整办公时间的通知' })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    const client = await t.signedIn('zhanzhang')

    const state = (await client.get('/api/session/state')).body
    expect(sessionStateSchema.parse(state).session?.user.userName).toBe('zhanzhang')
    expect(sessionViewSchema.parse((await client.get('/api/session')).body).csrfToken).toBe(client.csrfToken)
    const sites = (await client.get('/api/sites')).body
    expect(siteListSchema.parse(sites).items.map((item) => item.slug)).toEqual(['shili'])
    // Fields the schema does not name still arrive (the sites tab reads them).
    expect(sites.items[0]).toMatchObject({ theme: site.theme, articleUrlPattern: site.articleUrlPattern })
    expect(siteSchema.parse((await client.get(`/api/sites/${site.id}`)).body).allowedActions).toContain(
      'manageSettings',
    )
    const changed = await client.patch(`/api/sites/${site.id}`, { sponsor: '示例市人民政府办公室' })
    expect(siteSettingsSchema.parse(changed.body).sponsor).toBe('示例市人民政府办公室')
    const tree = columnTreeSchema.parse((await client.get(`/api/sites/${site.id}/columns`)).body)
    expect(tree.roots[0]?.children.map((child) => child.name)).toEqual(['公示'])
    const articles = (await client.get(`/api/articles?site=${site.id}`)).body
    expect(articleListSchema.parse(articles).items.map((item) => item.title)).toEqual([
      '关于调整办公时间的通知',
    ])
    // A list item is a summary: the body is read with the article alone.
    expect(articles.items[0]).not.toHaveProperty('bodyHtml')
    const article = articleSchema.parse((await client.get(`/api/articles/${articles.items[0].id}`)).body)
    expect(article).toMatchObject({ title: '关于调整办公时间的通知', attachments: [], disclosure: null })
    await client.patch(`/api/articles/${article.id}`, {
      baseRevision: article.revision,
      title: '关于调整作息时间的通知',
    })
    const diff = revisionDiffSchema.parse(
      (
        await client.get(
          `/api/articles/${article.id}/diff?from=${article.revision}&to=${article.revision + 1}`,
        )
      ).body,
    )
    expect(diff.fields).toEqual([{ field: 'title', before: article.title, after: '关于调整作息时间的通知' }])
    expect((await client.delete(`/api/articles/${article.id}`)).status).toBe(204)
    const bin = articleListSchema.parse((await client.get(`/api/articles?site=${site.id}&deleted=true`)).body)
    expect(bin.items.map((item) => item.deletedBy)).toEqual(['zhanzhang'])

    // The small answers: search settings, a wording check, the password policy, a purge.
    expect(
      searchTopSchema.parse((await client.get(`/api/sites/${site.id}/search/top`)).body).popular,
    ).toEqual([])
    const synonyms = await client.put(`/api/sites/${site.id}/search/synonyms`, {
      groups: [['社保', '社会保险']],
    })
    expect(synonymGroupsSchema.parse(synonyms.body).groups).toEqual([['社保', '社会保险']])
    expect(
      synonymGroupsSchema.parse((await client.get(`/api/sites/${site.id}/search/synonyms`)).body).groups,
    ).toHaveLength(1)
    await client.post(`/api/sites/${site.id}/words`, { word: '最佳', kind: 'advertising', level: 'warn' })
    const check = await client.post(`/api/sites/${site.id}/words/check`, { title: '最佳办事体验' })
    expect(wordingCheckSchema.parse(check.body).hits.length).toBeGreaterThan(0)
    expect(
      passwordPolicySchema.parse((await t.client().get('/api/session/policy')).body).minLength,
    ).toBeGreaterThan(0)

    await t.addUser('xitong', [{ role: 'system_admin' }])
    const purge = await (await t.signedIn('xitong')).post('/api/recycle-bin/purge', { olderThanDays: 36_500 })
    expect(purgeResultSchema.parse(purge.body)).toEqual({ articles: 0, columns: 0 })
    const users = (await (await t.signedIn('xitong')).get('/api/users')).body
    expect(userListSchema.parse(users).items.map((user) => user.userName)).toContain('zhanzhang')
    await t.addUser('shenji', [{ role: 'audit_admin' }])
    const audit = (await (await t.signedIn('shenji')).get('/api/audit?limit=50')).body
    expect(auditListSchema.parse(audit).items.map((record) => record.action)).toContain('session.signIn')
  })

  it('describe the answers of the screens that read them: columns, revisions, templates, interaction, 信息报送, statistics, 专题', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    const article = await t.content.articles.create(operator, {
      columnId: column.id,
      title: '关于调整办公时间的通知',
    })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    const client = await t.signedIn('zhanzhang')
    const read = async (path: string) => {
      const answer = await client.get(path)
      expect(answer.status, path).toBe(200)
      return answer.body
    }
    expect(columnSchema.parse(await read(`/api/columns/${column.id}`))).toMatchObject({
      kind: 'list',
      linkUrl: null,
    })
    const revisions = revisionListSchema.parse(await read(`/api/articles/${article.id}/revisions`))
    expect(revisions.items.map((item) => item.revision)).toEqual([article.revision])
    expect(linkingPageListSchema.parse(await read(`/api/articles/${article.id}/linked-from`)).items).toEqual(
      [],
    )
    const template = templateSourceSchema.parse(await read(`/api/sites/${site.id}/templates/article.liquid`))
    expect(template).toMatchObject({ name: 'article.liquid', isCustomized: false })
    const created = await client.post(`/api/sites/${site.id}/mailboxes`, {
      slug: 'szxx',
      name: '市长信箱',
      kind: 'consultation',
    })
    expect(created.status).toBe(201)
    const mailboxes = mailboxListSchema.parse(await read(`/api/sites/${site.id}/mailboxes`))
    expect(mailboxes.map((mailbox) => mailbox.name)).toEqual(['市长信箱'])
    expect(mailboxHandlerListSchema.parse(await read(`/api/mailboxes/${created.body.id}/handlers`))).toEqual(
      [],
    )
    expect(calendarDayListSchema.parse(await read('/api/work-calendar/2026'))).toBeInstanceOf(Array)
    expect(submissionTargetListSchema.parse(await read(`/api/sites/${site.id}/submission-targets`))).toEqual(
      [],
    )
    expect(submissionListSchema.parse(await read(`/api/sites/${site.id}/submissions/outbox`))).toEqual([])
    expect(submissionListSchema.parse(await read(`/api/sites/${site.id}/submissions/inbox`))).toEqual([])
    const adoptions = adoptionReportSchema.parse(
      await read(`/api/sites/${site.id}/adoption-report?year=2026`),
    )
    expect(adoptions).toMatchObject({ year: 2026, total: 0 })
    const report = statisticsReportSchema.parse(
      await read(`/api/sites/${site.id}/statistics?preset=this-year`),
    )
    expect(report.site.slug).toBe('shili')
    const starters = topicStarterListSchema.parse(await read('/api/topic-starters'))
    expect(starters.items.length).toBeGreaterThan(0)
    expect(topicListSchema.parse(await read(`/api/sites/${site.id}/topics`)).items).toEqual([])
    const started = await client.post(`/api/sites/${site.id}/publish`, { mode: 'full' })
    expect(started.status).toBe(202)
    expect(publishJobSchema.parse(await read(`/api/jobs/${started.body.id}`)).siteId).toBe(site.id)
    expect(importJobListSchema.parse(await read(`/api/sites/${site.id}/import-jobs`)).items).toEqual([])
  })
})
