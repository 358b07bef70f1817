import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { createDemoSite } from '../../src/demo/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { PASSWORD, useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

// The admin UI is the same on either engine; the browser story runs on SQLite.
describe('the admin UI in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1280, height: 720 })
  const openAdmin = () => admin.open()

  async function signIn(page: Page, userName: string) {
    await page.getByLabel('用户名').fill(userName)
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click()
  }

  it('signs an editor in, lists the demo site’s articles, filters them and switches to English', async () => {
    const summary = await createDemoSite(t.content, systemActor('cli:test'))
    await t.addUser('bianji', [{ role: 'editor', siteId: summary.site.id }])
    const { page, errors } = await openAdmin()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sign-in.png') })
    const signInViolations = await axeViolations(page, 'sign-in')
    await signIn(page, 'bianji')
    // Every article of the site, those the demo leaves waiting for review among them.
    await expect
      .poll(() => page.getByText(`共 ${summary.articles.total} 篇`).count(), { timeout: 15_000 })
      .toBe(1)
    await page.getByLabel('搜索标题').fill('文明')
    await page.getByLabel('搜索标题').press('Enter')
    await expect
      .poll(() => page.getByText('扛起文明大旗走在前 勇担社会责任谱新篇').count(), { timeout: 15_000 })
      .toBe(1)
    await page.getByLabel('搜索标题').fill('')
    await page.getByLabel('搜索标题').press('Enter')
    await page.getByRole('treeitem', { name: '精神文明' }).click()
    const jswm = await t.content.columns.byPath(summary.site.id, 'jcdj/jswm')
    const inColumn = (
      await t.content.articles.list({ site: summary.site.id, columnId: jswm.id, includesDescendants: true })
    ).total
    await expect.poll(() => page.getByText(`共 ${inColumn} 篇`).count(), { timeout: 15_000 }).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-article-list.png') })
    const workspaceViolations = await axeViolations(page, 'workspace')

    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByText(`${inColumn} articles`).count(), { timeout: 15_000 }).toBe(1)
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
    expect(await page.getByText('退出登录').count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-english.png') })

    const englishViolations = await axeViolations(page, 'workspace in English')
    expect([...signInViolations, ...workspaceViolations, ...englishViolations]).toEqual([])
    expect(errors).toEqual([])
  }, 90_000)

  it('tells a person why signing in failed, in their language', async () => {
    const { page } = await openAdmin()
    await page.getByLabel('用户名').fill('nobody')
    await page.getByLabel('密码', { exact: true }).fill('Wrong#pass1')
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click()
    await expect.poll(() => page.getByText('用户名或密码错误').count(), { timeout: 15_000 }).toBe(1)
  })
})
