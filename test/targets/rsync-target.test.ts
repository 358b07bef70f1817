import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Publisher } from '../../src/publish/index.ts'
import { createTargets, type DeliveryOutcome, type Targets } from '../../src/targets/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { type FarSide, startFarSide } from '../support/far-side.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

for (const engine of engines()) {
  describe(`${engine.name}: publishing to a web server over rsync`, () => {
    const t = usePublishedSite(engine)
    let folder: string
    let far: FarSide
    let targets: Targets
    let publisher: Publisher
    let delivered: DeliveryOutcome[][]

    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-far-'))
      // A real rsync daemon and a real nginx on 127.0.0.1 stand for the public web server.
      far = await startFarSide(folder)
      await far.startRsync()
      targets = createTargets(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        retryDelaysMs: [],
      })
      delivered = []
      // As the CLI and the server wire it: each recorded run is delivered at once.
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        manifestDir: join(t.output, 'manifests'),
        workers: 2,
        onRunRecorded: async (run) => {
          delivered.push([...(await targets.deliver(run.siteId))])
        },
      })
      await targets.add(editor, t.site.id, {
        name: 'web1',
        kind: 'rsync',
        settings: { destination: far.rsyncUrl },
      })
    })
    afterEach(async () => {
      await far.stop()
      await rm(folder, { recursive: true, force: true })
    })

    const articlePath = async (title: string) => {
      const found = (await t.content.articles.list({ site: t.site.id, text: title, limit: 1 })).items[0]
      if (!found?.urlPath) throw new Error(`no published article ${title}`)
      return { article: found, path: found.urlPath }
    }
    const fetchFar = (path: string) => fetch(new URL(path, far.webUrl))

    it('a new target gets the whole site, and nginx serves the very bytes fabu wrote', async () => {
      const [first] = await targets.deliver(t.site.id)
      expect(first).toMatchObject({ target: 'web1', state: 'done', isFullSync: true })
      const { path } = await articlePath('通知1')
      const response = await fetchFar(path)
      expect(response.status).toBe(200)
      const local = await readFile(join(t.output, 'site', path))
      expect(Buffer.from(await response.arrayBuffer()).equals(local)).toBe(true)
      const home = Buffer.from(await (await fetchFar('index.html')).arrayBuffer())
      expect(home.equals(await readFile(join(t.output, 'site', 'index.html')))).toBe(true)
    })

    it('after an edit only the run’s changed files travel, and a withdrawn article is gone from the far side', async () => {
      await targets.deliver(t.site.id)
      const untouched = await articlePath('院内要闻1')
      const before = await stat(join(far.root, untouched.path))

      const { article, path } = await articlePath('通知2')
      await t.content.articles.update(editor, article.id, {
        baseRevision: article.revision,
        bodyHtml: '<p>通知2的正文，已更正。</p>',
      })
      const run = await publisher.publish({ site: t.site.id })
      expect(run.written.length).toBeGreaterThan(0)
      const [outcome] = delivered.at(-1) ?? []
      expect(outcome).toMatchObject({ state: 'done', isFullSync: false, runIds: [run.runId] })
      // rsync's own count of the files it sent: exactly the pages the run wrote.
      expect(outcome?.sent).toBe(run.written.length)
      const page = await (await fetchFar(path)).text()
      expect(page).toContain('已更正')
      expect(Buffer.from(page).equals(await readFile(join(t.output, 'site', path)))).toBe(true)
      // A page the run did not write was not sent again.
      expect((await stat(join(far.root, untouched.path))).mtimeMs).toBe(before.mtimeMs)

      await t.content.articles.withdraw(editor, article.id, '信息有误')
      const withdrawal = await publisher.publish({ site: t.site.id })
      expect(withdrawal.removed).toContain(path)
      expect(delivered.at(-1)?.[0]).toMatchObject({ state: 'done', deleted: withdrawal.removed.length })
      expect((await fetchFar(path)).status).toBe(404)
      expect(await (await fetchFar('index.html')).text()).not.toContain('通知2')
    })

    it('a delivery to a stopped daemon is kept as failed and goes out whole once the daemon is back', async () => {
      await targets.deliver(t.site.id)
      await far.stopRsync()
      const first = await t.article(t.columns.tzgg, '停机期间的通知', 25)
      const runA = await publisher.publish({ site: t.site.id })
      expect(delivered.at(-1)?.[0]).toMatchObject({ state: 'failed', runIds: [runA.runId] })
      expect(delivered.at(-1)?.[0]?.error).toMatch(/rsync exited with \d+: .*(refused|failed to connect)/i)
      await t.content.articles.withdraw(editor, (await articlePath('通知1')).article.id, '过期')
      const runB = await publisher.publish({ site: t.site.id })
      expect(delivered.at(-1)?.[0]).toMatchObject({ state: 'failed', runIds: [runA.runId, runB.runId] })
      const [status] = await targets.list(t.site.id)
      expect(status).toMatchObject({ name: 'web1', undeliveredRuns: 2, failedRuns: 2 })
      expect(status?.lastError).toMatch(/rsync/)

      await far.startRsync()
      const [retried] = await targets.deliver(t.site.id)
      expect(retried).toMatchObject({ state: 'done', runIds: [runA.runId, runB.runId] })
      const page = await fetchFar(first.urlPath ?? '')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('停机期间的通知')
      expect((await fetchFar(runB.removed[0] ?? 'missing')).status).toBe(404)
      expect((await targets.list(t.site.id))[0]).toMatchObject({ undeliveredRuns: 0, lastError: null })
    })
  })
}
