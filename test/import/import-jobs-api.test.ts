import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, PASSWORD } from '../support/admin-server.ts'
import { engines, freshPostgresUrl } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe } from '../support/serve-process.ts'
import { type FixtureServer, serveFixture } from './support/fixture-server.ts'
import { slowSite } from './support/slow-site.ts'

const NEW_PASSWORD = 'Daoru#2026site'

/** Polls `read` until `isDone` holds for what it returns, or the time is up. */
async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await read()
    if (isDone(value) || Date.now() > end) return value
    await new Promise((done) => setTimeout(done, 200))
  }
}

for (const engine of engines()) {
  describe(`${engine.name}: importing a website from the admin`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv
    let old: FixtureServer
    let server: ServeProcess
    let admin: ApiClient
    const fabu = (...args: string[]) => runFabu(folder, env, ...args)
    const changed = new Set<string>()

    async function signIn(userName: string): Promise<ApiClient> {
      const client = new ApiClient(server.adminUrl)
      const first = await client.signIn(userName, changed.has(userName) ? NEW_PASSWORD : PASSWORD)
      expect(first.status, JSON.stringify(first.body)).toBe(201)
      changed.add(userName)
      if (first.body.mustChangePassword) {
        const changed = await client.post('/api/session/password', {
          currentPassword: PASSWORD,
          newPassword: NEW_PASSWORD,
        })
        expect(changed.status).toBe(204)
      }
      return client
    }

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-import-jobs-'))
      env = { ...process.env, DATABASE_URL: engine.name === 'postgres' ? await freshPostgresUrl() : '' }
      // 40 articles, 150 ms each at concurrency 1: about six seconds, long enough to watch.
      old = await serveFixture(slowSite(40, 150))
      await fabu('init')
      await writeFile(join(folder, 'fabu.toml'), `[import]\nallowed_private_origins = ["${old.origin}"]\n`)
      for (const slug of ['old', 'other']) {
        const created = await fabu(
          'site',
          'create',
          '--slug',
          slug,
          '--name',
          '某某局',
          '--base-url',
          `https://${slug}.example.gov.cn/`,
        )
        expect(created.code, created.stderr).toBe(0)
      }
      await writeFile(join(folder, 'pw'), PASSWORD)
      for (const [user, role] of [
        ['zhanzhang', 'site_admin'],
        ['bianji', 'editor'],
      ] as const) {
        const added = await fabu(
          'user',
          'add',
          user,
          '--role',
          role,
          '--site',
          'old',
          '--password-file',
          join(folder, 'pw'),
        )
        expect(added.code, added.stderr).toBe(0)
      }
      server = await startServe(folder, env, 'old')
      admin = await signIn('zhanzhang')
    }, 120_000)
    afterAll(async () => {
      await server?.stop()
      await old?.close()
      await rm(folder, { recursive: true, force: true })
    })

    it('shows the counts grow while the import runs, the same job after a reload, and the report at the end', async () => {
      const started = await admin.post('/api/sites/old/import-jobs', {
        url: `${old.origin}/`,
        concurrency: 1,
      })
      expect(started.status, JSON.stringify(started.body)).toBe(202)
      expect(started.body).toMatchObject({
        state: 'queued',
        options: { url: `${old.origin}/`, concurrency: 1 },
      })
      const id = started.body.id

      // A second client (another tab) gets its answers at once while the import crawls.
      const other = await signIn('zhanzhang')
      const t0 = performance.now()
      const sites = await other.get('/api/sites')
      expect(sites.status).toBe(200)
      expect(performance.now() - t0).toBeLessThan(2000)

      const partway = await until(
        () => admin.get(`/api/sites/old/import-jobs/${id}`),
        (r) => (r.body.counts?.imported ?? 0) >= 3,
      )
      expect(partway.body.state).toBe('running')
      expect(partway.body.counts.imported).toBeGreaterThanOrEqual(3)
      expect(partway.body.counts.imported).toBeLessThan(40)

      // Starting a second import into the same site is refused while this one runs.
      const twice = await admin.post('/api/sites/old/import-jobs', { url: `${old.origin}/` })
      expect(twice.status).toBe(409)
      expect(twice.body.error.code).toBe('IMPORT_RUNNING')

      // A reload: a fresh client lists the jobs and finds this one running with its counts.
      const reloaded = await signIn('zhanzhang')
      const listed = await reloaded.get('/api/sites/old/import-jobs')
      expect(listed.body.items[0]).toMatchObject({ id, startedBy: { name: 'zhanzhang' } })
      expect(['running', 'finished']).toContain(listed.body.items[0].state)

      const done = await until(
        () => admin.get(`/api/sites/old/import-jobs/${id}`),
        (r) => r.body.state !== 'running' && r.body.state !== 'queued',
        90_000,
      )
      expect(done.body.state, JSON.stringify(done.body)).toBe('finished')
      expect(done.body.counts.imported).toBe(40)
      expect(done.body.result).toMatchObject({ isComplete: true })

      const rows = await admin.get(`/api/sites/old/import-jobs/${id}/rows?outcome=imported&limit=5`)
      expect(rows.body.total).toBe(40)
      expect(rows.body.items[0]).toMatchObject({ kind: 'article', outcome: 'imported' })
      const csv = await admin.get(`/api/sites/old/import-jobs/${id}/report.csv`)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="fabu-import-${id}.csv"`)
      expect(String(csv.body)).toContain('关于第1项工作的通知')

      // The articles came in as the administrator who started the job.
      const audit = await fabu('audit', 'list', '--json', '--limit', '200')
      const actions = JSON.parse(audit.stdout) as { action: string; actor: string }[]
      expect(actions.find((entry) => entry.action === 'import.start')?.actor).toBe('zhanzhang (user:1)')
      expect(actions.find((entry) => entry.action === 'import.run')?.actor).toBe('zhanzhang (user:1)')
    }, 150_000)

    it('stops a job on cancel, and goes on from where it stopped on resume', async () => {
      const slow = await serveFixture(slowSite(40, 300))
      try {
        // Allowed for this test only by a site administrator of the config: here the other origin.
        const refused = await admin.post('/api/sites/old/import-jobs', { url: `${slow.origin}/` })
        expect(refused.status).toBe(403)
        expect(refused.body.error.code).toBe('IMPORT_ORIGIN_REFUSED')
        const localhost = await admin.post('/api/sites/old/import-jobs', {
          url: 'http://localhost:9/',
        })
        expect(localhost.body.error.code).toBe('IMPORT_ORIGIN_REFUSED')
        const metadata = await admin.post('/api/sites/old/import-jobs', {
          url: 'http://169.254.169.254/latest/',
        })
        expect(metadata.body.error.code).toBe('IMPORT_ORIGIN_REFUSED')

        const started = await admin.post('/api/sites/old/import-jobs', {
          url: `${old.origin}/`,
          concurrency: 1,
          since: '2020-01-01',
        })
        expect(started.status, JSON.stringify(started.body)).toBe(202)
        const cancelled = await admin.post(`/api/sites/old/import-jobs/${started.body.id}/cancel`)
        expect(cancelled.status).toBe(200)
        expect(cancelled.body.state).toBe('cancelled')
        // A later look still says cancelled: the process that was stopped does not revive it.
        await new Promise((done) => setTimeout(done, 1000))
        expect((await admin.get(`/api/sites/old/import-jobs/${started.body.id}`)).body.state).toBe(
          'cancelled',
        )

        const resumed = await admin.post(`/api/sites/old/import-jobs/${started.body.id}/resume`)
        expect(resumed.status, JSON.stringify(resumed.body)).toBe(202)
        expect(resumed.body.options).toMatchObject({ resumes: true, url: `${old.origin}/` })
        const done = await until(
          () => admin.get(`/api/sites/old/import-jobs/${resumed.body.id}`),
          (r) => r.body.state !== 'running' && r.body.state !== 'queued',
          90_000,
        )
        expect(done.body.state).toBe('finished')
        // Everything came in by the first test; a second run finds the articles unchanged.
        expect(done.body.counts.imported ?? 0).toBe(0)
      } finally {
        await slow.close()
      }
    }, 150_000)

    it('lets only one of two imports started at the same moment run', async () => {
      const [a, b] = await Promise.all([
        admin.post('/api/sites/old/import-jobs', { url: `${old.origin}/`, isDryRun: true, concurrency: 1 }),
        admin.post('/api/sites/old/import-jobs', { url: `${old.origin}/`, isDryRun: true, concurrency: 1 }),
      ])
      expect([a.status, b.status].sort()).toEqual([202, 409])
      const refused = a.status === 409 ? a : b
      expect(refused.body.error.code).toBe('IMPORT_RUNNING')
      const started = a.status === 202 ? a : b
      const done = await until(
        () => admin.get(`/api/sites/old/import-jobs/${started.body.id}`),
        (r) => r.body.state !== 'running' && r.body.state !== 'queued',
        90_000,
      )
      // A dry run of a site imported already: everything is unchanged, nothing would come in.
      expect(done.body.state).toBe('finished')
      expect(done.body.counts.unchanged).toBe(40)
    }, 150_000)

    it("refuses an editor, who is not the site's administrator", async () => {
      const editor = await signIn('bianji')
      const refused = await editor.post('/api/sites/old/import-jobs', { url: `${old.origin}/` })
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('FORBIDDEN')
      expect((await editor.get('/api/sites/old/import-jobs')).status).toBe(403)
    })

    it('marks a job interrupted when the server stopped during it, and resumes it after the restart', async () => {
      const started = await admin.post('/api/sites/other/import-jobs', {
        url: `${old.origin}/`,
        concurrency: 1,
      })
      // zhanzhang manages "old" only: the other site is not even shown to them.
      expect(started.status).toBe(404)
      const job = await admin.post('/api/sites/old/import-jobs', { url: `${old.origin}/`, concurrency: 1 })
      expect(job.status).toBe(202)
      await until(
        () => admin.get(`/api/sites/old/import-jobs/${job.body.id}`),
        (r) => r.body.state === 'running',
      )
      await server.stop()
      server = await startServe(folder, env, 'old')
      admin = await signIn('zhanzhang')
      const after = await admin.get(`/api/sites/old/import-jobs/${job.body.id}`)
      expect(after.body.state).toBe('interrupted')
      expect(after.body.error.code).toBe('JOB_INTERRUPTED')
      const resumed = await admin.post(`/api/sites/old/import-jobs/${job.body.id}/resume`)
      expect(resumed.status).toBe(202)
      const done = await until(
        () => admin.get(`/api/sites/old/import-jobs/${resumed.body.id}`),
        (r) => r.body.state !== 'running' && r.body.state !== 'queued',
        90_000,
      )
      expect(done.body.state).toBe('finished')
    }, 150_000)
  })
}
