import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { PASSWORD, useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('the admin’s screens have URLs in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 900 })

  async function siteWithArticles() {
    const site = await t.content.sites.create(operator, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
    })
    for (const title of ['关于开展安全生产检查的通知', '关于调整办公时间的通知', '关于春节放假安排的通知'])
      await t.content.articles.create(operator, { columnId: column.id, title, bodyHtml: `<p>${title}。</p>` })
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    return { site, column }
  }

  const path = (page: Page) => {
    const url = new URL(page.url())
    return decodeURIComponent(url.pathname + url.search)
  }
  const titleField = (page: Page) => page.getByLabel('标题', { exact: true })
  const leaveDialog = (page: Page) => page.getByRole('dialog').filter({ hasText: '离开此页？' })
  const listed = (page: Page) => page.locator('.ant-table-tbody .title-link')

  /** Waits for dialogs to finish opening, so that a screenshot shows them whole. */
  async function settled(page: Page) {
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations()
              .length,
        ),
      )
      .toBe(0)
  }

  it('opens a deep link after sign-in, returns to the filtered list on Back, asks before leaving unsaved changes, and keeps the screen on reload', async () => {
    const { site, column } = await siteWithArticles()
    const listPath = `/admin/sites/${site.id}/articles?column=${column.id}&text=安全`
    const { page, errors } = await admin.open()

    // A link to a filtered list, opened signed out: the sign-in screen stands in for it.
    await page.goto(`${t.url}${listPath}`)
    await page.getByLabel('用户名').fill('bianji')
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
    await page.locator('button[type=submit]').click()
    await expect
      .poll(() => listed(page).allTextContents(), { timeout: 20_000 })
      .toEqual(['关于开展安全生产检查的通知'])
    expect(path(page)).toBe(listPath)
    await expect.poll(() => page.getByRole('searchbox', { name: '搜索' }).inputValue()).toBe('安全')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-urls-deep-link.png'), fullPage: true })

    // Column → article editor → Back: the list again, with its filter.
    await listed(page).first().click()
    await titleField(page).waitFor({ timeout: 20_000 })
    expect(path(page)).toMatch(new RegExp(`^/admin/sites/${site.id}/articles/\\d+\\?column=${column.id}$`))
    const editorPath = path(page)
    await page.goBack()
    await expect.poll(() => path(page)).toBe(listPath)
    await expect.poll(() => listed(page).allTextContents()).toEqual(['关于开展安全生产检查的通知'])

    // Forward opens the editor again; a change typed there is not left without asking.
    await page.goForward()
    await titleField(page).waitFor({ timeout: 20_000 })
    await expect.poll(() => titleField(page).inputValue()).toBe('关于开展安全生产检查的通知')
    await titleField(page).fill('关于开展安全生产大检查的通知')
    await page.goBack()
    await leaveDialog(page).waitFor({ timeout: 10_000 })
    await settled(page)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-urls-leave-dialog.png') })
    await leaveDialog(page).getByRole('button', { name: '留在此页' }).click()
    await leaveDialog(page).waitFor({ state: 'hidden' })
    expect(path(page)).toBe(editorPath)
    expect(await titleField(page).inputValue()).toBe('关于开展安全生产大检查的通知')

    // The editor's own Back button asks too; leaving goes back to the filtered list.
    await page
      .getByRole('button', { name: /返\s?回/ })
      .first()
      .click()
    await leaveDialog(page).waitFor({ timeout: 10_000 })
    await leaveDialog(page).getByRole('button', { name: '离开' }).click()
    await expect.poll(() => path(page)).toBe(listPath)
    await expect.poll(() => listed(page).allTextContents()).toEqual(['关于开展安全生产检查的通知'])

    // A reload keeps the screen: the filtered list, then the editor on its article.
    await page.reload()
    await expect
      .poll(() => listed(page).allTextContents(), { timeout: 20_000 })
      .toEqual(['关于开展安全生产检查的通知'])
    expect(path(page)).toBe(listPath)
    await page.goto(`${t.url}${editorPath}`)
    await expect
      .poll(() => titleField(page).inputValue(), { timeout: 20_000 })
      .toBe('关于开展安全生产检查的通知')
    await page.reload()
    await expect
      .poll(() => titleField(page).inputValue(), { timeout: 20_000 })
      .toBe('关于开展安全生产检查的通知')
    expect(path(page)).toBe(editorPath)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-urls-editor-reloaded.png'), fullPage: true })

    // Closing the tab with unsaved changes gets the browser's own question.
    await titleField(page).fill('关于开展安全生产检查的紧急通知')
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBeGreaterThan(0)
    const asked = page.waitForEvent('dialog')
    await page.close({ runBeforeUnload: true })
    const dialog = await asked
    expect(dialog.type()).toBe('beforeunload')
    await dialog.dismiss()
    expect(errors).toEqual([])
  }, 180_000)

  it('answers the admin page for any admin path, and a path naming no screen says so', async () => {
    await siteWithArticles()
    const response = await fetch(`${t.url}/admin/no/such/screen`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toMatch(/style-src 'self' 'nonce-/)
    const { page } = await admin.signedIn('bianji')
    await page.goto(`${t.url}/admin/no/such/screen`)
    await page.getByText('没有这个页面').waitFor({ timeout: 20_000 })
  }, 120_000)
})
