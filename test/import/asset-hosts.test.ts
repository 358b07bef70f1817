import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpSource, importSite } from '../../src/importers/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { type FixtureServer, serveFixture } from './support/fixture-server.ts'
import { fileHost, slowSite } from './support/slow-site.ts'

for (const engine of engines()) {
  describe(`${engine.name}: files held on another host`, () => {
    const fixture = useContent(engine)
    let uploadsDir: string
    let files: FixtureServer
    let site: FixtureServer
    beforeEach(async () => {
      uploadsDir = await mkdtemp(join(tmpdir(), 'fabu-import-uploads-'))
      files = await serveFixture(await fileHost())
      site = await serveFixture(slowSite(2, 0, files.origin))
    })
    afterEach(async () => {
      await Promise.all([site.close(), files.close()])
      await rm(uploadsDir, { recursive: true, force: true })
    })

    const importWith = (assetHosts: readonly string[]) =>
      importSite(fixture.content, fixture.store, editor, {
        siteId: fixture.site.id,
        source: httpSource(`${site.origin}/`, { assetHosts }),
        sourceLabel: `${site.origin}/`,
        uploadsDir,
      })
    const firstArticle = async () =>
      (await fixture.content.articles.list({ site: fixture.site.id, limit: 10 })).items.find(
        (article) => article.title === '关于第1项工作的通知',
      )

    it('brings the image and the attachment on a listed asset host into the uploads, and leaves other hosts as links', async () => {
      const report = await importWith([new URL(files.origin).host])
      expect(report.counts).toMatchObject({ imported: 2, failed: 0 })
      expect(files.requests.sort()).toEqual(['GET /files/plan.pdf', 'GET /img/map.png'])
      const article = await firstArticle()
      expect(article?.bodyHtml).toMatch(/<img src="\/uploads\/[^"]+\.png"/)
      expect(article?.bodyHtml).not.toContain(files.origin)
      expect(article?.attachments).toEqual([
        expect.objectContaining({ name: '2024年计划.pdf', mimeType: 'application/pdf' }),
      ])
      expect(article?.bodyHtml).toContain('href="http://other.example.com/files/x.pdf"')
      const stored = await readdir(uploadsDir, { recursive: true })
      expect(stored.some((path) => path.endsWith('.png'))).toBe(true)
      expect(stored.some((path) => path.endsWith('.pdf'))).toBe(true)
    })

    it('asks nothing of a host that is not listed: its files stay links to it', async () => {
      const report = await importWith([])
      expect(report.counts).toMatchObject({ imported: 2, failed: 0 })
      expect(files.requests).toEqual([])
      const article = await firstArticle()
      expect(article?.bodyHtml).toContain(`href="${files.origin}/files/plan.pdf"`)
      expect(article?.attachments).toEqual([])
    })
  })
}
