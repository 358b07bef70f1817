import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatZonedMinute } from '../../src/content/index.ts'
import { httpSource, importSite } from '../../src/importers/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { type FixtureServer, gbk, serveFixture } from './support/fixture-server.ts'
import { JCMS_ARTICLES, jcmsSite } from './support/jcms-site.ts'

for (const engine of engines()) {
  describe(`${engine.name}: importing a Hanweb JCMS site in GBK`, () => {
    const fixture = useContent(engine)
    let server: FixtureServer
    let uploadsDir: string
    beforeEach(async () => {
      server = await serveFixture(await jcmsSite())
      uploadsDir = await mkdtemp(join(tmpdir(), 'fabu-import-uploads-'))
    })
    afterEach(async () => {
      await server.close()
      await rm(uploadsDir, { recursive: true, force: true })
    })

    const run = (options: { isDryRun?: boolean; since?: string; maxPages?: number } = {}) =>
      importSite(fixture.content, fixture.store, editor, {
        siteId: fixture.site.id,
        source: httpSource(`${server.origin}/`),
        sourceLabel: `${server.origin}/`,
        uploadsDir,
        ...options,
      })
    const articles = async () =>
      (await fixture.content.articles.list({ site: fixture.site.id, limit: 100 })).items

    it('brings in every article of the column, those behind the data proxy too, with all their fields', async () => {
      const report = await run()
      expect(report.counts.imported).toBe(JCMS_ARTICLES + 1)
      expect(server.requests).toContain(
        'POST /module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=12&perpage=3',
      )
      const first = (await articles()).find((a) => a.title === '文明新风第1期')
      expect(first).toMatchObject({
        subtitle: '记社区志愿者张喆',
        source: '市文明办',
        author: '王堃',
        keywords: ['精神文明', '志愿服务'],
        summary: '第1期文明新风摘要',
        status: 'published',
        attachments: [expect.objectContaining({ name: '2017年计划.pdf', mimeType: 'application/pdf' })],
      })
      expect(formatZonedMinute(first?.publishAt ?? '', fixture.site.timeZone)).toBe('2017-12-11 16:44')
      const body = first?.bodyHtml ?? ''
      expect(body).toContain('志愿者王堃讲述')
      for (const chrome of ['打印本页', '关闭窗口', '分享到', '浏览次数', '当前位置', '<script', 'counter']) {
        expect(body).not.toContain(chrome)
      }
      const image = /<img src="(\/uploads\/[^"]+\.png)"/.exec(body)?.[1] ?? ''
      expect(existsSync(join(uploadsDir, image.replace('/uploads/', '')))).toBe(true)
      expect(body).toContain(`href="${first?.attachments[0]?.url}"`)
      // Another imported article is linked by its old path, which redirects; another site is left alone.
      expect(body).toContain('href="/art/2017/12/12/art_102_2.html"')
      expect(body).toContain('href="http://www.gov.cn/zhengce/"')
    })

    it('builds the column tree from the breadcrumbs, in the order of the old home page', async () => {
      await run()
      const tree = await fixture.content.columns.tree(fixture.site.id)
      const top = tree.all().filter((column) => column.parentId === null)
      expect(top.map((column) => column.name)).toEqual(['政务公开', '基层党建'])
      const path = (name: string) => tree.all().find((column) => column.name === name)?.trail
      expect(path('精神文明')).toEqual(['基层党建', '精神文明'])
      expect(path('政策文件')).toEqual(['政务公开', '政策文件'])
      expect(tree.all().find((column) => column.name === '基层党建')?.slug).toBe('jcdj')
      const inColumn = (await articles()).filter(
        (a) => a.columnId === tree.all().find((c) => c.name === '精神文明')?.id,
      )
      expect(inColumn).toHaveLength(JCMS_ARTICLES)
    })

    it('keeps the 信息公开 fields a page shows', async () => {
      await run()
      const notice = (await articles()).find((a) => a.title === '关于印发计量工作要点的通知')
      expect(notice?.disclosure).toMatchObject({
        indexNo: '11310000002424375M/2024-00012',
        issuingAgency: '某某市市场监督管理局',
        topicCategory: '质量技术监督',
        documentNo: '沪市监计〔2024〕12号',
        writtenDate: '2024-03-01',
      })
    })

    it('reports a page that was saved garbled instead of importing it', async () => {
      const report = await run()
      const garbled = report.rows.find((row) => row.url.endsWith('art_102_99.html'))
      expect(garbled).toMatchObject({ outcome: 'failed' })
      expect(garbled?.reason).toContain('锟斤拷')
      expect(
        (await articles()).some((a) => a.bodyHtml.includes('锟斤拷') || a.title.includes('\uFFFD')),
      ).toBe(false)
    })

    it('audits every article as imported by the user who ran it, not as back-dated', async () => {
      await run()
      const records = await fixture.content.audit.list({ limit: 500 })
      const imports = records.filter((r) => r.action === 'article.import')
      expect(imports).toHaveLength(JCMS_ARTICLES + 1)
      for (const record of imports) {
        expect(record.actor).toContain(editor.name)
        expect(record.detail.importedFrom).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/art\//)
        expect(record.detail).not.toHaveProperty('backdatedTo')
      }
    })

    it('updates instead of duplicating when run again, and leaves unchanged pages alone', async () => {
      await run()
      const before = await articles()
      const again = await run()
      expect(again.counts).toMatchObject({ imported: 0, updated: 0, unchanged: JCMS_ARTICLES + 1 })
      expect((await articles()).map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort())
    })

    it('updates the article whose page changed, in place, as an import', async () => {
      await run()
      const before = (await articles()).find((a) => a.title === '文明新风第2期')
      const path = '/art/2017/12/12/art_102_2.html'
      const route = server.routes.get(path)
      if (!route || typeof route === 'function') throw new Error('fixture page missing')
      const changed = new TextDecoder('gb18030')
        .decode(route.body as Uint8Array)
        .replace('第2件实事', '第2件好事')
      server.routes.set(path, { body: gbk(changed), type: 'text/html' })
      const dry = await run({ isDryRun: true })
      expect(dry.counts).toMatchObject({ 'would update': 1, 'would import': 0, unchanged: JCMS_ARTICLES })
      expect((await fixture.content.articles.get(before?.id ?? 0)).revision).toBe(before?.revision)
      const again = await run()
      expect(again.counts).toMatchObject({ imported: 0, updated: 1, unchanged: JCMS_ARTICLES })
      const after = await fixture.content.articles.get(before?.id ?? 0)
      expect(after.bodyHtml).toContain('第2件好事')
      expect(after.revision).toBe((before?.revision ?? 0) + 1)
      const updates = (await fixture.content.audit.list({ limit: 500 })).filter(
        (r) => r.action === 'article.import' && r.targetId === String(before?.id),
      )
      expect(updates).toHaveLength(2)
    })

    it('goes on where a stopped run left off with --resume', async () => {
      const stopped = await importSite(fixture.content, fixture.store, editor, {
        siteId: fixture.site.id,
        source: httpSource(`${server.origin}/`),
        sourceLabel: `${server.origin}/`,
        uploadsDir,
        maxPages: 8,
      })
      expect(stopped.isComplete).toBe(false)
      const first = stopped.counts.imported
      expect(first).toBeLessThan(JCMS_ARTICLES + 1)
      const requestsBefore = server.requests.length
      const resumed = await importSite(fixture.content, fixture.store, editor, {
        siteId: fixture.site.id,
        source: httpSource(`${server.origin}/`),
        sourceLabel: `${server.origin}/`,
        uploadsDir,
        resumes: true,
      })
      expect(resumed.isComplete).toBe(true)
      expect(resumed.runId).toBe(stopped.runId)
      expect(first + resumed.counts.imported).toBe(JCMS_ARTICLES + 1)
      // The home page and the columns read before are not read again.
      expect(server.requests.slice(requestsBefore)).not.toContain('GET /')
      expect(await articles()).toHaveLength(JCMS_ARTICLES + 1)
    })

    it('lists what would come in on a dry run and changes nothing', async () => {
      const report = await run({ isDryRun: true })
      expect(report.counts['would import']).toBe(JCMS_ARTICLES + 1)
      expect(report.runId).toBeNull()
      expect(await articles()).toHaveLength(0)
      expect((await fixture.content.columns.tree(fixture.site.id)).all()).toHaveLength(0)
    })

    it('skips articles published before --since', async () => {
      const report = await run({ since: '2017-12-15' })
      expect(report.counts.imported).toBe(4)
      expect(report.counts.skipped).toBe(4)
    })
  })
}
