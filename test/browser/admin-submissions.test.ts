import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

/** Picks `label` in the antd select `selector` (a combobox whose options render in a popup). */
async function choose(page: Page, selector: string, label: string) {
  await page.locator(selector).click()
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
  await option.first().waitFor({ timeout: 15_000 })
  await option.first().click()
}

// The admin UI is the same on either engine; the browser story runs on SQLite.
describe('信息报送 between two sites in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })

  it('a county submits, the parent adopts it with its source, and the unit is counted in the report and its export', {
    timeout: 240_000,
  }, async () => {
    const operator = systemActor('cli:test')
    const city = await t.content.sites.create(operator, {
      slug: 'city',
      name: '某某市人民政府',
      baseUrl: 'https://www.city.example.gov.cn',
    })
    const county = await t.content.sites.create(operator, {
      slug: 'county',
      name: '某某县人民政府',
      baseUrl: 'https://www.county.example.gov.cn',
    })
    const news = await t.content.columns.create(operator, { siteId: city.id, name: '要闻', slug: 'yw' })
    const local = await t.content.columns.create(operator, {
      siteId: county.id,
      name: '县内动态',
      slug: 'xndt',
    })
    const draft = await t.content.articles.create(operator, {
      columnId: local.id,
      title: '县里开展安全生产大检查',
      bodyHtml: '<p>全县开展安全生产大检查。</p>',
    })
    await t.content.articles.publish(operator, draft.id)
    await t.publisher.publish({ site: county.id })
    const original = await t.content.articles.get(draft.id)
    expect(original.urlPath).not.toBeNull()

    await t.addUser('cityadmin', [{ role: 'site_admin', siteId: city.id }])
    await t.addUser('countyeditor', [{ role: 'editor', siteId: county.id }])
    await t.addUser('cityeditor', [{ role: 'editor', siteId: city.id, columnId: news.id }])

    // The receiving site opens its 要闻 to the county.
    {
      const { page, errors } = await admin.signedIn('cityadmin')
      await page.locator('.section-switch').getByText('信息报送', { exact: true }).click()
      await page.getByRole('tab', { name: '报送设置' }).click()
      await choose(page, '.sources-column', '要闻')
      await choose(page, '.sources-sites', '某某县人民政府')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: '保存' }).click()
      await expect.poll(() => page.getByText('已保存').count(), { timeout: 15_000 }).toBeGreaterThan(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'submissions-sources.png'), fullPage: true })
      expect(errors).toEqual([])
      await page.context().close()
    }

    // The county's editor submits the published article from its list.
    {
      const { page, errors } = await admin.signedIn('countyeditor')
      const row = page.getByRole('row', { name: /县里开展安全生产大检查/ })
      await row.getByRole('button', { name: '报送' }).click({ timeout: 30_000 })
      const dialog = page.getByRole('dialog')
      await choose(page, '.submit-target', '某某市人民政府 / 要闻')
      await dialog.getByLabel('附言').fill('请市政府网站采用')
      await page.screenshot({ path: join(SCREENSHOTS, 'submissions-submit-dialog.png'), fullPage: true })
      await dialog.getByRole('button', { name: '报送' }).click()
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0)
      await page.locator('.section-switch').getByText('信息报送', { exact: true }).click()
      await page.getByRole('tab', { name: '报送箱' }).click()
      const sent = page.getByRole('row', { name: /县里开展安全生产大检查/ })
      await expect.poll(() => sent.getByText('待处理').count(), { timeout: 15_000 }).toBe(1)
      expect(errors).toEqual([])
      await page.context().close()
    }

    // The parent's editor adopts it from the inbox.
    const { page, errors } = await admin.signedIn('cityeditor')
    await page.locator('.section-switch').getByText('信息报送', { exact: true }).click()
    const pending = page.getByRole('row', { name: /县里开展安全生产大检查/ })
    await expect.poll(() => pending.getByText('某某县人民政府').count(), { timeout: 15_000 }).toBe(1)
    expect(await pending.getByText('请市政府网站采用').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'submissions-inbox.png'), fullPage: true })
    await pending.getByRole('button', { name: '采用', exact: true }).click()
    await expect
      .poll(() => page.getByText('已采用，稿件已放入“要闻”栏目').count(), { timeout: 15_000 })
      .toBe(1)

    // The adopted draft says where it came from and links back to the original.
    const [adopted] = (await t.content.articles.list({ site: city.id })).items
    expect(adopted?.copiedFromId).toBe(original.id)
    await page.locator('.section-switch').getByText('文章', { exact: true }).click()
    await page.getByRole('button', { name: '县里开展安全生产大检查' }).click({ timeout: 30_000 })
    const source = page.getByLabel('来源', { exact: true })
    await expect.poll(() => source.inputValue(), { timeout: 30_000 }).toBe('某某县人民政府')
    const backLink = page.locator(
      `a[href="https://www.county.example.gov.cn/${original.urlPath?.replace(/^\//, '')}"]`,
    )
    await expect.poll(() => backLink.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'submissions-adopted-article.png'), fullPage: true })

    // The report counts one adoption for the county this month, and the export says the same.
    await page.locator('.section-switch').getByText('信息报送', { exact: true }).click()
    await page.getByRole('tab', { name: '采用统计' }).click()
    const unit = page.locator('.adoption-report').getByRole('row', { name: /某某县人民政府/ })
    await expect.poll(() => unit.locator('td').last().textContent(), { timeout: 15_000 }).toBe('1')
    await page.screenshot({ path: join(SCREENSHOTS, 'submissions-report.png'), fullPage: true })

    const [xlsx] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ])
    const workbook = await JSZip.loadAsync(await readFile((await xlsx.path()) as string))
    const sheetText = [
      await workbook.file('xl/worksheets/sheet1.xml')?.async('string'),
      await workbook.file('xl/sharedStrings.xml')?.async('string'),
    ].join('')
    expect(sheetText).toContain('某某县人民政府')
    const [csv] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ])
    const lines = (await readFile((await csv.path()) as string, 'utf8')).split('\r\n')
    const month = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date()),
    )
    const expected = [
      '某某县人民政府',
      ...Array.from({ length: 12 }, (_, index) => (index + 1 === month ? '1' : '0')),
      '1',
    ]
    expect(lines[1]).toBe(expected.join(','))

    // Fully usable in English: the section's own words switch with the language.
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: 'To handle' }).click()
    await page.getByRole('switch', { name: 'Pending only' }).click()
    const decided = page.getByRole('row', { name: /县里开展安全生产大检查/ })
    await expect
      .poll(() => decided.getByText('Adopted', { exact: true }).count(), { timeout: 15_000 })
      .toBe(1)
    const section = page.locator('.submissions-section')
    for (const label of [
      '待处理报送',
      '报送箱',
      '采用统计',
      '报送单位',
      '报送时间',
      '已采用',
      '只看待处理',
    ]) {
      expect(await section.getByText(label, { exact: true }).count(), label).toBe(0)
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'submissions-inbox-en.png'), fullPage: true })
    expect(errors).toEqual([])
  })
})
