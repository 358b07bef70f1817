import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')
const DEADLINE_MS = 1_500

async function siteWithColumn(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '上海市计量测试技术研究院',
    baseUrl: 'https://www.simt.com.cn',
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知公告', slug: 'tzgg' })
  await t.addUser('editor', [{ role: 'site_admin', siteId: site.id }])
  return { site, column, editor: await t.signedIn('editor') }
}

/**
 * Turns the quotes (引用) table into a view that counts to thirty million before it answers, so
 * that a list which reads quotes (any list with rows) runs for seconds inside SQLite, where
 * JavaScript cannot interrupt it, as the costliest real list would; an empty list reads none.
 */
function makeQuotesHeavy(sqlitePath: string): void {
  const db = new DatabaseSync(sqlitePath)
  db.exec(`alter table article_columns rename to article_columns_stored;
    create view article_columns as
      select article_id, column_id from article_columns_stored
      union all
      select max(x), 0 from (with recursive n(x) as (select 1 union all select x + 1 from n where x < 30000000)
        select x from n)`)
  db.close()
}

describe("SQLite: the admin's article list read in reader threads", () => {
  const t = useAdminServer(sqliteEngine, { listReaders: { deadlineMs: DEADLINE_MS } })

  it('shows an editor what they just saved, moved, deleted and restored, with the right 共 N 篇', async () => {
    const { site, column, editor } = await siteWithColumn(t)
    const list = async (query = '') => {
      const response = await editor.get(`/api/articles?site=${site.id}${query}`)
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      return {
        titles: response.body.items.map((item: { title: string }) => item.title),
        total: response.body.total,
      }
    }
    expect(await list()).toEqual({ titles: [], total: 0 })

    const created = await editor.post('/api/articles', { columnId: column.id, title: '计量检定通知' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(await list()).toEqual({ titles: ['计量检定通知'], total: 1 })

    const renamed = await editor.patch(`/api/articles/${created.body.id}`, {
      baseRevision: created.body.revision,
      title: '校准通知',
    })
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    expect(await list()).toEqual({ titles: ['校准通知'], total: 1 })
    expect(await list(`&text=${encodeURIComponent('计量')}`)).toEqual({ titles: [], total: 0 })

    expect((await editor.delete(`/api/articles/${created.body.id}`)).status).toBe(204)
    expect(await list()).toEqual({ titles: [], total: 0 })
    expect(await list('&deleted=true')).toEqual({ titles: ['校准通知'], total: 1 })

    expect((await editor.post(`/api/articles/${created.body.id}/restore`)).status).toBe(200)
    expect(await list()).toEqual({ titles: ['校准通知'], total: 1 })
    expect(await list('&deleted=true')).toEqual({ titles: [], total: 0 })
  })

  it("answers a second editor's list while a first editor's list runs for seconds, and stops that one with LIST_TIMEOUT", async () => {
    const { site, column, editor } = await siteWithColumn(t)
    await t.content.articles.create(operator, { columnId: column.id, title: '计量检定通知' })
    makeQuotesHeavy(t.store.sqlitePath ?? '')
    await t.addUser('second', [{ role: 'site_admin', siteId: site.id }])
    const second = await t.signedIn('second')

    const order: string[] = []
    const slow = editor
      .request('GET', `/api/articles?site=${site.id}`, undefined, { 'accept-language': 'en' })
      .then((response) => {
        order.push('slow answered')
        return response
      })
    const quick = await second.get(`/api/articles?site=${site.id}&deleted=true`)
    order.push('quick answered')
    expect(quick.status, JSON.stringify(quick.body)).toBe(200)
    expect(quick.body.total).toBe(0)

    const stopped = await slow
    expect(order).toEqual(['quick answered', 'slow answered'])
    expect(stopped.status).toBe(503)
    expect(stopped.headers.get('retry-after')).toBe('5')
    expect(stopped.body.error).toEqual({
      code: 'LIST_TIMEOUT',
      message:
        'the article list took over 1.5 s and was cancelled; use more specific words, or narrow it by column, status or date',
    })
    // The same in Chinese, and the server still answers afterwards.
    const inChinese = await editor.get(`/api/articles?site=${site.id}`)
    expect(inChinese.status).toBe(503)
    expect(inChinese.body.error).toEqual({
      code: 'LIST_TIMEOUT',
      message: '文章列表超过 1.5 秒未读出，已取消；请换用更具体的词，或按栏目、状态、日期缩小范围',
    })
    expect((await second.get(`/api/articles?site=${site.id}&deleted=true`)).status).toBe(200)
  }, 30_000)
})
