import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpSource, importSite } from '../../src/importers/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { type FixtureServer, serveFixture } from './support/fixture-server.ts'
import { hostileSite } from './support/hostile-site.ts'

for (const engine of engines()) {
  describe(`${engine.name}: importing a hostile site`, () => {
    const fixture = useContent(engine)
    let server: FixtureServer
    let elsewhere: FixtureServer
    let uploadsDir: string
    beforeEach(async () => {
      elsewhere = await serveFixture(() => new Map([['/steal', { body: 'x' }]]))
      server = await serveFixture(hostileSite(elsewhere.origin))
      uploadsDir = await mkdtemp(join(tmpdir(), 'fabu-import-uploads-'))
    })
    afterEach(async () => {
      await server.close()
      await elsewhere.close()
      await rm(uploadsDir, { recursive: true, force: true })
    })

    const run = () =>
      importSite(fixture.content, fixture.store, editor, {
        siteId: fixture.site.id,
        source: httpSource(`${server.origin}/`, { timeoutMs: 1500 }),
        sourceLabel: `${server.origin}/`,
        uploadsDir,
      })

    it('never asks another origin or a private address for anything', async () => {
      const report = await run()
      expect(elsewhere.requests).toEqual([])
      const urls = report.rows.map((row) => row.url)
      expect(urls.some((url) => /10\.0\.0\.1|169\.254\.169\.254|steal/.test(url))).toBe(false)
    })

    it('stops an endless calendar, a redirect loop and a page that never ends, and goes on', async () => {
      const report = await run()
      const calendar = server.requests.filter((request) => request.startsWith('GET /calendar'))
      expect(calendar.length).toBeGreaterThan(10)
      expect(calendar.length).toBeLessThanOrEqual(50)
      const outcome = (path: string) => report.rows.find((row) => new URL(row.url).pathname === path)
      expect(outcome('/loop-a')).toMatchObject({
        outcome: 'failed',
        reason: expect.stringContaining('redirects'),
      })
      expect(outcome('/slow')).toMatchObject({
        outcome: 'failed',
        reason: expect.stringContaining('timed out'),
      })
      expect(report.counts.imported).toBe(1)
    })

    it('refuses a 50 MB image by the upload limits without holding it', async () => {
      const report = await run()
      const big = report.rows.find((row) => row.url.endsWith('/big.png'))
      expect(big).toMatchObject({
        kind: 'file',
        outcome: 'failed',
        reason: expect.stringContaining('larger than'),
      })
      expect(await readdir(uploadsDir).catch(() => [])).toEqual([])
    })

    it('stores a body that tried script without any of it', async () => {
      await run()
      const { items } = await fixture.content.articles.list({ site: fixture.site.id })
      const body = items[0]?.bodyHtml ?? ''
      expect(body).toContain('正文内容')
      expect(body).not.toMatch(/<script|onerror|onclick|javascript:|alert|<iframe|big\.png|<svg/i)
    })
  })
}
