import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

// The dialog is the same on either engine (the service test covers both); the story runs on SQLite.
describe('排序 in Chromium: an editor orders the articles of the column they write in', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })
  const actor = systemActor('cli:test')

  it('moves the oldest article to the top with the keyboard-usable buttons, and the published list shows it first', async () => {
    const site = await t.content.sites.create(actor, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
    })
    const news = await t.content.columns.create(actor, { siteId: site.id, name: '要闻动态', slug: 'ywdt' })
    await t.content.columns.create(actor, { siteId: site.id, name: '通知公告', slug: 'tzgg' })
    const ids: number[] = []
    for (const [title, day] of [
      ['春耕备耕工作部署', '01'],
      ['全市安全生产会议', '02'],
      ['优化营商环境新举措', '03'],
    ] as const) {
      const created = await t.content.articles.create(actor, {
        columnId: news.id,
        title,
        publishAt: `2024-03-${day} 09:00`,
      })
      await t.content.articles.publish(actor, created.id)
      ids.push(created.id)
    }
    await t.queue.runPending()
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id, columnId: news.id }])

    const { page, errors } = await admin.signedIn('bianji')
    const orderButton = page.getByRole('button', { name: '排序', exact: true })
    // No 排序 where the editor may not write.
    await page.getByRole('treeitem', { name: '通知公告' }).click()
    await page.locator('.ant-tree-treenode-selected', { hasText: '通知公告' }).waitFor({ timeout: 15_000 })
    expect(await orderButton.count()).toBe(0)

    await page.getByRole('treeitem', { name: '要闻动态' }).click()
    await orderButton.click({ timeout: 15_000 })
    const dialog = page.getByRole('dialog', { name: '排序：要闻动态' })
    await dialog.getByText('3. 春耕备耕工作部署').waitFor({ timeout: 15_000 })
    const up = dialog.getByRole('button', { name: '上移：春耕备耕工作部署' })
    await up.focus()
    await page.keyboard.press('Enter')
    await dialog.getByText('2. 春耕备耕工作部署').waitFor()
    await up.click()
    await dialog.getByText('1. 春耕备耕工作部署').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-column-order.png') })
    await dialog.getByRole('button', { name: '保存排序' }).click()
    await page.getByText('已保存文章顺序').waitFor({ timeout: 15_000 })
    // Only the head that differs from date order is kept: the other two stay in date order.
    expect(await t.content.articles.manualOrder(news.id)).toEqual([ids[0]])

    await t.queue.runPending()
    const html = await readFile(join(t.output, 'sites', 'shili', 'ywdt', 'index.html'), 'utf8')
    const places = ['春耕备耕工作部署', '优化营商环境新举措', '全市安全生产会议'].map((title) =>
      html.indexOf(title),
    )
    expect(places.every((place) => place > -1)).toBe(true)
    expect([...places].sort((a, b) => a - b)).toEqual(places)
    expect(errors).toEqual([])
  }, 120_000)
})
