import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, type ApiResponse, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

async function lastAudit(t: AdminServer, action: string) {
  return t.store.db
    .selectFrom('audit_log')
    .select(['outcome', 'error_code', 'detail'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
}

for (const engine of engines()) {
  describe(`${engine.name}: ordering a column's articles by hand (排序)`, () => {
    const t = useAdminServer(engine)

    async function setUp() {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '示例市',
        baseUrl: 'https://simt.example.gov.cn',
      })
      const news = await t.content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'news' })
      const notices = await t.content.columns.create(operator, {
        siteId: site.id,
        name: '通知',
        slug: 'notices',
      })
      await t.addUser('admin', [{ role: 'site_admin', siteId: null }])
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id, columnId: notices.id }])
      const admin = await t.signedIn('admin')
      const ids: number[] = []
      for (const title of ['甲', '乙', '丙']) {
        ids.push((await admin.post('/api/articles', { columnId: news.id, title })).body.id)
      }
      const elsewhere = (await admin.post('/api/articles', { columnId: notices.id, title: '别处' })).body.id
      return { news, admin, ids, elsewhere }
    }

    it('saves the order an editor with write rights gives, reads it back and audits it', async () => {
      const { news, admin, ids } = await setUp()
      const order = [ids[2], ids[0], ids[1]]
      const saved = await admin.put(`/api/columns/${news.id}/order`, { articleIds: order })
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      expect(saved.body.articleIds).toEqual(order)
      expect((await admin.get(`/api/columns/${news.id}/order`)).body.articleIds).toEqual(order)
      expect(await lastAudit(t, 'column.orderArticles')).toMatchObject({ outcome: 'success' })

      const shorter = await admin.put(`/api/columns/${news.id}/order`, { articleIds: [ids[1]] })
      expect(shorter.status).toBe(200)
      expect((await admin.get(`/api/columns/${news.id}/order`)).body.articleIds).toEqual([ids[1]])
    })

    it('refuses an order from a user without write rights in the column, and keeps the old one', async () => {
      const { news, admin, ids } = await setUp()
      await admin.put(`/api/columns/${news.id}/order`, { articleIds: ids })
      const editor = await t.signedIn('bianji')
      expectError(
        await editor.put(`/api/columns/${news.id}/order`, { articleIds: [...ids].reverse() }),
        403,
        'FORBIDDEN',
      )
      expect(await lastAudit(t, 'column.orderArticles')).toMatchObject({
        outcome: 'failure',
        error_code: 'FORBIDDEN',
      })
      expectError(await editor.get(`/api/columns/${news.id}/order`), 403, 'FORBIDDEN')
      expect((await admin.get(`/api/columns/${news.id}/order`)).body.articleIds).toEqual(ids)
    })

    it('refuses articles of another column and an article listed twice, writing nothing', async () => {
      const { news, admin, ids, elsewhere } = await setUp()
      await admin.put(`/api/columns/${news.id}/order`, { articleIds: [ids[0]] })
      expectError(
        await admin.put(`/api/columns/${news.id}/order`, { articleIds: [ids[1], elsewhere] }),
        422,
        'VALIDATION_FAILED',
      )
      expectError(
        await admin.put(`/api/columns/${news.id}/order`, { articleIds: [ids[1], ids[1]] }),
        422,
        'VALIDATION_FAILED',
      )
      expectError(await admin.put('/api/columns/999999/order', { articleIds: [] }), 404, 'NOT_FOUND')
      expect((await admin.get(`/api/columns/${news.id}/order`)).body.articleIds).toEqual([ids[0]])
    })
  })
}
