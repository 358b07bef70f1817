import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { searchSites } from '../../src/search/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')
const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`)

describe('the site search screen in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1280, height: 900 })

  it('lets a site administrator keep synonyms and see what visitors searched for', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计量测试院',
      baseUrl: 'https://s.example.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    const article = await t.content.articles.create(operator, {
      columnId: column.id,
      title: '社会保险缴费通知',
    })
    await t.content.articles.publish(operator, article.id)
    await t.publisher.publish({ site: site.id })
    for (const q of ['社会保险', '社会保险', '防汛'])
      await searchSites(t.store, { siteId: site.id, q, isLogged: true })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])

    const { page, errors } = await admin.signedIn('zhanzhang')
    await page.locator('.section-switch').getByText('系统管理', { exact: true }).click()
    await page.getByRole('tab', { name: '站内搜索' }).click()
    await page.getByRole('cell', { name: '防汛' }).waitFor()
    expect(await page.getByRole('cell', { name: '社会保险' }).count()).toBe(1)
    await page.getByLabel('同义词').fill('社保 社会保险')
    await page.getByRole('button', { name: button('保存') }).click()
    await page.getByText('同义词已保存').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-search.png'), fullPage: true })
    expect((await searchSites(t.store, { siteId: site.id, q: '社保' })).total).toBe(1)
    expect(await axeViolations(page, 'site search')).toEqual([])
    expect(errors).toEqual([])
  }, 60_000)
})
