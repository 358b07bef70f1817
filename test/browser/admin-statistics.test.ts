import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type Actor, operatorAccess, systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'
import { unzip } from '../support/unzip.ts'

const operator = systemActor('cli:test')

/** A sheet's rows as cell texts, shared strings resolved: what a spreadsheet would show. */
function sheetRows(files: Map<string, string>, sheet: string): string[][] {
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (item) => [...(item[1] ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((text) => text[1]).join(''),
  )
  const xml = files.get(sheet) ?? ''
  return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((cell) => {
      const attributes = cell[1] ?? ''
      const body = cell[2] ?? ''
      const value = /<v>([^<]*)<\/v>/.exec(body)?.[1] ?? /<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1] ?? ''
      return /t="s"/.test(attributes) ? (shared[Number(value)] ?? '') : value
    }),
  )
}

describe('the statistics screen in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })

  async function openSection(page: Page, name: string) {
    await page.locator('.section-switch').getByText(name, { exact: true }).click()
  }

  /** This month: three articles by two editors in two columns, 17 views, one letter. */
  async function readSite() {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计量测试院',
      baseUrl: 'https://www.simt.example.cn',
    })
    const news = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '工作动态',
      slug: 'gzdt',
      updateType: 'news',
    })
    const notices = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    const wang: Actor = { id: 'user:90', name: '王编辑', address: '' }
    const li: Actor = { id: 'user:91', name: '李编辑', address: '' }
    const publish = async (actor: Actor, columnId: number, title: string) => {
      const draft = await t.content.articles.create(actor, { columnId, title })
      return t.content.articles.publish(actor, draft.id)
    }
    const read = await publish(wang, news.id, '院领导调研计量工作')
    await publish(wang, news.id, '计量宣传周启动')
    await publish(li, notices.id, '关于开放日的通知')
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: site.timeZone }).format(new Date())
    await t.store.db
      .insertInto('article_views_daily')
      .values({ article_id: read.id, day: today, views: 17 })
      .execute()
    const mailbox = await t.interaction.as({ actor: operator, access: operatorAccess }).mailboxes.create({
      siteId: site.id,
      slug: 'yzxx',
      name: '院长信箱',
      kind: 'consultation',
    })
    await t.interaction.visitors.submit(mailbox, {
      subject: '证书何时能取',
      content: '压力表证书何时能取？',
      name: '王小明',
      phone: '13912345678',
    })
    return { site, today }
  }

  it('shows a site administrator the month in charts and tables, and exports it as a workbook', async () => {
    const { site, today } = await readSite()
    const { page, errors } = await admin.signedIn('zhanzhang')
    await openSection(page, '统计')
    await page.getByRole('heading', { name: `${site.name}：统计` }).waitFor({ timeout: 30_000 })

    const annual = page.getByRole('table', { name: '政府网站工作年度报表' })
    const figure = (name: string) => annual.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td')
    await expect.poll(() => figure('信息发布总数').textContent(), { timeout: 30_000 }).toBe('3')
    expect(await figure('总访问量').textContent()).toBe('17')
    expect(await figure('其中：政务动态').textContent()).toBe('2')
    expect(await figure('其中：其他（含概况类）').textContent()).toBe('1')
    expect(await figure('留言办理：收到留言数').textContent()).toBe('1')
    expect(await figure('解读回应').textContent()).toBe('未知')

    // Every chart is drawn (ECharts' SVG), and says its numbers in words and in its table.
    await expect.poll(() => page.locator('.statistics-drawing svg').count(), { timeout: 30_000 }).toBe(5)
    const perColumn = page.getByRole('img', { name: /^各栏目发布数：共 3，最多 2（工作动态）/ })
    expect(await perColumn.count()).toBe(1)
    const columnTable = page.getByRole('table', { name: '各栏目发布数' })
    expect(await columnTable.locator('tbody tr').allTextContents()).toEqual(['工作动态2', '通知公告1'])
    const editorTable = page.getByRole('table', { name: '各编辑发布数' })
    expect(await editorTable.locator('tbody tr').allTextContents()).toEqual(['王编辑2', '李编辑1'])
    const perDay = page.getByRole('table', { name: '每日访问量' })
    expect(
      await perDay
        .getByRole('row', { name: new RegExp(`^${today}`) })
        .locator('td')
        .textContent(),
    ).toBe('17')

    await page.screenshot({ path: join(SCREENSHOTS, 'admin-statistics.png'), fullPage: true })
    expect(await axeViolations(page, 'statistics')).toEqual([])

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^statistics-simt-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const files = await unzip(await readFile((await download.path()) ?? ''))
    const annualSheet = sheetRows(files, 'xl/worksheets/sheet1.xml')
    expect(annualSheet[0]).toEqual(['指标 figure', '数量 count'])
    expect(annualSheet).toContainEqual(['总访问量 total views', '17'])
    expect(annualSheet).toContainEqual(['信息发布总数 articles published', '3'])
    expect(annualSheet).toContainEqual(['留言收到 letters received', '1'])
    expect(sheetRows(files, 'xl/worksheets/sheet2.xml').slice(1)).toEqual([
      ['工作动态', '2'],
      ['通知公告', '1'],
    ])

    // Today alone, as two dates: the same three articles, one day charted.
    await page.getByText('自定义', { exact: true }).click()
    await page.getByLabel('开始日期').fill(today)
    await page.getByLabel('结束日期').fill(today)
    await page.getByRole('button', { name: '统计', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('statistics-period').textContent(), { timeout: 30_000 })
      .toContain(`${today} 至 ${today}`)
    expect(
      await page.getByRole('table', { name: '每日发布数' }).locator('tbody tr').allTextContents(),
    ).toEqual([`${today}3`])

    // Last year had nothing: the period changes and the figures with it.
    await page.getByText('去年', { exact: true }).click()
    const lastYear = `${Number(today.slice(0, 4)) - 1}-01-01`
    await expect
      .poll(() => page.getByTestId('statistics-period').textContent(), { timeout: 30_000 })
      .toContain(lastYear)
    await expect.poll(() => figure('信息发布总数').textContent(), { timeout: 30_000 }).toBe('0')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-statistics-last-year.png'), fullPage: true })

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: `${site.name}: statistics` }).waitFor({ timeout: 30_000 })
    const inEnglish = page.getByRole('table', { name: 'Government website annual report' })
    expect(
      await inEnglish
        .getByRole('row', { name: /^Interpretations/ })
        .locator('td')
        .textContent(),
    ).toBe('not known')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-statistics-english.png'), fullPage: true })
    expect(await axeViolations(page, 'statistics in English')).toEqual([])
    expect(errors).toEqual([])
  }, 120_000)

  it('offers statistics to site administrators only: an editor neither sees the section nor gets the numbers', async () => {
    const { site } = await readSite()
    const { page } = await admin.signedIn('bianji')
    await page.locator('.section-switch').getByText('工作台', { exact: true }).waitFor({ timeout: 60_000 })
    expect(await page.locator('.section-switch').getByText('统计', { exact: true }).count()).toBe(0)
    const answer = await page.request.get(`${t.url}/api/sites/${site.id}/statistics?preset=this-month`)
    expect(answer.status()).toBe(403)
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
  }, 150_000)

  it('shows the system administrator every site’s count (站群) and exports it', async () => {
    await readSite()
    const county = await t.content.sites.create(operator, {
      slug: 'xian',
      name: '某某县人民政府',
      baseUrl: 'https://xian.example.gov.cn',
    })
    const countyNews = await t.content.columns.create(operator, {
      siteId: county.id,
      name: '县要闻',
      slug: 'xyw',
    })
    const draft = await t.content.articles.create(operator, {
      columnId: countyNews.id,
      title: '县政府常务会议',
    })
    await t.content.articles.publish(operator, draft.id)
    await t.addUser('xitong', [{ role: 'system_admin' }])
    const { page, errors } = await admin.signedIn('xitong')
    await page.goto(`${t.url}/admin/administration/statistics`)
    const group = page.getByRole('table', { name: '站群：各站点发布数' })
    await expect
      .poll(() => group.locator('tr.ant-table-row td:nth-child(-n+2)').allTextContents(), { timeout: 30_000 })
      .toEqual(['计量测试院', '3', '某某县人民政府', '1'])
    expect(await page.getByText('全部站点共发布 4 篇').count()).toBe(1)
    await page.getByRole('table', { name: '站群：各站点发布数' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-statistics-site-group.png'), fullPage: true })

    const card = page.locator('.statistics-group')
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      card.getByRole('link', { name: '导出 CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^statistics-sites-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = (await readFile((await download.path()) ?? '', 'utf8')).split('\r\n')
    expect(csv.find((line) => line.startsWith('某某县人民政府 (xian),1,'))).toBeDefined()
    expect(csv.find((line) => line.startsWith('合计 total,4,'))).toBeDefined()
    expect(errors).toEqual([])
  }, 120_000)
})
