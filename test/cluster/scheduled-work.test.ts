import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { ClusterJobs, queueReindex } from '../../src/jobs/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { postgresEngine } from '../support/engines.ts'

describe('postgres: background work on several workers', () => {
  const t = useContent(postgresEngine)
  const opened: ClusterJobs[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((jobs) => jobs.stop()))
  })

  /** A column of 300 published articles (a publish long enough to watch), and a publisher for it. */
  async function siteOf300Articles(prefix: string) {
    const output = await mkdtemp(join(tmpdir(), prefix))
    const publisher = new Publisher(t.store, t.content, {
      outputRootFor: (slug) => join(output, slug),
      manifestDir: join(output, 'manifests'),
      workers: 1,
    })
    const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
    for (let n = 1; n <= 300; n++) {
      const created = await t.content.articles.create(editor, {
        columnId: column.id,
        title: `第${n}篇`,
        publishAt: `2024-03-01 09:00`,
        bodyHtml: `<p>第${n}篇的正文。</p>`,
      })
      await t.content.articles.publish(editor, created.id)
    }
    return { output, publisher, column }
  }

  it('runs each occurrence of scheduled work (the daily self-check, the link checks) once in the installation, not once in every worker', async () => {
    const publisher = new Publisher(t.store, t.content, {
      outputRootFor: (slug) => `/nonexistent/${slug}`,
      manifestDir: '/nonexistent/manifests',
    })
    const runs: { worker: number; minute: string }[] = []
    for (const worker of [1, 2, 3]) {
      const jobs = await ClusterJobs.open(t.store, t.content, {
        databaseUrl: inject('pgUrl') ?? '',
        publisher,
        system: systemActor('test'),
        onError: () => undefined,
      })
      opened.push(jobs)
      await jobs.repeat('tick', '* * * * *', async (at) => {
        runs.push({ worker, minute: at.toISOString().slice(0, 16) })
      })
    }
    // Two occurrences at least: one minute's job, then the next minute's.
    const deadline = Date.now() + 200_000
    while (new Set(runs.map((run) => run.minute)).size < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    const minutes = runs.map((run) => run.minute)
    expect(new Set(minutes).size).toBeGreaterThanOrEqual(2)
    expect(minutes.length).toBe(new Set(minutes).size)
    await publisher.close()
  }, 240_000)

  it('queues a reindex for a worker, merging a second request while the first waits, and a worker runs it', async () => {
    const url = inject('pgUrl') ?? ''
    const first = await queueReindex(t.store, url, t.site.id)
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(await queueReindex(t.store, url, t.site.id)).toBeNull()
    const publisher = new Publisher(t.store, t.content, {
      outputRootFor: (slug) => `/nonexistent/${slug}`,
      manifestDir: '/nonexistent/manifests',
    })
    const worker = await ClusterJobs.open(t.store, t.content, {
      databaseUrl: url,
      publisher,
      system: systemActor('test'),
      onError: () => undefined,
    })
    opened.push(worker)
    await worker.work(60_000)
    // Once the worker took it, a new request queues again instead of merging.
    const deadline = Date.now() + 60_000
    let again: string | null = null
    while (again === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      again = await queueReindex(t.store, url, t.site.id)
    }
    expect(again).not.toBeNull()
    expect(again).not.toBe(first)
    await publisher.close()
  }, 120_000)

  it("shows a publish job's pages done while a worker runs it, as the API on any server reads it", async () => {
    const { output, publisher } = await siteOf300Articles('fabu-progress-')
    const options = {
      databaseUrl: inject('pgUrl') ?? '',
      system: systemActor('test'),
      onError: () => undefined,
    }
    const worker = await ClusterJobs.open(t.store, t.content, { ...options, publisher })
    opened.push(worker)
    // Another server, which does not work jobs, answers the API.
    const serverStore = await t.openAnotherStore()
    const server = await ClusterJobs.open(serverStore, t.content, { ...options, publisher })
    opened.push(server)
    const job = await server.startJob(t.site.id, 'full')
    await worker.work(60_000)
    const seen: number[] = []
    let now = await server.job(job.id)
    while (now.status !== 'succeeded' && now.status !== 'failed') {
      if (now.status === 'running') seen.push(now.done)
      await new Promise((resolve) => setTimeout(resolve, 200))
      now = await server.job(job.id)
    }
    expect(now.status).toBe('succeeded')
    const total = now.done
    expect(total).toBeGreaterThan(300)
    // Readings strictly between nothing and everything, rising.
    const between = seen.filter((done) => done > 0 && done < total)
    expect(between.length).toBeGreaterThan(0)
    expect(between).toEqual([...between].sort((a, b) => a - b))
    await Promise.all(opened.splice(0).map((jobs) => jobs.stop()))
    await serverStore.close()
    await publisher.close()
    await rm(output, { recursive: true, force: true })
  }, 240_000)

  it('answers at once an incremental publish asked beside a full one of the site, instead of holding a worker waiting for the lease, and loses no change', async () => {
    const { output, publisher, column } = await siteOf300Articles('fabu-beside-full-')
    const worker = await ClusterJobs.open(t.store, t.content, {
      databaseUrl: inject('pgUrl') ?? '',
      system: systemActor('test'),
      onError: () => undefined,
      publisher,
    })
    opened.push(worker)
    // Both asked before any worker runs: the full publish first, then a change and an
    // incremental publish of the same site, as the workers' sweep asks for it.
    const full = await worker.startJob(t.site.id, 'full')
    const late = await t.content.articles.create(editor, {
      columnId: column.id,
      title: '稍后保存的文章',
      publishAt: '2024-03-02 09:00',
      bodyHtml: '<p>稍后的正文。</p>',
    })
    await t.content.articles.publish(editor, late.id)
    const incremental = await worker.startJob(t.site.id, 'incremental')
    await worker.work(60_000)
    const beside = await worker.ended(incremental)
    const fullEnded = await worker.ended(full)
    expect(fullEnded.status).toBe('succeeded')
    expect(beside.status).toBe('succeeded')
    // It published nothing and ended before the full run did: it did not wait for the lease
    // (it had, and then published run 2).
    expect(beside.result?.runId).toBeNull()
    expect(Date.parse(beside.finishedAt ?? '')).toBeLessThan(Date.parse(fullEnded.finishedAt ?? ''))
    // The full run published the change.
    const { urlPath } = await t.content.articles.get(late.id)
    expect(urlPath).not.toBeNull()
    expect(await readFile(join(output, t.site.slug, urlPath ?? ''), 'utf8')).toContain('稍后的正文')
    await Promise.all(opened.splice(0).map((jobs) => jobs.stop()))
    await publisher.close()
    await rm(output, { recursive: true, force: true })
  }, 240_000)
})
