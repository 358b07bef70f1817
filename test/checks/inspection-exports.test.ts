import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createInspection, createWordingGate, type InspectionReport } from '../../src/checks/index.ts'
import { createContent, operatorAccess, systemActor } from '../../src/content/index.ts'
import {
  inspectionReportSchema,
  inspectionRunListSchema,
} from '../../src/server/inspection-response-schemas.ts'
import { openStore } from '../../src/store/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines, freshPostgresUrl } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'

const operator = systemActor('cli:test')
const principal = { actor: operator, access: operatorAccess }

for (const engine of engines()) {
  describe(`${engine.name}: the inspection report to download, with the accessibility sample`, () => {
    const t = useAdminServer(engine)

    async function publishedSite() {
      const site = await t.content.sites.create(operator, {
        slug: 'gov',
        name: '某区政府',
        baseUrl: 'https://gov.example.cn',
      })
      const column = await t.content.columns.create(operator, { siteId: site.id, name: '动态', slug: 'dt' })
      const article = await t.content.articles.create(operator, {
        columnId: column.id,
        title: '图片新闻',
        bodyHtml: '<p>现场照片：</p><p><img src="/uploads/photo.png"></p>',
      })
      await t.content.articles.publish(operator, article.id)
      await t.publisher.publish({ site: site.id })
      await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
      return { site, article: await t.content.articles.get(article.id) }
    }

    it('names the page and the rule of each accessibility finding, from html-validate and axe-core', async () => {
      const { article } = await publishedSite()
      const report = (await (await t.signedIn('guanli')).get('/api/sites/gov/inspection'))
        .body as InspectionReport
      const item = (rule: string) => report.items.find((entry) => entry.rule === rule)
      expect(item('html-validate')?.note).toContain(`article ${article.urlPath}`)
      expect(item('html-validate')?.note).toContain('home index.html')
      const axe = item('axe')
      expect(axe?.status).toBe('fail')
      expect(axe?.evidence).toContainEqual(expect.stringContaining(`${article.urlPath}: image-alt`))
      expect(axe?.refs).toContainEqual({ kind: 'page', path: article.urlPath })
    }, 120_000)

    it('downloads the report as printable HTML, as a workbook and as a PDF, and keeps the runs it is asked to', async () => {
      await publishedSite()
      const admin = await t.signedIn('guanli')
      const html = await admin.get('/api/sites/gov/inspection/export/html')
      expect(html.status).toBe(200)
      expect(html.headers.get('content-disposition')).toMatch(
        /^attachment; filename="gov-inspection-\d{4}-\d{2}-\d{2}\.html"$/,
      )
      expect(html.body).toContain('某区政府 检查指标自查')
      expect(html.body).toContain('<a href="https://gov.example.cn/dt/')
      const xlsx = await admin.get('/api/sites/gov/inspection/export/xlsx')
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
      expect(String(xlsx.body).startsWith('PK')).toBe(true)
      const pdf = await admin.get('/api/sites/gov/inspection/export/pdf')
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      expect(String(pdf.body).startsWith('%PDF')).toBe(true)
      expect((await admin.get('/api/sites/gov/inspection/export/docx')).status).toBe(422)

      expect((await admin.post('/api/sites/gov/inspection/runs')).status).toBe(201)
      const again = await admin.post('/api/sites/gov/inspection/runs')
      expect(again.body.changes).toMatchObject({ newlyFailed: [], newlyFixed: [] })
      const runs = await admin.get('/api/sites/gov/inspection/runs')
      expect(runs.body.items).toHaveLength(2)
      // The answers are what their OpenAPI schemas (and so the admin's types) say.
      expect(inspectionRunListSchema.safeParse(runs.body).error).toBeUndefined()
      expect(inspectionReportSchema.safeParse(again.body).error).toBeUndefined()
      // The dashboard shows the newest stored run, compared with the one before, and runs nothing new.
      const latest = await admin.get('/api/sites/gov/inspection/latest')
      expect(inspectionReportSchema.safeParse(latest.body).error).toBeUndefined()
      expect(latest.body).toMatchObject({
        runId: again.body.runId,
        changes: { newlyFailed: [], newlyFixed: [] },
      })
      expect((await admin.get('/api/sites/gov/inspection/runs')).body.items).toHaveLength(2)
    }, 180_000)

    it('without Chromium, refuses a PDF with CHROMIUM_MISSING and leaves axe-core unchecked, not passed', async () => {
      const { site } = await publishedSite()
      const inspection = createInspection(t.store, t.content, createWordingGate(), {
        outputRootFor: (slug, prefix) => join(t.output, 'sites', slug, prefix),
        chromiumPath: '/nonexistent/chromium',
      })
      const report = await inspection.run(principal, site.id)
      expect(report.items.find((item) => item.rule === 'axe')).toMatchObject({
        status: 'skip',
        note: expect.stringContaining('Chromium is not installed'),
      })
      expect(report.items.find((item) => item.rule === 'html-validate')?.status).not.toBe('skip')
      await expect(inspection.export(principal, site.id, 'pdf')).rejects.toMatchObject({
        code: 'CHROMIUM_MISSING',
      })
    }, 120_000)
  })

  describe(`${engine.name}: fabu check --format and --save`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv

    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-check-export-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      expect((await fabu('init')).code).toBe(0)
      const store = await openStore({
        databaseUrl: env.DATABASE_URL || undefined,
        sqlitePath: join(folder, 'fabu.db'),
      })
      try {
        const content = createContent(store)
        const site = await content.sites.create(operator, {
          slug: 'gov',
          name: '某区政府',
          baseUrl: 'https://gov.example.cn',
        })
        for (let i = 1; i <= 5; i++)
          await content.columns.create(operator, { siteId: site.id, name: `空栏目${i}`, slug: `k${i}` })
      } finally {
        await store.close()
      }
      expect((await fabu('publish', '--site', 'gov')).code).toBe(0)
    })
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true })
    })

    const fabu = (...args: string[]) => runFabu(folder, env, ...args)

    it('writes a workbook that opens with every indicator, and a PDF, and says what changed since the saved run', async () => {
      const xlsx = join(folder, 'report.xlsx')
      const saved = await fabu('check', '--format', 'xlsx', '--out', xlsx, '--save')
      expect(saved.code, saved.stderr).toBe(2)
      const zip = await JSZip.loadAsync(await readFile(xlsx))
      const sheets = Object.keys(zip.files).filter((name) => name.startsWith('xl/worksheets/sheet'))
      expect(sheets).toHaveLength(3)
      const text = (
        await Promise.all(
          ['xl/sharedStrings.xml', ...sheets]
            .filter((name) => zip.file(name))
            .map((name) => zip.file(name)?.async('string')),
        )
      ).join('\n')
      for (const rule of [
        'home-updated',
        'stale-columns',
        'blank-columns',
        'overdue-cases',
        'required-elements',
        'axe',
      ])
        expect(text).toContain(rule)
      expect(text).toContain('空栏目1 (/k1/)')
      expect(text).toContain('https://gov.example.cn/k1/')

      // An article in each column fixes the blank columns and the home page.
      const store = await openStore({
        databaseUrl: env.DATABASE_URL || undefined,
        sqlitePath: join(folder, 'fabu.db'),
      })
      try {
        const content = createContent(store)
        for (const column of (await content.columns.tree('gov')).all()) {
          const article = await content.articles.create(operator, {
            columnId: column.id,
            title: `${column.name}通知`,
          })
          await content.articles.publish(operator, article.id)
        }
      } finally {
        await store.close()
      }
      const pdf = join(folder, 'report.pdf')
      const checked = await fabu('check', '--format', 'pdf', '--out', pdf)
      expect(checked.stdout).toContain('已整改 newly fixed: 首页更新（两周内）；空白栏目（5 个及以上为否决）')
      expect((await readFile(pdf)).subarray(0, 4).toString()).toBe('%PDF')
    }, 180_000)

    it('says a PDF needs Chromium when the configured one is missing, and writes nothing', async () => {
      const config = join(folder, 'fabu.toml')
      await writeFile(
        config,
        (await readFile(config, 'utf8')).replace(
          '# chromium_path = "/usr/bin/chromium"',
          'chromium_path = "/nonexistent/chromium"',
        ),
      )
      const checked = await fabu('check', '--format', 'pdf', '--out', join(folder, 'report.pdf'))
      expect(checked.code).toBe(1)
      expect(checked.stderr).toContain('CHROMIUM_MISSING')
      await expect(readFile(join(folder, 'report.pdf'))).rejects.toThrow()
    }, 120_000)
  })
}
