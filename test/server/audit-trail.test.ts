import type { FastifyRequest } from 'fastify'
import { describe, expect, it } from 'vitest'
import { type AuditRecord, systemActor } from '../../src/content/index.ts'
import { CsrfRefusalLog } from '../../src/server/csrf-refusal-log.ts'
import { type AdminServer, PASSWORD, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

async function siteWithArticle(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计量院',
    baseUrl: 'https://simt.example.gov.cn',
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'news' })
  const article = await t.content.articles.create(operator, { columnId: column.id, title: '通知' })
  await t.content.articles.publish(operator, article.id)
  return site
}

/** The newest records of an action, waiting a little for ones written after the response. */
async function recordsOf(t: AdminServer, action: string, atLeast = 1): Promise<readonly AuditRecord[]> {
  for (let tries = 0; ; tries++) {
    const records = await t.content.audit.list({ action })
    if (records.length >= atLeast || tries >= 100) return records
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

for (const engine of engines()) {
  describe(`${engine.name}: what the audit log records of the admin API`, () => {
    const t = useAdminServer(engine)

    it('records a publish started by hand, and how it ended, with its counts', {
      timeout: 120_000,
    }, async () => {
      const site = await siteWithArticle(t)
      const userId = await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
      const admin = await t.signedIn('zhanzhang')
      const started = await admin.post('/api/sites/simt/publish', { mode: 'full' })
      expect(started.status, JSON.stringify(started.body)).toBe(202)
      const jobId = started.body.id

      const [start] = await recordsOf(t, 'publish.start')
      expect(start).toMatchObject({
        actor: `zhanzhang (user:${userId})`,
        address: '127.0.0.1',
        targetType: 'site',
        targetId: String(site.id),
        outcome: 'success',
        detail: { mode: 'full', jobId },
      })
      let job = (await admin.get(`/api/jobs/${jobId}`)).body
      for (let tries = 0; job.status === 'queued' || job.status === 'running'; tries++) {
        expect(tries).toBeLessThan(600)
        await new Promise((resolve) => setTimeout(resolve, 100))
        job = (await admin.get(`/api/jobs/${jobId}`)).body
      }
      expect(job.status).toBe('succeeded')
      const [finish] = await recordsOf(t, 'publish.finish')
      expect(finish).toMatchObject({
        actor: `zhanzhang (user:${userId})`,
        targetId: String(site.id),
        outcome: 'success',
        detail: {
          jobId,
          status: 'succeeded',
          written: job.result.written,
          unchanged: job.result.unchanged,
          removed: 0,
          errors: 0,
          runId: job.result.runId,
        },
      })
      expect(job.result.written).toBeGreaterThan(0)
      expect(await t.content.audit.verify()).toMatchObject({ isIntact: true })
    })

    it('records each read of the audit log by the audit administrator, with the filters, and each export', async () => {
      await siteWithArticle(t)
      const userId = await t.addUser('shenji', [{ role: 'audit_admin' }])
      const auditor = await t.signedIn('shenji')
      const listed = await auditor.get('/api/audit?action=article.publish&limit=5')
      expect(listed.status, JSON.stringify(listed.body)).toBe(200)
      expect(listed.body.items).toHaveLength(1)
      const exported = await auditor.get('/api/audit/export.csv?action=site.create')
      expect(exported.status).toBe(200)
      expect(exported.headers.get('content-disposition')).toBe('attachment; filename="fabu-audit.csv"')

      const [read] = await recordsOf(t, 'audit.list')
      expect(read).toMatchObject({
        actor: `shenji (user:${userId})`,
        address: '127.0.0.1',
        targetType: 'audit',
        outcome: 'success',
        detail: { filters: { action: 'article.publish', limit: 5 }, count: 1 },
      })
      const [exportRecord] = await recordsOf(t, 'audit.export')
      expect(exportRecord).toMatchObject({
        actor: `shenji (user:${userId})`,
        detail: { filters: { action: 'site.create', limit: 1000 }, count: 1 },
      })
      // The export the auditor got is itself in the log the next auditor reads.
      const next = await auditor.get('/api/audit?limit=3')
      expect(next.body.items.map((record: AuditRecord) => record.action)).toEqual([
        'audit.export',
        'audit.list',
        'session.signIn',
      ])
    })

    it('records a refused CSRF check with who, from where, the method and the path, a few per address', async () => {
      const site = await siteWithArticle(t)
      const userId = await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('bianji')
      editor.csrfToken = ''
      const refused = await editor.request('PATCH', '/api/articles/1?x=1', { baseRevision: 1, title: '伪造' })
      expect(refused.status, JSON.stringify(refused.body)).toBe(403)
      const [record] = await recordsOf(t, 'csrf.refuse')
      expect(record).toMatchObject({
        actor: `bianji (user:${userId})`,
        address: '127.0.0.1',
        action: 'csrf.refuse',
        targetType: 'route',
        targetId: 'PATCH /api/articles/1',
        outcome: 'failure',
        errorCode: 'CSRF_FAILED',
        detail: { method: 'PATCH', path: '/api/articles/1' },
      })

      // A flood from one address leaves a handful of records, not one each.
      for (let i = 0; i < 30; i++) {
        const forged = await editor.request('PATCH', '/api/articles/1', { baseRevision: 1, title: `${i}` })
        expect(forged.status, JSON.stringify(forged.body)).toBe(403)
      }
      expect(await recordsOf(t, 'csrf.refuse', 6)).toHaveLength(5)
    })

    it('counts the refusals it did not record into the address’s next record, once the window has passed', async () => {
      const site = await siteWithArticle(t)
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const { session } = await t.accounts.sessions.signIn({ userName: 'bianji', password: PASSWORD }, where)
      const log = new CsrfRefusalLog(t.store, { perAddress: 2, total: 3, windowMs: 60_000 })
      const from = (ip: string) =>
        ({ ip, method: 'POST', url: '/api/articles', headers: {} }) as FastifyRequest
      for (let i = 0; i < 5; i++) await log.refused(from('198.51.100.1'), session, 1_000)
      // Many addresses together stop at the total.
      for (let i = 0; i < 5; i++) await log.refused(from(`203.0.113.${i}`), session, 1_000)
      expect(await recordsOf(t, 'csrf.refuse', 4)).toHaveLength(3)
      await log.refused(from('198.51.100.1'), session, 62_000)
      const [latest] = await recordsOf(t, 'csrf.refuse', 4)
      expect(latest).toMatchObject({ detail: { unrecordedBefore: 3 } })
    })
  })
}

const where = { address: '127.0.0.1', userAgent: 'test' }
