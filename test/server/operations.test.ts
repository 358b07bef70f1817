import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { PublishQueue } from '../../src/publish/index.ts'
import {
  publishPlanSchema,
  publishRunDetailSchema,
  publishRunListSchema,
} from '../../src/server/job-response-schemas.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines, sqliteEngine } from '../support/engines.ts'

const DIST = new URL('../../admin/dist/', import.meta.url).pathname

const operator = systemActor('cli:test')

describe('the admin UI’s files', () => {
  const unbuilt = useAdminServer(sqliteEngine, { adminUiRoot: '/nonexistent/admin/dist' })
  const built = useAdminServer(sqliteEngine, { adminUiRoot: DIST })

  it('points to the API while the admin UI is not built', async () => {
    const admin = await unbuilt.client().get('/admin/')
    expect(admin.status).toBe(200)
    expect(String(admin.body)).toContain('/api/docs')
  })

  it('serves the built UI with a fresh style nonce per load and the app for every path under /admin/', async () => {
    const client = built.client()
    const first = await client.get('/admin/')
    const deep = await client.get('/admin/articles/12')
    const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]
    const [one, two] = [
      nonceOf(first.headers.get('content-security-policy')),
      nonceOf(deep.headers.get('content-security-policy')),
    ]
    expect(one).toBeTruthy()
    expect(one).not.toBe(two)
    expect(first.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(String(first.body)).toContain(`content="${one}"`)
    expect(String(deep.body)).toContain('<div id="root">')
  })
})

for (const engine of engines()) {
  describe(`${engine.name}: running the server`, () => {
    const t = useAdminServer(engine)

    it('answers health and readiness checks', async () => {
      const client = t.client()
      expect((await client.get('/healthz')).body).toEqual({ status: 'ok' })
      expect((await client.get('/readyz')).body).toEqual({ status: 'ready' })
    })

    it('publishes a scheduled article when its time comes, from the server’s own loop', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://s.example.cn',
      })
      const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tzgg' })
      const draft = await t.content.articles.create(operator, {
        columnId: column.id,
        title: '定时发布的通知',
        publishAt: '2099-01-01 09:00',
      })
      expect((await t.content.articles.submit(operator, draft.id)).status).toBe('scheduled')
      await t.queue.runPending()
      expect((await t.content.articles.get(draft.id)).status).toBe('scheduled')
      // Time passes (the publish time is moved into the past) and the server restarts: its
      // first round fires what fell due while it was down.
      await t.store.db
        .updateTable('articles')
        .set({ publish_at: '2026-01-01T01:00:00.000Z' })
        .where('id', '=', draft.id)
        .execute()
      const restarted = new PublishQueue(t.content, t.publisher, {
        system: operator,
        onError: (error) => {
          throw error
        },
      })
      await restarted.runPending()
      const published = await t.content.articles.get(draft.id)
      expect(published.status).toBe('published')
      expect(existsSync(join(t.output, 'sites', 'simt', published.urlPath ?? 'missing'))).toBe(true)
    })

    it('shows a site’s publish runs to its administrator, and answers for another site’s run exactly as for one that does not exist', async () => {
      const mine = await t.content.sites.create(operator, {
        slug: 'mine',
        name: '本站',
        baseUrl: 'https://m.example.cn',
      })
      const other = await t.content.sites.create(operator, {
        slug: 'other',
        name: '他站',
        baseUrl: 'https://o.example.cn',
      })
      await t.content.columns.create(operator, { siteId: other.id, name: '通知', slug: 'tzgg' })
      const report = await t.publisher.publish({ site: other.id })
      await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: mine.id }])
      const admin = await t.signedIn('zhanzhang')
      const foreign = await admin.get(`/api/publish-runs/${report.runId}`)
      const missing = await admin.get('/api/publish-runs/999999')
      expect([foreign.status, missing.status]).toEqual([404, 404])
      expect(foreign.body.error.message).toBe(`任务不存在：${report.runId}`)
      expect(missing.body.error.message).toBe('任务不存在：999999')

      await t.addUser('tazhan', [{ role: 'site_admin', siteId: other.id }])
      const owner = await t.signedIn('tazhan')
      const runs = publishRunListSchema.parse((await owner.get('/api/sites/other/publish/runs')).body)
      expect(runs.items.map((run) => run.id)).toEqual([report.runId])
      const run = publishRunDetailSchema.parse((await owner.get(`/api/publish-runs/${report.runId}`)).body)
      expect(run).toMatchObject({ site_id: other.id, errors: 0, manifest: { failed: [] } })
      expect(run.manifest.added).toContain('tzgg/index.html')
      const plan = publishPlanSchema.parse((await owner.get('/api/sites/other/publish/plan?mode=full')).body)
      expect(plan.mode).toBe('full')
      expect(plan.pages).toContain('tzgg/index.html')
    })

    it('lets only a system administrator empty the recycle bin', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://s.example.cn',
      })
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      await t.addUser('xitong', [{ role: 'system_admin' }])
      const editor = await t.signedIn('bianji')
      expect((await editor.post('/api/recycle-bin/purge', { olderThanDays: 0 })).body.error.code).toBe(
        'FORBIDDEN',
      )
      const system = await t.signedIn('xitong')
      const purged = await system.post('/api/recycle-bin/purge', { olderThanDays: 0 })
      expect(purged.status).toBe(200)
      expect(purged.body).toEqual({ articles: 0, columns: 0 })
    })

    it('refuses a body over the limit with 413, saying the limit', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://s.example.cn',
      })
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('bianji')
      const huge = await editor.request(
        'POST',
        '/api/articles',
        JSON.stringify({ title: 'x'.repeat(7 * 1024 * 1024) }),
        {
          'accept-language': 'en',
        },
      )
      expect(huge.status).toBe(413)
      expect(huge.body.error).toEqual({
        code: 'TOO_LARGE',
        message: 'the request body exceeds the limit of 6 MB',
      })
    })
  })
}
