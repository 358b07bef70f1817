import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createInspection, createWordingGate } from '../../src/checks/index.ts'
import { operatorAccess, systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('the inspection report page in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })

  it('leads from the dashboard card to the full report: what newly failed, the evidence linked, and an Excel export', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'gov',
      name: '某区政府',
      baseUrl: 'https://gov.example.cn',
    })
    const news = await t.content.columns.create(operator, { siteId: site.id, name: '动态', slug: 'dt' })
    const article = await t.content.articles.create(operator, {
      columnId: news.id,
      title: '区政府召开常务会议',
    })
    await t.content.articles.publish(operator, article.id)
    await t.publisher.publish({ site: site.id })
    await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
    // Yesterday's daily run, before five empty columns were added.
    const inspection = createInspection(t.store, t.content, createWordingGate(), {
      outputRootFor: (slug, prefix) => join(t.output, 'sites', slug, prefix),
      chromiumPath: null,
    })
    await inspection.save(
      { actor: systemActor('serve:daily-check'), access: operatorAccess },
      site.id,
      new Date(Date.now() - 25 * 3_600_000),
    )
    for (let i = 1; i <= 5; i++)
      await t.content.columns.create(operator, { siteId: site.id, name: `空栏目${i}`, slug: `k${i}` })

    const { page, errors } = await admin.signedIn('guanli')
    await page.locator('.section-switch').getByText('工作台', { exact: true }).click()
    const card = page.locator('.dashboard-card', { has: page.getByRole('heading', { name: '检查指标自查' }) })
    await expect.poll(() => card.getByText(/新出现的问题/).count(), { timeout: 60_000 }).toBe(1)
    expect(await card.textContent()).toContain('空白栏目（5 个及以上为否决）')

    await card.getByRole('button', { name: '查看完整报告' }).click()
    await page.getByRole('heading', { name: '检查指标自查报告：某区政府' }).waitFor()
    const row = page.locator('.inspection-table tr', {
      has: page.getByText('blank-columns', { exact: true }),
    })
    expect(await row.locator('.inspection-status').textContent()).toBe('不通过')
    expect(await row.getByRole('link', { name: '空栏目1 (/k1/)' }).getAttribute('href')).toBe(
      'https://gov.example.cn/k1/',
    )
    expect(await row.textContent()).toContain('为空白栏目发布信息')
    const home = page.locator('.inspection-table tr', {
      has: page.getByText('home-updated', { exact: true }),
    })
    expect(await home.getByRole('button', { name: '打开文章' }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-inspection-report.png'), fullPage: true })
    expect(await axeViolations(page, 'inspection report')).toEqual([])

    // Checking now stores a second run (the card's quick check stores none), listed with who asked.
    const runNow = page.getByRole('button', { name: '立即自查并保存' })
    await expect.poll(() => runNow.isEnabled()).toBe(true)
    await runNow.click()
    await expect.poll(() => page.locator('.inspection-runs li').count(), { timeout: 60_000 }).toBe(2)
    expect(await page.locator('.inspection-runs li').first().textContent()).toContain('guanli')

    await page.getByRole('button', { name: '导出' }).click()
    const download = page.waitForEvent('download', { timeout: 120_000 })
    await page.getByRole('menuitem', { name: 'Excel 表格' }).click()
    expect((await download).suggestedFilename()).toMatch(/^gov-inspection-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(errors).toEqual([])
  }, 240_000)
})
