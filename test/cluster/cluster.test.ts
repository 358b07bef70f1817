import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  backlog,
  EditorClient,
  type FabuProcess,
  fileTree,
  runFabu,
  seedCluster,
  startFabu,
} from '../../bench/cluster-harness.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { freshPostgresUrl } from '../support/engines.ts'

// The full size (20 sites of 2,000 articles) is `npm run bench:cluster`; the suite runs this.
const SITES = 4
const ARTICLES = 60
const EDITING_MS = 30_000
const KILL_EVERY_MS = 3_000
/** A job running longer than this at the end counts as stuck (a publish here takes seconds). */
const STUCK_SECONDS = 120

/**
 * What may differ between the cluster's output and a clean single-process full publish of the
 * same database. `.fabu-tmp/` is where pages are written before their atomic rename: a worker
 * killed between the two leaves its half-finished file there, never under a page's own name,
 * and the next publish clears it; it is not served (docs/deploy.md's nginx denies dot paths).
 */
const isScratch = (path: string) => path.startsWith('.fabu-tmp')

describe('a cluster of two servers and three workers on PostgreSQL', () => {
  let data: string
  let env: NodeJS.ProcessEnv
  let store: Store
  let slugs: string[]
  const servers: FabuProcess[] = []
  const workers: FabuProcess[] = []

  beforeAll(async () => {
    const databaseUrl = await freshPostgresUrl()
    data = await mkdtemp(join(tmpdir(), 'fabu-cluster-'))
    // Both editors and the test's own reads come from 127.0.0.1: the admin API's limit per
    // address, counted across the servers on PostgreSQL, would refuse them after 1,200 a minute.
    await writeFile(join(data, 'fabu.toml'), '[server]\napi_requests_per_minute = 1000000\n')
    env = { ...process.env, DATABASE_URL: databaseUrl, FABU_DAILY_CHECK: 'off' }
    slugs = await seedCluster(databaseUrl, SITES, ARTICLES)
    store = await openStore({ databaseUrl })
    servers.push(...(await Promise.all([startFabu('serve', data, env), startFabu('serve', data, env)])))
    workers.push(...(await Promise.all([0, 1, 2].map(() => startFabu('worker', data, env)))))
  }, 180_000)

  afterAll(async () => {
    await Promise.all([...servers, ...workers].map((process) => process.stop()))
    await store?.close()
    await rm(data, { recursive: true, force: true })
  })

  it('publishes every saved change while workers are killed, and ends with the bytes of a clean publish', async () => {
    const editors = await Promise.all(servers.map((server) => EditorClient.signIn(server.adminUrl)))
    // Full publishes asked of both servers, three times a site: the repeated requests merge.
    const jobIds: string[] = []
    for (const [i, slug] of slugs.entries()) {
      for (const n of [i % 2, (i + 1) % 2, i % 2]) {
        const started = await (editors[n] as EditorClient).request('POST', `/api/sites/${slug}/publish`, {
          mode: 'full',
        })
        expect(started.status, JSON.stringify(started.body)).toBe(202)
        jobIds.push((started.body as { id: string }).id)
      }
    }

    const ids = (await store.db.selectFrom('articles').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    )
    expect(ids.length).toBe(SITES * ARTICLES)
    // Each editor saves its own half of the articles, so no two saves of one article race.
    const saved = new Map<number, string>()
    const stopAt = Date.now() + EDITING_MS
    let saves = 0
    const editing = editors.map(async (editor, half) => {
      const mine = ids.filter((_, index) => index % 2 === half)
      for (let n = 0; Date.now() < stopAt; n++) {
        const id = mine[(n * 7 + half) % mine.length] ?? 0
        const title = `集群修改${half}-${n}-${id}`
        await editor.retitle(id, title)
        saved.set(id, title)
        saves++
      }
    })
    // Every few seconds a worker that is up is killed outright and started again; starting
    // one takes longer than that here, so the restarts run beside the killing.
    let kills = 0
    const restarts: Promise<void>[] = []
    const killing = (async () => {
      for (let i = 0; Date.now() < stopAt; i++) {
        await new Promise((resolve) => setTimeout(resolve, KILL_EVERY_MS))
        const index = i % workers.length
        const victim = workers[index]
        if (!victim?.isAlive()) continue
        await victim.kill()
        kills++
        restarts.push(
          startFabu('worker', data, env).then((started) => {
            workers[index] = started
          }),
        )
      }
    })()
    await Promise.all([...editing, killing])
    await Promise.all(restarts)
    expect(kills).toBeGreaterThanOrEqual(4)
    expect(saves).toBeGreaterThan(20)

    // The cluster drains: every change published, no job waiting or running.
    let last = await backlog(store)
    for (let i = 0; i < 600; i++) {
      last = await backlog(store)
      if (last.pendingSites === 0 && last.queuedJobs === 0 && last.activeJobs === 0) break
      expect(last.oldestActiveSeconds, JSON.stringify(last)).toBeLessThan(STUCK_SECONDS)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(last).toEqual({ pendingSites: 0, queuedJobs: 0, activeJobs: 0, oldestActiveSeconds: 0 })
    // Each job an editor started reports its end through either server, also one whose
    // worker was killed under it and which another worker finished.
    for (const [i, id] of jobIds.entries()) {
      const job = await editors[i % 2]?.request('GET', `/api/jobs/${id}`)
      expect(job?.body, id).toMatchObject({ status: 'succeeded', result: { failed: [] } })
    }
    await Promise.all([...servers, ...workers].map((process) => process.stop()))

    // No saved change is lost: the database has each last saved title, and so does its page.
    const articles = await store.db
      .selectFrom('articles')
      .innerJoin('sites', 'sites.id', 'articles.site_id')
      .select(['articles.id', 'articles.title', 'articles.url_path', 'sites.slug'])
      .execute()
    for (const [id, title] of saved) {
      const article = articles.find((row) => row.id === id)
      expect(article?.title).toBe(title)
      const page = await readFile(join(data, 'sites', article?.slug ?? '', article?.url_path ?? ''), 'utf8')
      expect(page, `${article?.slug}${article?.url_path}`).toContain(title)
    }

    // The same database published in full by one process into an empty folder. A full
    // publish leaves a page alone whose bytes the database records as published already, so
    // that record is forgotten first: the clean publish then writes every page itself.
    await rename(join(data, 'sites'), join(data, 'cluster-sites'))
    await store.db.deleteFrom('published_pages').execute()
    for (const slug of slugs) await runFabu(data, env, 'publish', '--site', slug, '--full')
    for (const slug of slugs) {
      const cluster = await fileTree(join(data, 'cluster-sites', slug), isScratch)
      const clean = await fileTree(join(data, 'sites', slug), isScratch)
      expect(clean.size).toBeGreaterThan(ARTICLES)
      expect([...cluster.keys()].sort(), slug).toEqual([...clean.keys()].sort())
      const differing = [...clean].filter(([path, hash]) => cluster.get(path) !== hash).map(([path]) => path)
      expect(differing, slug).toEqual([])
    }
  }, 600_000)
})
